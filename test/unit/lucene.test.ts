import { toLuceneQuery } from '../../src/search/lucene';

describe('toLuceneQuery', () => {
  it.each([
    ['data vis', '(data OR data*) (vis OR vis*)'],
    ['  spaced   out ', '(spaced OR spaced*) (out OR out*)'],
    ['C++', '(C\\+\\+ OR C\\+\\+*)'],
    ['a:b (c)', '(a\\:b OR a\\:b*) (\\(c\\) OR \\(c\\)*)'],
    ['"quoted" AND x', '(\\"quoted\\" OR \\"quoted\\"*) (x OR x*)'],
  ])('turns %j into a query that cannot fail to parse', (text, expected) => {
    expect(toLuceneQuery(text)).toBe(expected);
  });

  it.each([[''], ['   '], ['AND OR NOT']])('has nothing to search in %j', (text) => {
    expect(toLuceneQuery(text)).toBeNull();
  });
});
