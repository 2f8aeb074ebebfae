/** Small DOM helpers: the page is plain TypeScript over the DOM, with no framework. */

export { money, num, percent } from './format';

type Child = Node | string | number | null | undefined | false;
/** Children as they come: single, or in (nested) lists. */
export type Children = Child | readonly Children[];
type Attributes = Record<string, string | number | boolean | null | undefined | EventListener>;

/**
 * Creates an element: `h('a', { href: '#x', class: 'link' }, 'text')`. Attributes whose value is a
 * function become event listeners (`onclick`); `true` sets an empty attribute; null, undefined and
 * false leave it out. Children that are null, undefined or false are skipped.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Children[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  setAttributes(element, attributes);
  append(element, children);
  return element;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Creates an SVG element, like `h`. */
export function s(tag: string, attributes: Attributes = {}, ...children: Children[]): SVGElement {
  const element = document.createElementNS(SVG_NS, tag);
  setAttributes(element, attributes);
  append(element, children);
  return element;
}

function setAttributes(element: Element, attributes: Attributes): void {
  for (const [name, value] of Object.entries(attributes)) {
    if (typeof value === 'function') {
      element.addEventListener(name.replace(/^on/, ''), value);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else if (value !== null && value !== undefined && value !== false) {
      element.setAttribute(name, String(value));
    }
  }
}

function append(element: Element, children: readonly Children[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (typeof child === 'string' || typeof child === 'number') element.append(String(child));
    else if (child instanceof Node) element.append(child);
    else append(element, child);
  }
}

/** Replaces the children of an element. */
export function fill(element: Element, ...children: Children[]): void {
  element.replaceChildren();
  append(element, children);
}

/** Calls `run` once input has paused for `ms`. */
export function debounce<A extends unknown[]>(
  run: (...args: A) => void,
  ms = 250,
): (...args: A) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (...args: A) => {
    clearTimeout(timer);
    timer = setTimeout(() => run(...args), ms);
  };
}

/** A section with a heading, labelled by it for assistive technology. */
export function section(id: string, title: string, ...children: Children[]): HTMLElement {
  const headingId = `${id}-title`;
  return h(
    'section',
    { id, 'aria-labelledby': headingId, class: 'card' },
    h('h2', { id: headingId }, title),
    ...children,
  );
}

/** A table from a header row and body rows; `caption` names it. */
export function table(
  caption: string,
  head: string[],
  rows: Children[][],
  className = '',
): HTMLElement {
  // Wide tables scroll inside their own region (reachable by keyboard) rather than the page.
  const wrapped = h(
    'table',
    { class: className },
    h('caption', {}, caption),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        head.map((cell) => h('th', { scope: 'col' }, cell)),
      ),
    ),
    h(
      'tbody',
      {},
      rows.map((row) =>
        h(
          'tr',
          {},
          row.map((cell) => h('td', {}, cell)),
        ),
      ),
    ),
  );
  return h(
    'div',
    { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': `Table: ${caption}` },
    wrapped,
  );
}
