import { toLuceneQuery } from '../../src/search/lucene';

describe('toLuceneQuery', () => {
  it.each([
    ['data vis', '"data vis"^4 (+data +vis)^2 (data OR data*) (vis OR vis*)'],
    ['  spaced   out ', '"spaced out"^4 (+spaced +out)^2 (spaced OR spaced*) (out OR out*)'],
    ['C++', '(C\\+\\+ OR C\\+\\+*)'],
    ['a:b (c)', '"a\\:b \\(c\\)"^4 (+a\\:b +\\(c\\))^2 (a\\:b OR a\\:b*) (\\(c\\) OR \\(c\\)*)'],
    [
      '"quoted" AND x',
      '"\\"quoted\\" x"^4 (+\\"quoted\\" +x)^2 (\\"quoted\\" OR \\"quoted\\"*) (x OR x*)',
    ],
  ])('turns %j into a query that cannot fail to parse', (text, expected) => {
    expect(toLuceneQuery(text)).toBe(expected);
  });

  it.each([[''], ['   '], ['AND OR NOT']])('has nothing to search in %j', (text) => {
    expect(toLuceneQuery(text)).toBeNull();
  });
});
