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
    const sentence = { index: sentences.length, words: sentenceWords, text, all: words };
    sentences.push(text.slice(sentenceStart, endChar).trim());
    sentenceStarts.push(sentenceStart);
    const { runs, stretches } = runsOf(sentence.words, words);
    for (const run of runs) phrases.push(...runWindows(sentence, run));
    for (const stretch of stretches) phrases.push(...labelWindows(sentence, stretch, isWholeLabel));
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

/** A sentence being cut: its index, its word positions, and the whole text's words. */
interface SentenceWords {
  index: number;
  words: readonly number[];
  text: string;
  all: readonly WordSpan[];
}

const isBreak = (w: WordSpan) => isProse(w.word) || w.token === '';

/**
 * A sentence's runs of content words (broken at prose words and punctuation) and its stretches
 * (broken at punctuation only), as word positions.
 */
function runsOf(
  sentence: readonly number[],
  words: readonly WordSpan[],
): { runs: number[][]; stretches: number[][] } {
  const runs: number[][] = [[]];
  const stretches: number[][] = [[]];
  const last = <T>(list: T[][]) => list[list.length - 1] ?? [];
  for (const i of sentence) {
    const w = words[i];
    if (!w) continue;
    if (isBreak(w)) runs.push([]);
    else last(runs).push(i);
    last(stretches).push(i);
    if (w.breakAfter) {
      runs.push([]);
      stretches.push([]);
    }
  }
  return { runs: runs.filter((r) => r.length > 0), stretches };
}

/** The phrase of the words from `from` to `to` (positions in the text). */
function phraseOf(
  s: SentenceWords,
  from: number,
  to: number,
  size: number,
  marks: Pick<Phrase, 'named' | 'alone' | 'wholeLabel'>,
): Phrase {
  const start = s.all[from]?.start ?? 0;
  const end = s.all[to]?.end ?? start;
  return {
    text: s.text.slice(start, end),
    sentence: s.index,
    from,
    to,
    start,
    end,
    words: size,
    ...marks,
  };
}

/** Every window of one to four words of a run, longest first. */
function runWindows(s: SentenceWords, run: readonly number[]): Phrase[] {
  const first = s.words[0];
  const named = (i: number) => {
    const w = s.all[i];
    const raw = w ? s.text.slice(w.start, w.end) : '';
    if (/[0-9+#.]/.test(raw) || /^[A-Z]{2,}s?$/.test(raw)) return true;
    return i !== first && /[A-Z]/.test(raw);
  };
  const out: Phrase[] = [];
  for (let size = Math.min(MAX_WINDOW, run.length); size >= 1; size -= 1) {
    for (let i = 0; i + size <= run.length; i += 1) {
      const from = run[i] ?? 0;
      out.push(
        phraseOf(s, from, run[i + size - 1] ?? from, size, {
          named: size === 1 && named(from),
          alone: run.length === 1,
          wholeLabel: false,
        }),
      );
    }
  }
  return out;
}

/** The windows of two to four words of a stretch that cross a prose word and are a whole label. */
function labelWindows(
  s: SentenceWords,
  stretch: readonly number[],
  isWholeLabel: (phrase: string) => boolean,
): Phrase[] {
  const out: Phrase[] = [];
  for (let size = 2; size <= MAX_WINDOW; size += 1) {
    for (let k = 0; k + size <= stretch.length; k += 1) {
      const positions = stretch.slice(k, k + size);
      const inside = positions.flatMap((i) => s.all[i] ?? []);
      const edges = [inside[0], inside[inside.length - 1]];
      if (!inside.some(isBreak) || edges.some((w) => !w || w.token === '')) continue;
      const phrase = phraseOf(s, positions[0] ?? 0, positions[size - 1] ?? 0, size, {
        named: false,
        alone: false,
        wholeLabel: true,
      });
      if (isWholeLabel(phrase.text)) out.push(phrase);
    }
  }
  return out;
}
