/**
 * Providers: paste a course description and see the registry skills it names; write a tag as the
 * catalogue has it and see the skills it most likely means.
 */
import { gql } from '../api';
import { h, num, section, table } from '../dom';
import { update, type State } from '../state';
import { errorBox, status } from './common';

interface Skill {
  id: string;
  label: string;
  framework: string;
}

/** Longer text is used but not put in the address (it would make the link too long to share). */
const MAX_TEXT_IN_ADDRESS = 2000;

function confidence(confident: boolean): string {
  return confident ? 'safe to link' : 'check first';
}

function extracted(text: string, target: HTMLElement): void {
  const said = status();
  target.replaceChildren(said);
  said.textContent = 'Finding the skills the text names…';
  gql<{
    extractSkills: {
      skill: Skill;
      matchedLabel: string;
      evidence: string;
      score: number;
      confident: boolean;
    }[];
  }>(
    `query ExplorerExtract($text: String!) { extractSkills(text: $text, first: 30) { score confident matchedLabel evidence skill { id label framework } } }`,
    { text },
  ).then(
    ({ extractSkills: mentions }) => {
      said.textContent = `${mentions.length} skills found in the text.`;
      target.append(
        mentions.length === 0
          ? h('p', {}, 'The text names no skill of the registry.')
          : table(
              'Skills named in the description, best first',
              ['Skill', 'Framework', 'From the words', 'Score', 'Confidence'],
              mentions.map((m) => [
                m.skill.label,
                m.skill.framework,
                `"${m.evidence}"`,
                num(m.score, 2),
                confidence(m.confident),
              ]),
              'extracted',
            ),
      );
    },
    (error: unknown) => target.append(errorBox(error)),
  );
}

function suggested(tag: string, target: HTMLElement): void {
  const said = status();
  target.replaceChildren(said);
  said.textContent = 'Looking up the tag…';
  gql<{
    suggestSkills: { skill: Skill; matchedLabel: string; score: number; confident: boolean }[];
  }>(
    `query ExplorerTag($text: String!) { suggestSkills(text: $text, first: 10) { score confident matchedLabel skill { id label framework } } }`,
    { text: tag },
  ).then(
    ({ suggestSkills: suggestions }) => {
      said.textContent = `${suggestions.length} suggestions for "${tag}".`;
      target.append(
        suggestions.length === 0
          ? h('p', {}, 'No registry skill matches this tag.')
          : table(
              `Skills the tag "${tag}" may mean, best first`,
              ['Skill', 'Framework', 'Matched label', 'Score', 'Confidence'],
              suggestions.map((m) => [
                m.skill.label,
                m.skill.framework,
                m.matchedLabel,
                num(m.score, 2),
                confidence(m.confident),
              ]),
              'suggested',
            ),
      );
    },
    (error: unknown) => target.append(errorBox(error)),
  );
}

/**
 * A provider's own skills (the labels its catalogue used) that are still unmapped, each a button
 * that asks for suggestions.
 */
async function unmapped(providerId: string, target: HTMLElement): Promise<void> {
  const data = await gql<{
    customSkills: { credentials: number; skill: { id: string; label: string } }[];
  }>(
    `query ExplorerUnmapped($id: ID!) { customSkills(providerId: $id, unmappedOnly: true, first: 100) { credentials skill { id label } } }`,
    { id: providerId },
  );
  target.replaceChildren(
    data.customSkills.length === 0
      ? h('p', {}, 'Every skill of this provider is mapped to the registry.')
      : h(
          'ul',
          { class: 'tags', 'aria-label': 'Unmapped skills of the provider' },
          data.customSkills.map((c) =>
            h(
              'li',
              {},
              h(
                'button',
                {
                  type: 'button',
                  class: 'quiet',
                  'data-label': c.skill.label,
                  onclick: () => update({ tag: c.skill.label }),
                },
                `${c.skill.label} (${c.credentials})`,
              ),
            ),
          ),
        ),
  );
}

