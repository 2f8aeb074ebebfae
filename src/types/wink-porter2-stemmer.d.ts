/** Types for wink-porter2-stemmer, which ships none: the Porter2 stem of one lower-case English word. */
declare module 'wink-porter2-stemmer' {
  function stem(word: string): string;
  export = stem;
}
