/**
 * Role and learner: a job role, what the reader holds (skills they list, or a learner record opened
 * with its key), the gap to the role by importance, and the plan of credentials that closes it.
 */
import { gql } from '../api';
import { LEARNER, PLAN, ROLE_SEARCH, SKILL_SUGGEST, skillLabels } from '../queries';
import type { DiagramEdge } from '../diagram';
import { h, money, num, percent, section, table } from '../dom';
import { update, type State } from '../state';
import {
  credentialDiagram,
  credentialLink,
  errorBox,
  facts,
  searchBox,
  selectField,
  showLoad,
  viewFrame,
  type Choice,
  type CredentialSummary,
  type SkillRef,
} from './common';

interface Requirement {
  skill: SkillRef;
  importance: number;
  essential: boolean;
  level: number;
  heldLevel: number | null;
  coveredBy: {
    skill: SkillRef;
    level: number;
    exact: boolean;
    source: string;
    credential: { id: string; title: string } | null;
  } | null;
}

interface Plan {
  totalHours: number;
  totalPrice: number | null;
  currencies: string[];
  essentialCoverageAfter: number;
  steps: {
    order: number;
    prerequisiteOnly: boolean;
    credential: CredentialSummary;
    requires: { id: string; title: string }[];
    covers: SkillRef[];
  }[];
  uncovered: { skill: SkillRef; importance: number; level: number; reason: string }[];
  gap: {
    coverage: number;
    essentialCoverage: number;
    jobRole: { id: string; title: string; framework: string; code: string | null };
    covered: Requirement[];
    missing: Requirement[];
  };
}

const OBJECTIVES: readonly { value: string; text: string }[] = [
  { value: 'HOURS', text: 'Fewest hours' },
  { value: 'PRICE', text: 'Lowest price' },
  { value: 'COUNT', text: 'Fewest credentials' },
  { value: 'VALUE', text: 'Best value (recognised credentials count more)' },
];

/** Held skills in the address: `id~level` joined by spaces (ids are URIs, which hold no spaces). */
function heldSkills(state: State): { skillId: string; level: number }[] {
  return (state.get('skills') ?? '')
    .split(' ')
    .filter((part) => part !== '')
    .map((part) => {
      const at = part.lastIndexOf('~');
      const level = at > 0 ? Number(part.slice(at + 1)) : 2;
      return {
        skillId: at > 0 ? part.slice(0, at) : part,
        level: Number.isInteger(level) && level >= 1 && level <= 5 ? level : 2,
      };
    });
}

function writeSkills(skills: { skillId: string; level: number }[]): string {
  return skills.map((s) => `${s.skillId}~${s.level}`).join(' ');
}

const KEY_STORE = 'credential-graph.learner-key.';

/** A learner's key is kept for this tab only (sessionStorage), never in the address. */
function storedKey(learnerId: string): string | null {
  return window.sessionStorage.getItem(KEY_STORE + learnerId);
}

async function labelsOf(ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const data = await gql<Record<string, SkillRef | null>>(
    skillLabels(ids.length),
    Object.fromEntries(ids.map((id, i) => [`s${i}`, id])),
  );
  return new Map(Object.values(data).flatMap((s) => (s ? [[s.id, s.label] as const] : [])));
}

function rolePicker(): HTMLElement {
  return searchBox({
    id: 'role-search',
    label: 'Job role',
    hint: 'An ESCO occupation or O*NET role by its title, e.g. "data analyst".',
    find: async (text) => {
      const data = await gql<{
        search: {
          item: {
            __typename: string;
            id: string;
            title: string;
            framework: string;
            code: string | null;
          };
        }[];
      }>(ROLE_SEARCH, { text });
      return data.search.map(({ item }) => ({
        id: item.id,
        label: item.title,
        detail: `${item.framework}${item.code ? ` ${item.code}` : ''}`,
      }));
    },
    choose: (choice: Choice) => update({ role: choice.id, view: 'role' }),
  });
}

