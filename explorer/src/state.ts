/**
 * The address as the page's state: read it, change it, follow the browser's back and forward.
 * What it holds is address.ts's. Secrets (a learner's key) never go there.
 */

import type { State } from './address';

export { VIEWS, hrefOf, viewOf, type State, type ViewName } from './address';

export function currentState(): State {
  return new URLSearchParams(window.location.search);
}

type Listener = () => void;
const listeners: Listener[] = [];

/** Called after every change of the address made by `navigate` or the browser's back and forward. */
export function onNavigate(listener: Listener): void {
  listeners.push(listener);
}

/**
 * Changes the state: `replace` for edits that should not each be a step back (typing), a new history
 * entry otherwise.
 */
function navigate(href: string, replace = false): void {
  const url = new URL(href, window.location.href);
  if (url.search === window.location.search) return;
  if (replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  for (const listener of listeners) listener();
}

/** Sets some keys of the current state (null removes one). */
export function update(values: Record<string, string | null>, replace = false): void {
  const params = currentState();
  for (const [key, value] of Object.entries(values)) {
    if (value === null || value === '') params.delete(key);
    else params.set(key, value);
  }
  navigate(`?${params.toString()}`, replace);
}

window.addEventListener('popstate', () => {
  for (const listener of listeners) listener();
});

/** Links inside the page change the state without reloading it. */
export function interceptLinks(root: HTMLElement): void {
  root.addEventListener('click', (event) => {
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey
    )
      return;
    const link = (event.target as Element).closest('a');
    const href = link?.getAttribute('href');
    if (!link || !href?.startsWith('?')) return;
    event.preventDefault();
    navigate(href);
  });
}
