/** The plan that closes the gap: its steps in order, drawn as a pathway, and what stays open. */
import type { DiagramEdge } from '../../diagram';
import { h, money, num, percent, section, table } from '../../dom';
import { credentialDiagram, credentialLink, facts } from '../common';
import type { Plan } from './answer';

/** What a plan may minimise. */
export const OBJECTIVES: readonly { value: string; text: string }[] = [
  { value: 'HOURS', text: 'Fewest hours' },
  { value: 'PRICE', text: 'Lowest price' },
  { value: 'COUNT', text: 'Fewest credentials' },
  { value: 'VALUE', text: 'Best value (recognised credentials count more)' },
];

export function planSection(plan: Plan, objective: string): HTMLElement {
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
