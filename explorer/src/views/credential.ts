/**
 * Credential: what it stacks into and what leads to it (a graph of part-of and prerequisite links,
 * providers coloured), its equivalents with how each score is made, and its broadening options.
 */
import { gql } from '../api';
import { CATALOGUE, CREDENTIAL, CREDENTIAL_SEARCH } from '../queries';
import type { DiagramEdge, EdgeKind } from '../diagram';
import { h, money, num, section, table } from '../dom';
import { update, type State } from '../state';
import {
  credentialDiagram,
  credentialLink,
  errorBox,
  facts,
  searchBox,
  showLoad,
  viewFrame,
  type CredentialSummary,
  type SkillRef,
} from './common';

interface Path {
  length: number;
  totalHours: number;
  totalPrice: number | null;
  priceKnown: boolean;
  currencies: string[];
  steps: {
    link: 'UNLOCKS' | 'PART_OF' | 'REQUIRES' | 'HAS_PART';
    required: boolean | null;
    credential: CredentialSummary;
  }[];
}

interface Equivalent {
  score: number | null;
  declared: boolean;
  mutual: boolean;
  sameProvider: boolean;
  assertedBy: string[];
  credential: CredentialSummary;
  parts: {
    raw: number;
    overlap: number;
    union: number;
    evidence: number;
    evidenceDamping: number;
    eqfDamping: number;
    hoursDamping: number;
    exactMatches: number;
    hierarchyMatches: number;
  } | null;
  sharedSkills: SkillRef[];
  onlyInStart: SkillRef[];
  onlyInOther: SkillRef[];
}

interface Broadening {
  score: number;
  adjacency: number;
  novelty: number;
  breadth: number;
  credential: CredentialSummary;
  siblingOf: { id: string; title: string }[];
  newSkills: { skill: SkillRef; adjacent: boolean; how: string | null; via: SkillRef | null }[];
}

interface CredentialPage {
  credential:
    | (CredentialSummary & {
        description: string | null;
        status: string;
        url: string | null;
        ects: number | null;
        skills: { level: number; skill: SkillRef }[];
      })
    | null;
  up: Path[];
  down: Path[];
  equivalents: Equivalent[];
  broadeningOptions: Broadening[];
}

/**
 * The links of the paths as edges, each drawn once: `prerequisite` from the prerequisite to what it
 * unlocks, `part` from the part to its whole, whichever way the path was walked.
 */
function pathEdges(startId: string, paths: readonly Path[]): DiagramEdge[] {
  const edges = new Map<string, DiagramEdge>();
  for (const path of paths) {
    let previous = startId;
    for (const step of path.steps) {
      const id = step.credential.id;
      const kind: EdgeKind =
        step.link === 'UNLOCKS' || step.link === 'REQUIRES' ? 'prerequisite' : 'part';
      const upward = step.link === 'UNLOCKS' || step.link === 'PART_OF';
      const edge = upward ? { from: previous, to: id, kind } : { from: id, to: previous, kind };
      edges.set(`${edge.from}|${edge.to}|${kind}`, edge);
      previous = id;
    }
  }
  return [...edges.values()];
}

const LINK_TEXT = {
  UNLOCKS: 'then',
  PART_OF: 'part of',
  REQUIRES: 'needs',
  HAS_PART: 'has part',
} as const;

function pathList(title: string, startTitle: string, paths: readonly Path[]): HTMLElement {
  return h(
    'div',
    { class: 'paths' },
    h('h3', {}, `${title} (${paths.length})`),
    paths.length === 0
      ? h('p', {}, 'None.')
      : h(
          'ol',
          {},
          paths.map((path) =>
            h(
              'li',
              { class: 'path' },
              startTitle,
              path.steps.map((step) => [
                ` ${LINK_TEXT[step.link]}${step.required === false ? ' (elective)' : ''} `,
                credentialLink(step.credential),
              ]),
              h(
                'span',
                { class: 'path-totals' },
                ` — ${num(path.totalHours)} h, ${path.priceKnown ? money(path.totalPrice, path.currencies) : 'price unknown'}`,
              ),
            ),
          ),
        ),
  );
}

