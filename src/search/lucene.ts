const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/**
 * Turns free text into a Lucene query that cannot fail to parse: special characters are escaped and
 * each word also matches as a prefix, so "data vis" finds "data visualisation".
 */
export function toLuceneQuery(text: string): string | null {
  const words = text
    .split(/\s+/)
    .map((word) => word.replace(LUCENE_SPECIAL, (c) => `\\${c}`))
    .filter((word) => word.length > 0 && !/^(AND|OR|NOT)$/.test(word));
  if (words.length === 0) return null;
  return words.map((word) => `(${word} OR ${word}*)`).join(' ');
}
