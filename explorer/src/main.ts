/**
 * The explorer: four views over the registry's public GraphQL API. The address holds the state;
 * each change of it renders the chosen view again.
 */
import './style.css';
import { h } from './dom';
import {
  currentState,
  hrefOf,
  interceptLinks,
  onNavigate,
  VIEWS,
  viewOf,
  type State,
  type ViewName,
} from './state';
import { credentialView } from './views/credential';
import { providerView } from './views/provider';
import { researchView } from './views/research';
import { roleView } from './views/role';

const RENDER: Record<ViewName, (state: State, main: HTMLElement) => void> = {
  role: roleView,
  credential: credentialView,
  research: researchView,
  provider: providerView,
};

/** The page's frame (index.html); without it there is nothing to draw into. */
function element(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (!found) throw new Error(`The page has no #${id}.`);
  return found;
}

const main = element('main');
const nav = element('views');
let shown: ViewName | undefined;

function render(): void {
  const state = currentState();
  const view = viewOf(state);
  const title = VIEWS.find((v) => v.name === view)?.title ?? view;
  nav.replaceChildren(
    ...VIEWS.map((v) =>
      h(
        'li',
        {},
        h(
          'a',
          {
            href: hrefOf({ view: v.name }),
            'aria-current': v.name === view ? 'page' : null,
            'data-view': v.name,
          },
          v.title,
        ),
      ),
    ),
  );
  document.title = `${title} · Credential Graph explorer`;
  // Keep focus where the reader is while they edit a view; a new view starts at its heading.
  const active = document.activeElement;
  const wasInMain = active instanceof HTMLElement && main.contains(active);
  const focusedId = wasInMain ? active.id : '';
  RENDER[view](state, main);
  main.dataset.view = view;
  const heading = main.querySelector('h1');
  heading?.setAttribute('tabindex', '-1');
  if (shown !== undefined && shown !== view) heading?.focus();
  else if (wasInMain && !main.contains(document.activeElement)) {
    // The control used is gone (a choice in a list): go on from the same control if it is still
    // there, else from the top of the view.
    (focusedId ? document.getElementById(focusedId) : null)?.focus();
    if (!main.contains(document.activeElement)) main.focus();
  }
  shown = view;
}

interceptLinks(document.body);
onNavigate(render);
render();
