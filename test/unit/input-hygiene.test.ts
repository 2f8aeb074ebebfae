import { checkInputHygiene, hygieneProblems } from '../../src/server/input-hygiene';

describe('input hygiene', () => {
  it.each([
    ['a NUL byte', 'a\u0000b'],
    ['an escape character', 'a\u001b[31mred'],
    ['a C1 control', 'a\u0085b'],
    ['a right-to-left override', 'Evil\u202Etxt.exe'],
    ['a first-strong isolate', 'a\u2068b'],
  ])('refuses %s anywhere in the arguments', (_name, text) => {
    expect(hygieneProblems({ input: { nested: [text] } }, '')).toEqual([
      { path: 'input.nested.0', message: expect.stringMatching(/control/) },
    ]);
  });

  it.each([
    ['tabs and new lines', 'line one\n\tline two\r\n'],
    ['Arabic with marks', 'مقدمة في علم البيانات\u200F'],
    ['emoji with joiners', 'team 👩\u200D💻'],
  ])('accepts %s in text', (_name, text) => {
    expect(hygieneProblems({ title: text }, '')).toEqual([]);
  });

  it.each([
    ['an ESCO URI', 'http://data.europa.eu/esco/skill/abc-123'],
    ['an O*NET code', '15-1252.00'],
    ['a registry id', 'uni:ds-101'],
    ['a custom id', 'test:skill/python'],
  ])('accepts %s as an id', (_name, id) => {
    expect(hygieneProblems({ skillId: id, skillIds: [id], id }, '')).toEqual([]);
  });

  it.each([['has space'], ['tab\there'], ['<script>'], ['naïve']])(
    'refuses %j as an id but not as text',
    (value) => {
      expect(hygieneProblems({ externalId: value }, '')).toHaveLength(1);
      expect(hygieneProblems({ title: value }, '')).toEqual([]);
    },
  );

  it('checks only the text of imported documents, not their ids', () => {
    expect(() => checkInputHygiene({ documents: [{ id: 'any thing', name: 'ok' }] })).not.toThrow();
    expect(() => checkInputHygiene({ documents: [{ name: 'bad\u0000' }] })).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT' }),
    );
  });
});
