/**
 * Providers: paste a course description and see the registry skills it names; write a tag as the
 * catalogue has it and see the skills it most likely means.
 */
import { gql } from '../api';
import { EXTRACT, PROVIDERS, TAG, UNMAPPED } from '../queries';
import { h, num, section, table } from '../dom';
import { update, type State } from '../state';
import { errorBox, heading, selectField, showLoad, status } from './common';

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

interface Match {
  skill: Skill;
  matchedLabel: string;
  score: number;
  confident: boolean;
  evidence?: string;
}

/** Loads skill matches into `target` and shows them as a table, best first. */
function showMatches(
  target: HTMLElement,
  options: {
    waiting: string;
    load: Promise<Match[]>;
    said: (count: number) => string;
    none: string;
    caption: string;
    /** The column that says what matched: the words of the text, or the label. */
    matched: [string, (m: Match) => string];
    className: string;
  },
): void {
  const said = status();
  const results = h('div', {});
  target.replaceChildren(said, results);
  showLoad(said, results, options.waiting, options.load, (list) => ({
    said: options.said(list.length),
    content:
      list.length === 0
        ? h('p', {}, options.none)
        : table(
            options.caption,
            ['Skill', 'Framework', options.matched[0], 'Score', 'Confidence'],
            list.map((m) => [
              m.skill.label,
              m.skill.framework,
              options.matched[1](m),
              num(m.score, 2),
              confidence(m.confident),
            ]),
            options.className,
          ),
  }));
}

function extracted(text: string, target: HTMLElement): void {
  showMatches(target, {
    waiting: 'Finding the skills the text names…',
    load: gql<{ extractSkills: Match[] }>(EXTRACT, { text }).then((data) => data.extractSkills),
    said: (n) => `${n} skills found in the text.`,
    none: 'The text names no skill of the registry.',
    caption: 'Skills named in the description, best first',
    matched: ['From the words', (m) => `"${m.evidence}"`],
    className: 'extracted',
  });
}

function suggested(tag: string, target: HTMLElement): void {
  showMatches(target, {
    waiting: 'Looking up the tag…',
    load: gql<{ suggestSkills: Match[] }>(TAG, { text: tag }).then((data) => data.suggestSkills),
    said: (n) => `${n} suggestions for "${tag}".`,
    none: 'No registry skill matches this tag.',
    caption: `Skills the tag "${tag}" may mean, best first`,
    matched: ['Matched label', (m) => m.matchedLabel],
    className: 'suggested',
  });
}

/**
 * A provider's own skills (the labels its catalogue used) that are still unmapped, each a button
 * that asks for suggestions.
 */
async function unmapped(providerId: string, target: HTMLElement): Promise<void> {
  const data = await gql<{
    customSkills: { credentials: number; skill: { id: string; label: string } }[];
  }>(UNMAPPED, { id: providerId });
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
  const data = await gql<{ providers: { nodes: { id: string; name: string }[] } }>(PROVIDERS);
  const list = h('div', {});
  if (chosen)
    void unmapped(chosen, list).catch((error: unknown) => list.replaceChildren(errorBox(error)));
  return h(
    'div',
    { class: 'unmapped' },
    selectField(
      'provider',
      "Or pick a provider to see its catalogue's unmapped skills",
      [
        { value: '', text: 'No provider' },
        ...data.providers.nodes.map((p) => ({ value: p.id, text: p.name })),
      ],
      chosen,
      (value) => update({ provider: value || null }),
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
    ...heading(
      'Providers',
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