function stackingSection(
  page: CredentialPage,
  start: NonNullable<CredentialPage['credential']>,
): HTMLElement {
  const all = new Map<string, CredentialSummary>([[start.id, start]]);
  for (const path of [...page.up, ...page.down])
    for (const step of path.steps) all.set(step.credential.id, step.credential);
  const edges = pathEdges(start.id, [...page.up, ...page.down]);
  return section(
    'stacking',
    'Stacking paths',
    edges.length === 0
      ? h('p', {}, 'This credential has no prerequisite or part-of links to active credentials.')
      : [
          h(
            'p',
            { class: 'hint' },
            'Foundations at the bottom, what they stack into above. The heavier box is this credential; select a box to open that credential.',
          ),
          credentialDiagram(
            `Stacking graph of ${start.title}: ${all.size} credentials, ${edges.length} links`,
            [...all.values()].map((c) => ({ credential: c, emphasis: c.id === start.id })),
            edges,
            'BT',
          ),
        ],
    h(
      'div',
      { class: 'columns' },
      pathList('Up: what it leads to', start.title, page.up),
      pathList('Down: what leads to it', start.title, page.down),
    ),
  );
}

function skills(list: readonly SkillRef[]): string {
  return list.length === 0 ? 'none' : list.map((s) => s.label).join(', ');
}

/** How a computed score is made, in words and figures. */
function explanation(e: Equivalent): HTMLElement | null {
  const p = e.parts;
  if (!p || e.score === null) return null;
  const reasons = [
    p.evidenceDamping < 1 ? `the shared weight ${num(p.evidence, 2)} is under 1.5` : null,
    p.eqfDamping < 1 ? 'their EQF levels differ by more than one' : null,
    p.hoursDamping < 1 ? 'their hours differ by more than 2×' : null,
  ].filter(Boolean);
  return h(
    'p',
    { class: 'explain' },
    `Score ${num(e.score, 2)} = overlap ${num(p.overlap, 2)} / union ${num(p.union, 2)} (= ${num(p.raw, 2)})`,
    ` × evidence ${num(p.evidenceDamping, 2)} × EQF ${num(p.eqfDamping, 2)} × hours ${num(p.hoursDamping, 2)}`,
    `, from ${p.exactMatches} exact and ${p.hierarchyMatches} parent/child skill matches (rarer skills weigh more).`,
    reasons.length ? ` Lowered because ${reasons.join(', and ')}.` : '',
  );
}

function equivalentsSection(page: CredentialPage): HTMLElement {
  return section(
    'equivalents',
    `Equivalents (${page.equivalents.length})`,
    page.equivalents.length === 0
      ? h('p', {}, 'No credential covers the same ground closely enough.')
      : h(
          'ol',
          { class: 'equivalents' },
          page.equivalents.map((e) =>
            h(
              'li',
              { 'data-id': e.credential.id, 'data-score': e.score ?? '' },
              h(
                'p',
                { class: 'step-title' },
                credentialLink(e.credential),
                ` (${e.credential.provider.name}) `,
                h('strong', { class: 'score' }, e.score === null ? 'declared' : num(e.score, 2)),
              ),
              h('p', { class: 'step-facts' }, facts(e.credential)),
              e.declared
                ? h(
                    'p',
                    {},
                    `Declared by ${e.assertedBy.join(', ') || 'the registry'}${e.mutual ? ', both ways' : ''}.`,
                  )
                : null,
              e.sameProvider
                ? h('p', {}, 'Same provider: usually a re-run or a translation.')
                : null,
              explanation(e),
              h(
                'p',
                {},
                `Shared: ${skills(e.sharedSkills)}. Only here: ${skills(e.onlyInStart)}. Only there: ${skills(e.onlyInOther)}.`,
              ),
            ),
          ),
        ),
  );
}

/** At most eight items in a line, then how many more. */
function listed(items: readonly string[], most = 8): string {
  const shown = items.slice(0, most).join(', ');
  return items.length > most ? `${shown} and ${items.length - most} more` : shown;
}