function heldPicker(state: State, labels: Map<string, string>): HTMLElement {
  const skills = heldSkills(state);
  const setSkills = (next: { skillId: string; level: number }[]) =>
    update({ skills: writeSkills(next) || null, learner: null });
  const picker = searchBox({
    id: 'skill-search',
    label: 'Add a skill you hold',
    hint: 'Write it as you would ("Python programming", "Excel"); the registry suggests the skills it means.',
    find: async (text) => {
      const data = await gql<{
        suggestSkills: {
          skill: { id: string; label: string; framework: string };
          confident: boolean;
          matchedLabel: string;
        }[];
      }>(SKILL_SUGGEST, { text });
      return data.suggestSkills.map((s) => ({
        id: s.skill.id,
        label: s.skill.label,
        detail: `${s.skill.framework}${s.matchedLabel.toLowerCase() !== s.skill.label.toLowerCase() ? `, as "${s.matchedLabel}"` : ''}${s.confident ? ', confident' : ''}`,
      }));
    },
    choose: (choice) => {
      if (!skills.some((s) => s.skillId === choice.id))
        setSkills([...skills, { skillId: choice.id, level: 2 }]);
    },
  });
  const rows = skills.map((held, i) => {
    const label = labels.get(held.skillId) ?? held.skillId;
    const levelId = `held-level-${i}`;
    const select = h(
      'select',
      {
        id: levelId,
        onchange: (event: Event) =>
          setSkills(
            skills.map((s) =>
              s.skillId === held.skillId
                ? { ...s, level: Number((event.target as HTMLSelectElement).value) }
                : s,
            ),
          ),
      },
      [1, 2, 3, 4, 5].map((level) =>
        h('option', { value: level, selected: level === held.level }, String(level)),
      ),
    );
    return h(
      'li',
      { class: 'held', 'data-id': held.skillId },
      h('span', { class: 'held-label' }, label),
      h('label', { for: levelId, class: 'inline' }, 'level'),
      select,
      h(
        'button',
        {
          type: 'button',
          class: 'quiet',
          'aria-label': `Remove ${label}`,
          onclick: () => setSkills(skills.filter((s) => s.skillId !== held.skillId)),
        },
        'Remove',
      ),
    );
  });
  return h(
    'div',
    { class: 'held-skills' },
    picker,
    h('h3', {}, 'Skills you hold'),
    rows.length > 0
      ? h('ul', { class: 'held-list' }, rows)
      : h('p', { class: 'hint' }, 'None yet: the gap below is the whole role.'),
  );
}

interface LearnerRecord {
  displayName: string | null;
  achievements: { expired: boolean; revoked: boolean; credential: { id: string; title: string } }[];
  skills: { level: number; source: string; skill: SkillRef }[];
}

/** What an opened learner holds: earned credentials (those that count) and declared skills. */
async function learnerSummary(learnerId: string, key: string | null): Promise<HTMLElement> {
  if (!key) return h('p', { class: 'chosen' }, 'Learner: ', learnerId);
  const { learner } = await gql<{ learner: LearnerRecord | null }>(LEARNER, { id: learnerId }, key);
  if (!learner) return h('p', { class: 'error', role: 'alert' }, `No learner "${learnerId}".`);
  const counting = learner.achievements.filter((a) => !a.expired && !a.revoked);
  return h(
    'div',
    { class: 'learner' },
    h('h3', {}, `Learner: ${learner.displayName ?? learnerId}`),
    h(
      'p',
      {},
      `Earned (${counting.length}): `,
      counting.length
        ? counting.map((a, i) => [i > 0 ? ', ' : '', credentialLink(a.credential)])
        : 'none that count',
      learner.achievements.length > counting.length
        ? ` (${learner.achievements.length - counting.length} expired or revoked, not counted)`
        : '',
    ),
    h(
      'p',
      {},
      `Skills on the record (${learner.skills.length}): `,
      learner.skills
        .map((s) => `${s.skill.label} (level ${s.level}, ${s.source.toLowerCase()})`)
        .join(', ') || 'none',
    ),
  );
}

