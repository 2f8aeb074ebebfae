const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/**
 * Turns free text into a Lucene query that cannot fail to parse: special characters are escaped and
 * each word also matches as a prefix, so "data vis" finds "data visualisation". With several
 * words, the whole phrase counts four times and all the words together twice, so "deep learning"
 * ranks "deep learning" above "apply deep tissue massage".
 */
export function toLuceneQuery(text: string): string | null {
  const words = text
    .split(/\s+/)
    .map((word) => word.replace(LUCENE_SPECIAL, (c) => `\\${c}`))
    .filter((word) => word.length > 0 && !/^(AND|OR|NOT)$/.test(word));
  if (words.length === 0) return null;
  const any = words.map((word) => `(${word} OR ${word}*)`).join(' ');
  if (words.length === 1) return any;
  return `"${words.join(' ')}"^4 (${words.map((w) => `+${w}`).join(' ')})^2 ${any}`;
}
