/**
 * Role and learner: a job role, what the reader holds (skills they list, or a learner record opened
 * with its key), the gap to the role by importance, and the plan of credentials that closes it.
 */
import { gql } from '../api';
import { PLAN, ROLE_SEARCH } from '../queries';
import { heldSkills } from '../address';
import { h } from '../dom';
import { update, type State } from '../state';
import { errorBox, searchBox, selectField, showLoad, viewFrame, type Choice } from './common';
import type { Plan } from './role/answer';
import { gapSection } from './role/gap';
import { heldPicker, labelsOf } from './role/held-skills';
import { learnerForm, learnerSummary, storedKey } from './role/learner';
import { OBJECTIVES, planSection } from './role/plan';

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
