import stem from 'wink-porter2-stemmer';

/**
 * How skill phrases are turned into comparable tokens, the same way for taxonomy labels and for
 * what providers write: case and accents folded, US spellings and a few UK ones made one, product
 * spellings kept as one token (C++, C#, .NET, Node.js), function words dropped, words stemmed
 * (Porter2) and a few irregular families merged. Pure; no I/O.
 */

/** Words that carry no skill meaning in a label. */
const STOPWORDS = new Set(
  'a an the of and or for to in on with by at from as into using via its your their our his her own'
    .split(' ')
    .concat(['&', 'etc', 'e.g', 'i.e']),
);

/**
 * Words that frame a course rather than name a skill ("Introduction to", "Advanced", "101"); they
 * are dropped from what providers write, never from taxonomy labels.
 */
const FRAMING = new Set(
  (
    'introduction intro introductory fundamentals basics essentials foundations foundation ' +
    'beginner beginners advanced intermediate overview masterclass bootcamp course courses ' +
    'certificate specialization specialisation getting started practical hands-on primer ' +
    'i ii iii iv v 101 102 201 301 skills skill'
  ).split(' '),
);

/** UK spellings that the -ise/-yse rules below do not cover, mapped to the US form. */
const SPELLING: Record<string, string> = {
  colour: 'color',
  behaviour: 'behavior',
  labour: 'labor',
  favour: 'favor',
  honour: 'honor',
  humour: 'humor',
  neighbour: 'neighbor',
  flavour: 'flavor',
  harbour: 'harbor',
  rumour: 'rumor',
  vapour: 'vapor',
  vigour: 'vigor',
  armour: 'armor',
  endeavour: 'endeavor',
  odour: 'odor',
  tumour: 'tumor',
  programme: 'program',
  programmes: 'programs',
  centre: 'center',
  centres: 'centers',
  metre: 'meter',
  metres: 'meters',
  theatre: 'theater',
  fibre: 'fiber',
  litre: 'liter',
  licence: 'license',
  defence: 'defense',
  offence: 'offense',
  practise: 'practice',
  catalogue: 'catalog',
  dialogue: 'dialog',
  analogue: 'analog',
  judgement: 'judgment',
  ageing: 'aging',
  mould: 'mold',
  moulding: 'molding',
  grey: 'gray',
  tyre: 'tire',
  tyres: 'tires',
  aluminium: 'aluminum',
  enrol: 'enroll',
  fulfil: 'fulfill',
  jewellery: 'jewelry',
  cheque: 'check',
  paediatric: 'pediatric',
  anaesthesia: 'anesthesia',
  oestrogen: 'estrogen',
  manoeuvre: 'maneuver',
  plough: 'plow',
  draught: 'draft',
  storey: 'story',
  kerb: 'curb',
};

/** Stems of one word family that Porter2 leaves apart. */
const STEM_FAMILY: Record<string, string> = {
  analysi: 'analyz',
  analys: 'analyz',
  analyt: 'analyz',
  analyst: 'analyz',
  statist: 'statist',
  statistician: 'statist',
  programm: 'program',
  mathemat: 'math',
  maths: 'math',
  econom: 'econom',
  economi: 'econom',
  biolog: 'biolog',
  psycholog: 'psycholog',
};

/** Words Porter2 would merge with a different meaning ("production" is not "product"). */
const UNSTEMMED: Record<string, string> = {
  production: 'production',
  productions: 'production',
  productive: 'productive',
  productivity: 'productive',
  general: 'general',
  generalist: 'general',
  university: 'university',
  universal: 'universal',
  organ: 'organ',
  organs: 'organ',
  news: 'news',
};

/** Abbreviations providers write, with what taxonomies spell out. Matched as whole phrases. */
export const ABBREVIATIONS: Record<string, string> = {
  ai: 'artificial intelligence',
  ml: 'machine learning',
  nlp: 'natural language processing',
  ui: 'user interface',
  ux: 'user experience',
  seo: 'search engine optimisation',
  sem: 'search engine marketing',
  hr: 'human resources',
  hrm: 'human resource management',
  crm: 'customer relationship management',
  erp: 'enterprise resource planning',
  bi: 'business intelligence',
  qa: 'quality assurance',
  qc: 'quality control',
  pm: 'project management',
  ppc: 'pay per click',
  roi: 'return on investment',
  kpi: 'key performance indicators',
  cad: 'computer-aided design',
  cam: 'computer-aided manufacturing',
  gis: 'geographic information systems',
  iot: 'internet of things',
  ehs: 'environment health and safety',
  ohs: 'occupational health and safety',
  dei: 'diversity equity and inclusion',
  esg: 'environmental social and governance',
  gdpr: 'general data protection regulation',
  oop: 'object-oriented programming',
  os: 'operating systems',
  vr: 'virtual reality',
  ar: 'augmented reality',
  it: 'information technology',
  ict: 'information and communication technology',
  pr: 'public relations',
  b2b: 'business to business',
  cpr: 'cardiopulmonary resuscitation',
};