function broadeningSection(page: CredentialPage): HTMLElement {
  return section(
    'broadening',
    `Broadening options (${page.broadeningOptions.length})`,
    page.broadeningOptions.length === 0
      ? h('p', {}, 'No credential at about this level adds skills next to these.')
      : table(
          'Credentials that broaden this one, best first',
          ['Credential', 'Score', 'Adjacency', 'Novelty', 'Breadth', 'New skills'],
          page.broadeningOptions.map((b) => [
            h(
              'span',
              {},
              credentialLink(b.credential),
              ` (${b.credential.provider.name})`,
              b.siblingOf.length ? h('span', { class: 'tag' }, ' sibling part') : null,
            ),
            num(b.score, 2),
            num(b.adjacency, 2),
            num(b.novelty, 2),
            num(b.breadth, 2),
            listed(
              b.newSkills.map((n) => `${n.skill.label}${n.via ? ` (next to ${n.via.label})` : ''}`),
            ),
          ]),
          'broadening',
        ),
  );
}

function credentialPicker(): HTMLElement {
  return searchBox({
    id: 'credential-search',
    label: 'Credential',
    hint: 'By title or subject, e.g. "data analysis" or "cloud".',
    find: async (text) => {
      const data = await gql<{ search: { item: CredentialSummary }[] }>(CREDENTIAL_SEARCH, {
        text,
      });
      return data.search.map(({ item }) => ({
        id: item.id,
        label: item.title,
        detail: `${item.provider.name} · ${facts(item)}`,
      }));
    },
    choose: (choice) => update({ view: 'credential', credential: choice.id }),
  });
}

async function catalogue(): Promise<HTMLElement> {
  const data = await gql<{ credentials: { totalCount: number; nodes: CredentialSummary[] } }>(
    CATALOGUE,
  );
  return section(
    'catalogue',
    `Or start from the catalogue (${data.credentials.nodes.length} of ${data.credentials.totalCount})`,
    h(
      'ul',
      { class: 'catalogue' },
      data.credentials.nodes.map((c) =>
        h(
          'li',
          {},
          credentialLink(c),
          h('span', { class: 'choice-detail' }, ` ${c.provider.name} · ${facts(c)}`),
        ),
      ),
    ),
  );
}

/** The credential itself: provider, facts, description, skills and its records in the standards. */
function about(c: NonNullable<CredentialPage['credential']>): HTMLElement {
  const record = `../credentials/${encodeURIComponent(c.id)}`;
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'credential-title' },
    h('h2', { id: 'credential-title' }, c.title),
    h(
      'p',
      { class: 'step-facts' },
      `${c.provider.name} · ${facts(c)}${c.ects !== null ? ` · ${num(c.ects)} ECTS` : ''}${c.status !== 'ACTIVE' ? ` · ${c.status.toLowerCase()}` : ''}`,
    ),
    c.description ? h('p', {}, c.description) : null,
    h(
      'p',
      {},
      `Teaches: ${c.skills.map((s) => `${s.skill.label} (level ${s.level})`).join(', ') || 'no skills registered'}.`,
    ),
    h(
      'p',
      {},
      h('a', { href: record }, 'Open Badges 3.0 record'),
      ' · ',
      h('a', { href: `${record}?format=ctdl` }, 'CTDL record'),
    ),
  );
}

export function credentialView(state: State, main: HTMLElement): void {
  const id = state.get('credential');
  const { said, results } = viewFrame(
    main,
    'Credential',
    'How a credential stacks, which credentials of other providers are worth about the same, and which would broaden it.',
    credentialPicker(),
  );
  if (!id) {
    showLoad(said, results, 'Loading the catalogue…', catalogue(), (list) => ({
      said: '',
      content: list,
    }));
    return;
  }
  showLoad(
    said,
    results,
    'Loading the credential…',
    gql<CredentialPage>(CREDENTIAL, { id }),
    (page) => {
      const c = page.credential;
      if (!c) return { said: '', content: errorBox(new Error(`No credential "${id}".`)) };
      return {
        said: `${c.title}: ${page.up.length + page.down.length} stacking paths, ${page.equivalents.length} equivalents, ${page.broadeningOptions.length} broadening options.`,
        content: [
          about(c),
          stackingSection(page, c),
          equivalentsSection(page),
          broadeningSection(page),
        ],
      };
    },
  );
}
