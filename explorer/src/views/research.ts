/**
 * Researchers: how consistent credentials are across providers or credential types: hours spread,
 * price per hour and completeness against the EU microcredential elements, as charts and tables.
 */
import { gql } from '../api';
import { REPORT } from '../queries';
import { boxPlots, shareBars, type Distribution } from '../charts';
import { h, num, percent, section, table } from '../dom';
import { update, type State } from '../state';
import { credentialLink, selectField, showLoad, viewFrame } from './common';

interface Group {
  key: string;
  name: string;
  count: number;
  completeness: number;
  currencies: string[];
  hours: Distribution;
  pricePerHour: Distribution;
  elements: { element: string; share: number }[];
  lowOverlapPairs: {
    label: string;
    skillOverlap: number;
    titleSimilarity: number;
    hoursRatio: number | null;
    a: { id: string; title: string };
    b: { id: string; title: string };
  }[];
}

const GROUPINGS = [
  { value: 'PROVIDER', text: 'Provider' },
  { value: 'CREDENTIAL_TYPE', text: 'Credential type' },
] as const;

function figures(d: Distribution): string[] {
  return [
    String(d.n),
    num(d.min),
    num(d.q1),
    num(d.median),
    num(d.q3),
    num(d.max),
    d.cv === null ? '–' : num(d.cv, 2),
  ];
}

export function researchView(state: State, main: HTMLElement): void {
  const asked = state.get('groupBy');
  const groupBy = asked && GROUPINGS.some((g) => g.value === asked) ? asked : 'PROVIDER';
  const { said, results } = viewFrame(
    main,
    'Researchers',
    'How consistent credentials are across providers or credential types: the spread of hours, the price of an hour, and how complete the records are.',
    selectField('group-by', 'Group by', GROUPINGS, groupBy, (value) => update({ groupBy: value })),
  );
  const load = gql<{ consistencyReport: Group[] }>(REPORT, { groupBy });
  showLoad(
    said,
    results,
    'Loading the consistency report…',
    load,
    ({ consistencyReport: groups }) => {
      const rows = groups.map((g) => ({ label: g.name, stats: g.hours }));
      // Drawn for the width there is (a card's padding inside the view).
      const width = Math.max(300, Math.min(720, main.clientWidth - 36));
      const elements = [...new Set(groups.flatMap((g) => g.elements.map((e) => e.element)))];
      const head = ['n', 'min', 'q1', 'median', 'q3', 'max', 'cv'];
      const content = [
        section(
          'hours',
          'Hours per credential',
          h(
            'p',
            { class: 'hint' },
            'Each box runs from the first to the third quartile, the bar inside is the median and the whiskers reach the shortest and the longest. A high coefficient of variation (cv) means credentials of the group differ widely in workload.',
          ),
          boxPlots(
            `Hours per credential, by ${groupBy === 'PROVIDER' ? 'provider' : 'credential type'}`,
            rows,
            'hours',
            width,
          ),
          table(
            'Hours per credential',
            ['Group', ...head],
            groups.map((g) => [g.name, ...figures(g.hours)]),
            'figures hours-table',
          ),
        ),
        section(
          'price',
          'Price per hour',
          h(
            'p',
            { class: 'hint' },
            'Price divided by hours, for the credentials that have both, in their own currency.',
          ),
          boxPlots(
            'Price per hour',
            groups.map((g) => ({ label: g.name, stats: g.pricePerHour })),
            'per hour',
            width,
          ),
          table(
            'Price per hour',
            ['Group', 'currencies', ...head],
            groups.map((g) => [g.name, g.currencies.join(', ') || '–', ...figures(g.pricePerHour)]),
            'figures price-table',
          ),
        ),
        section(
          'completeness',
          'Completeness against the EU elements',
          h(
            'p',
            { class: 'hint' },
            'The share of the EU microcredential standard elements (workload, level, assessment, quality assurance…) the records of the group state.',
          ),
          shareBars(
            'Completeness by group',
            groups.map((g) => ({ label: g.name, share: g.completeness })),
            width,
          ),
          table(
            'Share of records stating each element',
            ['Group', ...elements],
            groups.map((g) => [
              g.name,
              ...elements.map((el) =>
                percent(g.elements.find((e) => e.element === el)?.share ?? 0),
              ),
            ]),
            'figures elements-table',
          ),
        ),
        section(
          'pairs',
          'Same label, different content',
          h(
            'p',
            { class: 'hint' },
            'Pairs within a group that share a type label and a topic but little content.',
          ),
          groups.some((g) => g.lowOverlapPairs.length > 0)
            ? table(
                'Pairs with little shared content',
                ['Group', 'Credentials', 'Label', 'Skill overlap', 'Hours ratio'],
                groups.flatMap((g) =>
                  g.lowOverlapPairs.map((p) => [
                    g.name,
                    h('span', {}, credentialLink(p.a), ' and ', credentialLink(p.b)),
                    p.label,
                    num(p.skillOverlap, 2),
                    p.hoursRatio === null ? '–' : num(p.hoursRatio, 2),
                  ]),
                ),
              )
            : h('p', {}, 'None found.'),
        ),
      ];
      return {
        said: `${groups.length} groups, ${groups.reduce((n, g) => n + g.count, 0)} credentials.`,
        content,
      };
    },
  );
}
