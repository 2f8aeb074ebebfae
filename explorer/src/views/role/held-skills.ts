/** What the reader holds, as skills they pick and rate; kept in the address. */
import { gql } from '../../api';
import { heldSkills, writeSkills } from '../../address';
import { h } from '../../dom';
import { SKILL_SUGGEST, skillLabels } from '../../queries';
import { update, type State } from '../../state';
import { searchBox, type SkillRef } from '../common';

export async function labelsOf(ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const data = await gql<Record<string, SkillRef | null>>(
    skillLabels(ids.length),
    Object.fromEntries(ids.map((id, i) => [`s${i}`, id])),
  );
  return new Map(Object.values(data).flatMap((s) => (s ? [[s.id, s.label] as const] : [])));
}

export function heldPicker(state: State, labels: Map<string, string>): HTMLElement {
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