/** Vendor names that products are also known without ("Microsoft Excel" is "Excel"). */
export const VENDORS = new Set(
  'microsoft google adobe ibm oracle sap apple amazon autodesk salesforce atlassian intuit cisco'.split(
    ' ',
  ),
);

/** One word of a text with where it stands, for extraction evidence. */
export interface WordSpan {
  /** The folded word, before stemming (the slug of custom skills uses it). */
  word: string;
  /** Its comparable form: stemmed and merged, or '' for a function word. */
  token: string;
  start: number;
  end: number;
  /** True when punctuation that ends a phrase (. , ; : ! ? brackets, newline) follows the word. */
  breakAfter: boolean;
}

/** Folds case and accents character by character, so positions in the result are positions in the text. */
export function fold(text: string): string {
  let out = '';
  for (const ch of text) {
    const f = ch
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
    out +=
      f.length === ch.length ? f : ch.length === ch.toLowerCase().length ? ch.toLowerCase() : ch;
  }
  return out;
}

/** Product spellings kept as one word. */
function productWord(word: string): string | null {
  if (word === 'c++') return 'cplusplus';
  if (word === 'c#') return 'csharp';
  if (word === 'f#') return 'fsharp';
  if (word === '.net') return 'dotnet';
  const js = /^([a-z0-9]+)\.js$/.exec(word);
  return js ? `${js[1]}js` : null;
}

/** A folded word's comparable token: US spelling, Porter2 stem, merged families; '' if a function word. */
export function tokenOf(word: string): string {
  if (STOPWORDS.has(word)) return '';
  let w = SPELLING[word] ?? word;
  if (w.length >= 6) {
    w = w
      .replace(/is(e|es|ed|ing|ation|ations|er|ers|able|ability)$/, 'iz$1')
      .replace(/ys(e|es|ed|ing|er|ers)$/, 'yz$1');
  }
  const stemmed = UNSTEMMED[w] ?? (/^[a-z]+$/.test(w) ? stem(w) : w);
  return STEM_FAMILY[stemmed] ?? stemmed;
}