function learnerForm(state: State): HTMLElement {
  const learnerId = state.get('learner') ?? '';
  const idInput = h('input', {
    id: 'learner-id',
    name: 'learner-id',
    autocomplete: 'off',
    spellcheck: 'false',
    value: learnerId,
    required: true,
  });
  const keyInput = h('input', {
    id: 'learner-key',
    name: 'learner-key',
    type: 'password',
    autocomplete: 'off',
    required: true,
    value: learnerId ? (storedKey(learnerId) ?? '') : '',
  });
  return h(
    'form',
    {
      class: 'learner-form',
      onsubmit: (event: Event) => {
        event.preventDefault();
        const id = idInput.value.trim();
        window.sessionStorage.setItem(KEY_STORE + id, keyInput.value.trim());
        update({ learner: id, skills: null });
      },
    },
    h(
      'p',
      { class: 'hint' },
      "Or open a learner record: the learner's id and their API key (or an admin key). The key stays in this tab and is never put in the address.",
    ),
    h('div', { class: 'field' }, h('label', { for: 'learner-id' }, 'Learner id'), idInput),
    h('div', { class: 'field' }, h('label', { for: 'learner-key' }, 'API key'), keyInput),
    h('button', { type: 'submit' }, 'Open the learner'),
    learnerId
      ? h(
          'button',
          { type: 'button', class: 'quiet', onclick: () => update({ learner: null }) },
          'Close the learner',
        )
      : null,
  );
}

function options(state: State): HTMLElement {
  const objective = state.get('objective') ?? 'HOURS';
  return h(
    'div',
    { class: 'options' },
    selectField('objective', 'Plan for', OBJECTIVES, objective, (value) =>
      update({ objective: value }),
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'max-steps' }, 'At most this many credentials'),
      h('input', {
        id: 'max-steps',
        type: 'number',
        min: 1,
        max: 20,
        value: state.get('max') ?? '6',
        onchange: (e: Event) => update({ max: (e.target as HTMLInputElement).value }),
      }),
    ),
    h(
      'div',
      { class: 'field check' },
      h('input', {
        id: 'optional',
        type: 'checkbox',
        checked: state.get('optional') === '1',
        onchange: (e: Event) =>
          update({ optional: (e.target as HTMLInputElement).checked ? '1' : null }),
      }),
      h('label', { for: 'optional' }, 'Count optional skills too'),
    ),
  );
}

function meter(id: string, text: string, share: number): HTMLElement {
  return h(
    'div',
    { class: 'meter-row' },
    h('label', { for: id }, `${text}: `, h('strong', { 'data-figure': id }, percent(share))),
    h(
      'meter',
      { id, min: 0, max: 1, low: 0.5, high: 0.8, optimum: 1, value: share },
      percent(share),
    ),
  );
}

