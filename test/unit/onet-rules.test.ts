import {
  onetImportance,
  onetLevel,
  ratedRequirements,
  technologyRequirements,
  type RatingRow,
  type TechnologyRow,
} from '../../src/import/onet-rules';

function rating(scale: 'IM' | 'LV', value: number, flags: Partial<RatingRow> = {}): RatingRow {
  return {
    roleId: '27-3043.00',
    elementId: '2.C.7.a',
    scale,
    value,
    suppressed: false,
    notRelevant: false,
    ...flags,
  };
}

function tech(example: string, hot: boolean, inDemand: boolean): TechnologyRow {
  return { roleId: '43-4011.00', commodityCode: '43232110', example, hot, inDemand };
}

describe('O*NET ratings', () => {
  it.each([
    ['a reliable essential rating', [rating('IM', 4), rating('LV', 3.5)], true, 0.75, 3, true],
    ['a reliable optional rating', [rating('IM', 2), rating('LV', 1)], false, 0.25, 2, true],
    [
      'a suppressed importance: not used, so optional and weighing 0.5',
      [rating('IM', 5, { suppressed: true }), rating('LV', 5)],
      false,
      0.5,
      4,
      false,
    ],
    [
      'a suppressed level: the default level',
      [rating('IM', 4), rating('LV', 6, { suppressed: true })],
      true,
      0.75,
      2,
      false,
    ],
  ])('reads %s', (_name, rows, essential, importance, level, reliable) => {
    const { requirements } = ratedRequirements(rows);
    expect(requirements).toEqual([
      expect.objectContaining({ essential, importance, level, reliable, evidence: [] }),
    ]);
  });

  it('leaves out an element marked Not Relevant, whatever its importance', () => {
    const { requirements, tally } = ratedRequirements([
      rating('IM', 1),
      rating('LV', 0, { notRelevant: true }),
      rating('IM', 3, { elementId: '2.A.1.a' }),
      rating('LV', 2, { elementId: '2.A.1.a' }),
    ]);
    expect(requirements.map((r) => r.skillId)).toEqual(['2.A.1.a']);
    expect(tally).toEqual({ notRelevant: 1, suppressed: 0 });
  });

  it('counts each suppressed requirement once', () => {
    const { tally } = ratedRequirements([
      rating('IM', 4, { suppressed: true }),
      rating('LV', 4, { suppressed: true }),
    ]);
    expect(tally.suppressed).toBe(1);
  });

  it('keeps the published scales', () => {
    expect([onetImportance(1), onetImportance(3), onetImportance(5)]).toEqual([0, 0.5, 1]);
    expect([onetLevel(0), onetLevel(3.5), onetLevel(7)]).toEqual([1, 3, 5]);
  });
});

describe('O*NET technology requirements', () => {
  const rows = [
    tech('Microsoft Excel', true, true),
    tech('IBM Lotus 1-2-3', false, false),
    tech('Spreadsheet software', false, false),
  ];

  it.each([
    ['as O*NET lists the rows', rows],
    ['with the generic row first', [rows[2]!, rows[0]!, rows[1]!]],
    ['with the hot row last', [rows[1]!, rows[2]!, rows[0]!]],
  ])('is essential when any example is hot or in demand, read %s', (_name, order) => {
    const [req] = technologyRequirements(order);
    expect(req).toMatchObject({ skillId: 'unspsc:43232110', essential: true, importance: 1 });
    expect(req!.evidence[0]).toBe('Microsoft Excel');
    expect(req!.evidence).toHaveLength(3);
  });

  it('is optional when no example is flagged', () => {
    const [req] = technologyRequirements([rows[1]!, rows[2]!]);
    expect(req).toMatchObject({ essential: false, importance: 0.5, level: 2 });
  });

  it('counts In Demand alone as essential', () => {
    const [req] = technologyRequirements([tech('Tableau', false, true), rows[2]!]);
    expect(req!.essential).toBe(true);
  });
});