const WORD = /\.?[a-z0-9][a-z0-9'#+.-]*/g;
const BREAK = /[.,;:!?()[\]{}\n/|\u2022\u00b7\u2013\u2014]/;

/** The words of a text with their positions in it. */
export function wordSpans(text: string): WordSpan[] {
  const folded = fold(text);
  const spans: WordSpan[] = [];
  for (const m of folded.matchAll(WORD)) {
    const raw = m[0].replace(/[.'#+-]+$/, (tail) => (/^[#+]+$/.test(tail) ? tail : ''));
    const start = m.index;
    const end = start + raw.length;
    const product = productWord(raw);
    const words = product
      ? [product]
      : raw
          .replace(/'s$/, '')
          .split(/[^a-z0-9]+/)
          .filter(Boolean);
    for (const word of words) {
      spans.push({ word, token: tokenOf(word), start, end, breakAfter: false });
    }
    const last = spans[spans.length - 1];
    if (last && words.length > 0) {
      const next = folded.slice(end).match(/^\s*(\S)?/);
      last.breakAfter = BREAK.test(next?.[1] ?? '') || /\n/.test(folded.slice(end, end + 2));
    }
  }
  return spans;
}

/**
 * A word's light form: US spelling and no plural "s", but not stemmed, so "wiring" stays apart from
 * "wires" and "managing" from "management" where stems would merge them.
 */
export function lightWordOf(word: string): string {
  if (STOPWORDS.has(word)) return '';
  const w = SPELLING[word] ?? word;
  const us = w.length >= 6 ? w.replace(/is(e|es|ed|ing|ation|ations|er|ers)$/, 'iz$1') : w;
  return us.length > 3 && /[^su]s$/.test(us) ? us.slice(0, -1) : us;
}

/** The light forms of a phrase's words, function words dropped. */
export function lightWords(text: string): string[] {
  return wordSpans(text)
    .map((w) => lightWordOf(w.word))
    .filter((t) => t.length > 0);
}

/** The comparable tokens of a phrase, in order, function words dropped. */
export function tokens(text: string): string[] {
  return wordSpans(text)
    .map((w) => w.token)
    .filter((t) => t.length > 0);
}

/**
 * What providers write, with course framing words taken out (unless nothing else is left): the
 * comparable tokens and the light word forms.
 */
export function queryTerms(text: string): { tokens: string[]; words: string[] } {
  const spans = wordSpans(text).filter((w) => w.token.length > 0);
  const kept = spans.filter((w) => !FRAMING.has(w.word));
  const chosen = kept.length > 0 ? kept : spans;
  return { tokens: chosen.map((w) => w.token), words: chosen.map((w) => lightWordOf(w.word)) };
}

/**
 * The content words of a text in any script, for comparing titles and descriptions: Latin words
 * as the matcher's tokens (light stems; stop words and course framing left out), words of other
 * scripts lower-cased as Unicode word segmentation cuts them (Intl.Segmenter: Chinese, Japanese
 * and Thai by dictionary), so an Arabic title keeps its words.
 */
export function scriptTokens(text: string): string[] {
  const out: string[] = [];
  for (const { segment, isWordLike } of SEGMENTER.segment(text.normalize('NFKC'))) {
    if (!isWordLike) continue;
    const latin = wordSpans(segment);
    if (latin.length > 0) {
      for (const w of latin) if (w.token.length > 0 && !FRAMING.has(w.word)) out.push(w.token);
    } else if (/[\p{L}\p{N}]/u.test(segment)) {
      out.push(segment.toLocaleLowerCase());
    }
  }
  return out;
}

const LETTER_RUN = /[\p{L}\p{N}]+/gu;
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
/** Frequent English words that carry no topic, beyond the stop words. */
const PLAIN = new Set(
  'is are be will can you we this that it how what learn learning course students'.split(' '),
);

/**
 * The words of a longer text for comparing it with another, fast and in any script: runs of
 * letters and digits, lower-cased, with stop words and course framing left out; a run in a script
 * written without spaces (Chinese, Japanese, Thai) as its character pairs. No stems: two texts
 * about one topic share their words anyway, and this runs on hundreds of descriptions a query.
 */
export function textWords(text: string): string[] {
  const out: string[] = [];
  for (const [run] of text.normalize('NFKC').toLowerCase().matchAll(LETTER_RUN)) {
    if (UNSPACED_SCRIPT.test(run)) {
      if (run.length === 1) out.push(run);
      for (let i = 0; i + 1 < run.length; i += 1) out.push(run.slice(i, i + 2));
    } else if (!STOPWORDS.has(run) && !FRAMING.has(run) && !PLAIN.has(run)) {
      out.push(run);
    }
  }
  return out;
}

/** An order-free key of a token list: equal for "project management" and "manage projects". */
export function bagKey(list: readonly string[]): string {
  return [...new Set(list)].sort().join(' ');
}

/** Folded words joined by '-', for stable ids ("Leadership & Management" -> "leadership-management"). */
export function slug(text: string): string {
  return wordSpans(text)
    .filter((w) => w.token.length > 0)
    .map((w) => w.word)
    .join('-')
    .slice(0, 80);
}

const SEGMENTER = new Intl.Segmenter('und', { granularity: 'word' });

/**
 * Words in any script (Unicode word segmentation), case folded and joined by '-'; '' for a text
 * of symbols or emoji only. The fallback of `slug` for text without Latin letters.
 */
export function unicodeSlug(text: string): string {
  return [...SEGMENTER.segment(text.normalize('NFKC').toLowerCase())]
    .filter((s) => s.isWordLike)
    .map((s) => s.segment)
    .join('-')
    .slice(0, 80);
}

/**
 * The forms a taxonomy label is also known by: without a trailing bracket ("Python (computer
 * programming)" is also "Python") and without a leading vendor ("Microsoft Excel" is also "Excel").
 */
export function labelVariants(label: string): string[] {
  const variants = [label];
  const bare = label.replace(/\s*\([^)]*\)\s*$/, '').trim();
  if (bare.length > 0 && bare !== label) variants.push(bare);
  for (const v of [...variants]) {
    const [first, ...rest] = v.split(/\s+/);
    if (first && rest.length > 0 && VENDORS.has(fold(first))) variants.push(rest.join(' '));
  }
  return variants;
}

/**
 * The phrase with its abbreviations spelled out, or null when it has none. A word counts as an
 * abbreviation when written in capitals ("IT", "UX"), or when it is the whole phrase, so "it" and
 * "ar" in running text stay words.
 */
export function expandAbbreviations(text: string): string | null {
  const whole = text.trim().split(/\s+/).length === 1;
  let changed = false;
  const expanded = text.replace(/[A-Za-z0-9]+/g, (w) => {
    const long = ABBREVIATIONS[w.toLowerCase()];
    if (long === undefined || !(whole || /^[A-Z0-9]+$/.test(w))) return w;
    changed = true;
    return long;
  });
  return changed ? expanded : null;
}