function gapSection(plan: Plan): HTMLElement {
  const { gap } = plan;
  const stepOf = new Map<string, number>();
  for (const step of plan.steps)
    for (const skill of step.covers) if (!stepOf.has(skill.id)) stepOf.set(skill.id, step.order);
  const coveredRows = gap.covered.map((r) => [
    r.skill.label,
    num(r.importance, 2),
    r.essential ? 'essential' : 'optional',
    r.coveredBy
      ? h(
          'span',
          {},
          `${r.coveredBy.exact ? '' : `${r.coveredBy.skill.label}, `}level ${r.coveredBy.level} (${r.coveredBy.source.toLowerCase()})`,
          r.coveredBy.credential ? [', from ', credentialLink(r.coveredBy.credential)] : null,
        )
      : '–',
  ]);
  const missingRows = gap.missing.map((r) => {
    const step = stepOf.get(r.skill.id);
    const credential =
      step === undefined ? undefined : plan.steps.find((s) => s.order === step)?.credential;
    return [
      r.skill.label,
      num(r.importance, 2),
      r.essential ? 'essential' : 'optional',
      `${r.level}${r.heldLevel !== null ? ` (held ${r.heldLevel})` : ''}`,
      credential ? h('span', {}, `step ${step}: `, credentialLink(credential)) : 'not in the plan',
    ];
  });
  return section(
    'gap',
    `Gap to ${gap.jobRole.title}`,
    h(
      'p',
      { class: 'hint' },
      `${gap.jobRole.framework}${gap.jobRole.code ? ` ${gap.jobRole.code}` : ''}: coverage weighs each required skill by its importance to the role.`,
    ),
    meter('coverage', 'Coverage by importance', gap.coverage),
    meter('essential-coverage', 'Essential skills covered', gap.essentialCoverage),
    h(
      'div',
      { class: 'columns' },
      h(
        'div',
        {},
        h('h3', {}, `Covered (${gap.covered.length})`),
        coveredRows.length
          ? table(
              'Covered requirements',
              ['Skill', 'Importance', 'Need', 'Covered by'],
              coveredRows,
              'covered',
            )
          : h('p', {}, 'Nothing yet.'),
      ),
      h(
        'div',
        {},
        h('h3', {}, `Missing (${gap.missing.length})`),
        missingRows.length
          ? table(
              'Missing requirements',
              ['Skill', 'Importance', 'Need', 'Level', 'Covered by the plan'],
              missingRows,
              'missing',
            )
          : h('p', {}, 'Nothing: the role is covered.'),
      ),
    ),
  );
}

function planSection(plan: Plan, objective: string): HTMLElement {
  const inPlan = new Set(plan.steps.map((s) => s.credential.id));
  const edges: DiagramEdge[] = [];
  plan.steps.forEach((step, i) => {
    const next = plan.steps[i + 1];
    const requiresNext = next?.requires.some((r) => r.id === step.credential.id);
    if (next && !requiresNext)
      edges.push({ from: step.credential.id, to: next.credential.id, kind: 'order' });
    for (const r of step.requires)
      if (inPlan.has(r.id))
        edges.push({ from: r.id, to: step.credential.id, kind: 'prerequisite' });
  });
  const objectiveText =
    OBJECTIVES.find((o) => o.value === objective)?.text.toLowerCase() ?? objective;
  return section(
    'plan',
    'Plan to close the gap',
    h(
      'dl',
      { class: 'totals' },
      h(
        'div',
        {},
        h('dt', {}, 'Steps'),
        h('dd', { 'data-figure': 'steps' }, String(plan.steps.length)),
      ),
      h('div', {}, h('dt', {}, 'Hours'), h('dd', { 'data-figure': 'hours' }, num(plan.totalHours))),
      h(
        'div',
        {},
        h('dt', {}, 'Price'),
        h('dd', { 'data-figure': 'price' }, money(plan.totalPrice, plan.currencies)),
      ),
      h(
        'div',
        {},
        h('dt', {}, 'Essential coverage after'),
        h('dd', { 'data-figure': 'after' }, percent(plan.essentialCoverageAfter)),
      ),
    ),
    plan.steps.length === 0
      ? h('p', {}, 'No credential to take: nothing missing can be covered by an active credential.')
      : [
          h(
            'p',
            { class: 'hint' },
            `Planned for ${objectiveText}; prerequisites come before what needs them.`,
          ),
          credentialDiagram(
            `The plan as a pathway: ${plan.steps.length} steps in order, arrows from each prerequisite to what needs it`,
            plan.steps.map((step) => ({ credential: step.credential, badge: String(step.order) })),
            edges,
            'TB',
          ),
          h(
            'ol',
            { class: 'steps' },
            plan.steps.map((step) =>
              h(
                'li',
                { 'data-id': step.credential.id, 'data-order': step.order },
                h(
                  'p',
                  { class: 'step-title' },
                  credentialLink(step.credential),
                  ` (${step.credential.provider.name})`,
                ),
                h('p', { class: 'step-facts' }, facts(step.credential)),
                step.prerequisiteOnly
                  ? h('p', {}, 'Taken as a prerequisite of a later step.')
                  : null,
                step.covers.length
                  ? h('p', {}, 'Covers: ', step.covers.map((s) => s.label).join(', '))
                  : null,
                step.requires.length
                  ? h(
                      'p',
                      {},
                      'Needs first: ',
                      step.requires.map((r, i) => [i > 0 ? ', ' : '', credentialLink(r)]),
                    )
                  : null,
              ),
            ),
          ),
        ],
    plan.uncovered.length
      ? [
          h('h3', {}, `Left uncovered (${plan.uncovered.length})`),
          table(
            'Requirements the plan leaves uncovered',
            ['Skill', 'Importance', 'Level', 'Why'],
            plan.uncovered.map((u) => [
              u.skill.label,
              num(u.importance, 2),
              String(u.level),
              REASONS[u.reason] ?? u.reason,
            ]),
            'uncovered',
          ),
        ]
      : null,
  );
}