async function providerPicker(state: State): Promise<HTMLElement> {
  const chosen = state.get('provider') ?? '';
  const data = await gql<{ providers: { nodes: { id: string; name: string }[] } }>(
    `query ExplorerProviders { providers(first: 100) { nodes { id name } } }`,
  );
  const list = h('div', {});
  if (chosen)
    void unmapped(chosen, list).catch((error: unknown) => list.replaceChildren(errorBox(error)));
  return h(
    'div',
    { class: 'unmapped' },
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'provider' }, "Or pick a provider to see its catalogue's unmapped skills"),
      h(
        'select',
        {
          id: 'provider',
          onchange: (e: Event) =>
            update({ provider: (e.target as HTMLSelectElement).value || null }),
        },
        h('option', { value: '' }, 'No provider'),
        data.providers.nodes.map((p) =>
          h('option', { value: p.id, selected: p.id === chosen }, p.name),
        ),
      ),
    ),
    list,
  );
}

/** The description typed last in this tab when it was too long for the address. */
let unsharedText = '';

export function providerView(state: State, main: HTMLElement): void {
  const text = state.get('text') ?? unsharedText;
  const tag = state.get('tag') ?? '';
  const textArea = h(
    'textarea',
    { id: 'description', rows: 8, maxlength: 10000, 'aria-describedby': 'description-hint' },
    text,
  );
  const tagInput = h('input', {
    id: 'tag',
    type: 'search',
    autocomplete: 'off',
    maxlength: 200,
    value: tag,
    'aria-describedby': 'tag-hint',
  });
  const extractedArea = h('div', { class: 'results' });
  const suggestedArea = h('div', { class: 'results' });
  const unmappedArea = h('div', {});
  void providerPicker(state).then(
    (picker) => unmappedArea.replaceChildren(picker),
    (error: unknown) => unmappedArea.replaceChildren(errorBox(error)),
  );
  main.replaceChildren(
    h('h1', {}, 'Providers'),
    h(
      'p',
      { class: 'lead' },
      'Map a catalogue to the registry: paste a course description to see the skills it names, or write a tag to see the skills it may mean.',
    ),
    section(
      'extract',
      'Skills in a description',
      h(
        'form',
        {
          onsubmit: (event: Event) => {
            event.preventDefault();
            const value = textArea.value.trim();
            const shared = value.length <= MAX_TEXT_IN_ADDRESS;
            unsharedText = shared ? '' : value;
            // Too long for the address: shown here, and kept for this tab if the address changes.
            if (!shared && !state.has('text')) extracted(value, extractedArea);
            else update({ text: shared ? value : null, view: 'provider' });
          },
        },
        h('label', { for: 'description' }, 'Course description or learning outcomes'),
        h(
          'p',
          { id: 'description-hint', class: 'hint' },
          `Up to 10,000 characters; up to ${num(MAX_TEXT_IN_ADDRESS, 0)} are kept in the address for sharing.`,
        ),
        textArea,
        h('button', { type: 'submit' }, 'Find the skills'),
      ),
      extractedArea,
    ),
    section(
      'suggest',
      'Skills for a tag',
      h(
        'form',
        {
          onsubmit: (event: Event) => {
            event.preventDefault();
            update({ tag: tagInput.value.trim(), view: 'provider' });
          },
        },
        h('label', { for: 'tag' }, 'Tag or skill as your catalogue writes it'),
        h(
          'p',
          { id: 'tag-hint', class: 'hint' },
          'For example "Python Programming", "Data Visualization" or "Microsoft Excel".',
        ),
        tagInput,
        h('button', { type: 'submit' }, 'Suggest skills'),
      ),
      unmappedArea,
      suggestedArea,
    ),
  );
  if (text.trim()) extracted(text.trim(), extractedArea);
  if (tag.trim()) suggested(tag.trim(), suggestedArea);
}
