/** A learner record opened with its key, which stays in this tab and out of the address. */
import { gql } from '../../api';
import { h } from '../../dom';
import { LEARNER } from '../../queries';
import { update, type State } from '../../state';
import { credentialLink, type SkillRef } from '../common';

const KEY_STORE = 'credential-graph.learner-key.';

/** A learner's key is kept for this tab only (sessionStorage), never in the address. */
export function storedKey(learnerId: string): string | null {
  return window.sessionStorage.getItem(KEY_STORE + learnerId);
}

interface LearnerRecord {
  displayName: string | null;
  achievements: { expired: boolean; revoked: boolean; credential: { id: string; title: string } }[];
  skills: { level: number; source: string; skill: SkillRef }[];
}

/** What an opened learner holds: earned credentials (those that count) and declared skills. */
export async function learnerSummary(learnerId: string, key: string | null): Promise<HTMLElement> {
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

export function learnerForm(state: State): HTMLElement {
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