const REASONS: Record<string, string> = {
  NO_CREDENTIAL: 'no active credential teaches it at this level',
  LIMIT_REACHED: 'the plan reached its number of credentials first',
  PREREQUISITE_RETIRED: 'the credential that teaches it needs a retired one',
};

export function roleView(state: State, main: HTMLElement): void {
  const roleId = state.get('role');
  const learnerId = state.get('learner');
  const held = heldSkills(state);
  const heldArea = h('div', {});
  const { said, results } = viewFrame(
    main,
    'Role and learner',
    'Pick a job role, say what you hold, and see what is missing and which credentials would close the gap.',
    [
      rolePicker(),
      roleId
        ? h('p', { class: 'chosen' }, 'Role: ', h('span', { id: 'chosen-role' }, roleId))
        : null,
    ],
    [h('h2', {}, 'What you hold'), heldArea, learnerForm(state), options(state)],
  );
  const key = learnerId ? storedKey(learnerId) : null;
  const heldLoad = learnerId
    ? learnerSummary(learnerId, key)
    : labelsOf(held.map((s) => s.skillId)).then((labels) => heldPicker(state, labels));
  void heldLoad.then(
    (shown) => heldArea.replaceChildren(shown),
    (error: unknown) => heldArea.replaceChildren(errorBox(error)),
  );
  if (!roleId) {
    said.textContent = 'Choose a job role to see the gap.';
    return;
  }
  if (learnerId && !key) {
    results.replaceChildren(
      h(
        'p',
        { class: 'error', role: 'alert' },
        "Enter the learner's API key to open their record.",
      ),
    );
    return;
  }
  const objective = state.get('objective') ?? 'HOURS';
  const max = Math.min(20, Math.max(1, Number(state.get('max') ?? 6) || 6));
  const load = gql<{ gapClosingPlan: Plan }>(
    PLAN,
    {
      role: roleId,
      learner: learnerId,
      skills: learnerId ? null : held,
      optimize: OBJECTIVES.some((o) => o.value === objective) ? objective : 'HOURS',
      optional: state.get('optional') === '1',
      max,
    },
    key ?? undefined,
  );
  showLoad(said, results, 'Working out the gap and the plan…', load, ({ gapClosingPlan: plan }) => {
    const chosen = main.querySelector('#chosen-role');
    if (chosen) chosen.textContent = `${plan.gap.jobRole.title} (${plan.gap.jobRole.framework})`;
    return {
      said: `Gap and plan for ${plan.gap.jobRole.title}: ${plan.steps.length} steps.`,
      content: [gapSection(plan), planSection(plan, objective)],
    };
  });
}
