import { wordSpans, type WordSpan } from './skill-text';

/**
 * How a description is cut into the phrases extraction looks up: sentences, then runs of content
 * words between punctuation and function words, then short windows of those runs. Pure; the rule
 * is described in docs/ARCHITECTURE.md ("Skill meaning").
 */

/**
 * Words that never name a skill alone and end a phrase: function words, pronouns, auxiliaries,
 * and the words of course prose ("learners", "module", "lecture", "week"). A word here may still be
 * part of a whole label the lexical index finds ("quality of service").
 */
const PROSE = new Set(
  (
    'a an the of and or for to in on with by at from as into onto using via its your their our his ' +
    'her own it this that these those they them you we i he she who whom which what when where why ' +
    'how is are was were be been being am do does did done can could will would shall should may ' +
    'might must not no nor also too very more most less least many much some any each every all ' +
    'both either neither such than then there here about over under between through during before ' +
    'after above below up down out off again further once only just so if while because until ' +
    'learn learns learned learning learners learner student students participant participants ' +
    'course courses module modules lesson lessons lecture lectures week weeks unit units class ' +
    'classes program programme session sessions topic topics part parts end start finish level ' +
    'levels introduction introductory intro overview fundamentals basics essentials foundations ' +
    'foundation beginner beginners advanced intermediate certificate certification specialization ' +
    'specialisation series project projects assignment assignments quiz quizzes exam exams video ' +
    'videos reading readings hands-on practical real-world world real way ways thing things ' +
    'knowledge understanding understand skill skills ability abilities work working works note ' +
    'notes go goes going get gets got make makes made take takes taken use uses used help helps ' +
    'including include includes new key core main well different various first second third one ' +
    'two three four five six ten year years time day days able need needs needed want like see ' +
    'explore explores exploring gain gains build builds developing develop discover discovers ' +
    'apply applies applied become becomes complete completing prepare prepares covering cover covers ' +
    'teach teaches taught focus focuses based concept concepts idea ideas basic essential important ' +
    'successful success career careers job jobs role roles field fields area areas industry ' +
    'professional professionals expert experts people person everyone anyone someone example ' +
    'examples case cases study studies etc e.g i.e via per'
  ).split(' '),
);

/** A phrase to look up, with where it stands. */
export interface Phrase {
  text: string;
  /** Index of its sentence in `sentences`. */
  sentence: number;
  /** Word positions in the whole text, first and last (inclusive). */
  from: number;
  to: number;
  /** Character offsets in the text. */
  start: number;
  end: number;
  words: number;
  /**
   * Written as a name: an acronym ("SQL"), a word with a symbol or digit ("C++", "Node.js"), or a
   * capital that does not open the sentence ("with Tableau"). Only one-word phrases are marked.
   */
  named: boolean;
  /** A one-word phrase that is a whole run of content words (no modifier next to it). */
  alone: boolean;
  /**
   * A window that crosses a prose word and is kept only because its words are a whole label
   * ("machine learning", "project management", "quality of service").
   */
  wholeLabel: boolean;
}

/** A description cut into sentences and the phrases to look up. */
export interface Cut {
  sentences: string[];
  /** Where each sentence starts in the text (phrase offsets minus this are offsets in it). */
  sentenceStarts: number[];
  phrases: Phrase[];
  words: WordSpan[];
}

/** The longest window of a run of content words that is looked up as one phrase. */
const MAX_WINDOW = 4;

/** Whether a word never names a skill on its own and ends a phrase. */
export function isProse(word: string): boolean {
  return PROSE.has(word);
}

const SENTENCE_END = /[.!?;\n\u2022]/;

/**
 * Sentences (to .!?; a bullet or a line break) and, inside each, every window of one to four
 * words of a run of content words; a run breaks at punctuation and at prose words. A window of two
 * to four words that crosses prose words (never punctuation) is a phrase too when `isWholeLabel`
 * says its words are a whole label, so prose words end phrases without hiding the labels they
 * belong to.
 */
export function cutText(
  text: string,
  isWholeLabel: (phrase: string) => boolean = () => false,
): Cut {
  const words = wordSpans(text);
  const sentences: string[] = [];
  const sentenceStarts: number[] = [];
  const phrases: Phrase[] = [];
  let sentenceStart = 0;
  let sentenceWords: number[] = [];
  const closeSentence = (endChar: number) => {
    if (sentenceWords.length === 0) return;
    const index = sentences.length;
    sentences.push(text.slice(sentenceStart, endChar).trim());
    sentenceStarts.push(sentenceStart);
    let run: number[] = [];
    const first = sentenceWords[0];
    const named = (i: number) => {
      const raw = text.slice(words[i]!.start, words[i]!.end);
      if (/[0-9+#.]/.test(raw) || /^[A-Z]{2,}s?$/.test(raw)) return true;
      return i !== first && /[A-Z]/.test(raw);
    };
    const flushRun = () => {
      for (let size = Math.min(MAX_WINDOW, run.length); size >= 1; size -= 1) {
        for (let i = 0; i + size <= run.length; i += 1) {
          const from = run[i]!;
          const to = run[i + size - 1]!;
          phrases.push({
            text: text.slice(words[from]!.start, words[to]!.end),
            sentence: index,
            from,
            to,
            start: words[from]!.start,
            end: words[to]!.end,
            words: size,
            named: size === 1 && named(from),
            alone: run.length === 1,
            wholeLabel: false,
          });
        }
      }
      run = [];
    };
    // The stretches between punctuation, for windows that cross prose words.
    const stretches: number[][] = [[]];
    for (const i of sentenceWords) {
      const w = words[i]!;
      if (isProse(w.word) || w.token === '') flushRun();
      else run.push(i);
      stretches[stretches.length - 1]!.push(i);
      if (w.breakAfter) {
        flushRun();
        stretches.push([]);
      }
    }
    flushRun();
    for (const stretch of stretches) {
      for (let size = 2; size <= MAX_WINDOW; size += 1) {
        for (let k = 0; k + size <= stretch.length; k += 1) {
          const inside = stretch.slice(k, k + size).map((i) => words[i]!);
          const crosses = inside.some((w) => isProse(w.word) || w.token === '');
          const edges = [inside[0]!, inside[size - 1]!];
          if (!crosses || edges.some((w) => w.token === '')) continue;
          const from = stretch[k]!;
          const to = stretch[k + size - 1]!;
          const phrase = text.slice(words[from]!.start, words[to]!.end);
          if (!isWholeLabel(phrase)) continue;
          phrases.push({
            text: phrase,
            sentence: index,
            from,
            to,
            start: words[from]!.start,
            end: words[to]!.end,
            words: size,
            named: false,
            alone: false,
            wholeLabel: true,
          });
        }
      }
    }
    sentenceWords = [];
  };
  words.forEach((w, i) => {
    if (sentenceWords.length === 0) sentenceStart = w.start;
    sentenceWords.push(i);
    const after = text.slice(w.end, words[i + 1]?.start ?? text.length);
    if (SENTENCE_END.test(after)) closeSentence(w.end + 1);
  });
  closeSentence(text.length);
  return { sentences, sentenceStarts, phrases, words };
}
