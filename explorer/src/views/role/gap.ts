/** The gap to the role: coverage meters and what is covered and missing, by importance. */
import { h, num, percent, section, table } from '../../dom';
import { credentialLink } from '../common';
import type { Plan } from './answer';

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

export function gapSection(plan: Plan): HTMLElement {
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
