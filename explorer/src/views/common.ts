/** Pieces the views share: loading and error states, search boxes, links to credentials. */
import { ApiError } from '../api';
import { Colours, diagram, legend, type DiagramEdge } from '../diagram';
import { debounce, fill, h, num, type Children } from '../dom';
import { hrefOf } from '../state';

/** A region that shows what a load is doing; `aria-live` so screen readers hear the outcome. */
export function status(): HTMLElement {
  return h('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
}

/** An error from the registry, with its code, in an alert. */
export function errorBox(error: unknown): HTMLElement {
  const code = error instanceof ApiError ? error.code : 'ERROR';
  const message = error instanceof Error ? error.message : String(error);
  return h('div', { class: 'error', role: 'alert' }, h('strong', {}, `${code}: `), message);
}

/**
 * Runs loads so that only the newest one shows: a slow answer to an old question never replaces
 * the answer to the new one.
 */
function latest(): <T>(load: Promise<T>) => Promise<T | undefined> {
  let counter = 0;
  return async <T>(load: Promise<T>) => {
    const mine = ++counter;
    const value = await load;
    return mine === counter ? value : undefined;
  };
}

export interface SkillRef {
  id: string;
  label: string;
}

/** A view's heading and the sentence under it that says what it is for. */
export function heading(title: string, lead: string): HTMLElement[] {
  return [h('h1', {}, title), h('p', { class: 'lead' }, lead)];
}

/**
 * Fills `main` with a view: its heading, its forms (each in a card), a status line and the results
 * area, which it returns for the view's loads.
 */
export function viewFrame(
  main: HTMLElement,
  title: string,
  lead: string,
  ...forms: Children[]
): { said: HTMLElement; results: HTMLElement } {
  const said = status();
  const results = h('div', { class: 'results' });
  main.replaceChildren(
    ...heading(title, lead),
    ...forms.map((form) => h('div', { class: 'card form-card' }, form)),
    said,
    results,
  );
  return { said, results };
}

/**
 * Shows a load: `waiting` in the status while it runs, then what `show` makes of the answer (a
 * status sentence and the content), or the registry's error.
 */
export function showLoad<T>(
  said: HTMLElement,
  results: HTMLElement,
  waiting: string,
  load: Promise<T>,
  show: (value: T) => { said: string; content: Children },
): void {
  said.textContent = waiting;
  load.then(
    (value) => {
      const shown = show(value);
      said.textContent = shown.said;
      fill(results, shown.content);
    },
    (error: unknown) => {
      said.textContent = '';
      results.replaceChildren(errorBox(error));
    },
  );
}

/** A labelled select whose choice goes to `choose`. */
export function selectField(
  id: string,
  label: string,
  choices: readonly { value: string; text: string }[],
  selected: string,
  choose: (value: string) => void,
): HTMLElement {
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label),
    h(
      'select',
      { id, onchange: (e: Event) => choose((e.target as HTMLSelectElement).value) },
      choices.map((c) => h('option', { value: c.value, selected: c.value === selected }, c.text)),
    ),
  );
}

export interface CredentialSummary {
  id: string;
  title: string;
  credentialType: string;
  hours: number | null;
  price: number | null;
  currency: string | null;
  eqfLevel: number | null;
  provider: { id: string; name: string };
}

function credentialHref(id: string): string {
  return hrefOf({ view: 'credential', credential: id });
}

export function credentialLink(c: { id: string; title: string }): HTMLElement {
  return h('a', { href: credentialHref(c.id) }, c.title);
}

/** Hours, price and level in one line. */
export function facts(c: CredentialSummary): string {
  const parts = [c.credentialType.replaceAll('_', ' ').toLowerCase()];
  if (c.hours !== null) parts.push(`${num(c.hours)} h`);
  if (c.price !== null)
    parts.push(c.price === 0 ? 'free' : `${num(c.price, 2)} ${c.currency ?? ''}`.trim());
  if (c.eqfLevel !== null) parts.push(`EQF ${c.eqfLevel}`);
  return parts.join(' · ');
}

export interface Choice {
  readonly id: string;
  readonly label: string;
  readonly detail?: string;
}

/**
 * A search box whose answers are buttons in a list below it: type, then Tab (or the arrow keys) to an
 * answer and Enter to take it.
 */
export function searchBox(options: {
  id: string;
  label: string;
  hint: string;
  placeholder?: string;
  initial?: string;
  find: (text: string) => Promise<Choice[]>;
  choose: (choice: Choice) => void;
}): HTMLElement {
  const hintId = `${options.id}-hint`;
  const input = h('input', {
    id: options.id,
    type: 'search',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-describedby': hintId,
    placeholder: options.placeholder,
    value: options.initial,
  });
  const list = h('ul', {
    class: 'choices',
    'aria-label': `Answers for ${options.label.toLowerCase()}`,
  });
  const said = status();
  const run = latest();
  const find = async (text: string) => {
    if (text.trim().length < 2) {
      list.replaceChildren();
      said.textContent = '';
      return;
    }
    try {
      const choices = await run(options.find(text.trim()));
      if (!choices) return;
      list.replaceChildren(
        ...choices.map((choice) =>
          h(
            'li',
            {},
            h(
              'button',
              {
                type: 'button',
                class: 'choice',
                'data-id': choice.id,
                onclick: () => options.choose(choice),
              },
              h('span', { class: 'choice-label' }, choice.label),
              choice.detail ? h('span', { class: 'choice-detail' }, choice.detail) : null,
            ),
          ),
        ),
      );
      said.textContent = choices.length === 0 ? 'Nothing found.' : `${choices.length} found.`;
    } catch (error) {
      list.replaceChildren(h('li', {}, errorBox(error)));
    }
  };
  const search = debounce((text: string) => void find(text));
  input.addEventListener('input', () => search(input.value));
  // The arrow keys move between the input and the answers, as in a combo box.
  const move = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const buttons = [...list.querySelectorAll('button')];
    if (buttons.length === 0) return;
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = event.key === 'ArrowDown' ? at + 1 : at - 1;
    event.preventDefault();
    if (next < 0) input.focus();
    else buttons[Math.min(next, buttons.length - 1)]?.focus();
  };
  input.addEventListener('keydown', move);
  list.addEventListener('keydown', move);
  if (options.initial) search(options.initial);
  return h(
    'div',
    { class: 'search-box' },
    h('label', { for: options.id }, options.label),
    h('p', { id: hintId, class: 'hint' }, options.hint),
    input,
    said,
    list,
  );
}

/**
 * A diagram of credentials and its key: each box a link to the credential, banded in its
 * provider's colour.
 */
export function credentialDiagram(
  label: string,
  boxes: readonly { credential: CredentialSummary; badge?: string; emphasis?: boolean }[],
  edges: readonly DiagramEdge[],
  direction: 'TB' | 'BT',
): HTMLElement[] {
  const colours = new Colours();
  const nodes = boxes.map(({ credential: c, badge, emphasis }) => ({
    id: c.id,
    title: c.title,
    // Hours first: a long provider name is what gets cut.
    subtitle: `${c.hours !== null ? `${num(c.hours)} h · ` : ''}${c.provider.name}`,
    href: credentialHref(c.id),
    colour: colours.of(c.provider.id),
    badge,
    emphasis,
  }));
  const providers = [
    ...new Map(boxes.map(({ credential: c }) => [c.provider.id, c.provider.name])).entries(),
  ].map(([id, name]) => ({ name, colour: colours.of(id) }));
  return [
    diagram(label, nodes, edges, direction),
    legend([...new Set(edges.map((e) => e.kind))], providers),
  ];
}
