/**
 * Text analysis shared by the matchers: case folding, accent stripping, tokenising into words
 * with sentence boundaries, and pulling out hashtags and @handles. URLs are dropped.
 */
import { stemWord } from './nlp.ts'
import { Vocabulary, WordTable } from './vocabulary.ts'

/** Marks a sentence boundary in `words`/`stems`; it never equals a word, so phrases never span it. */
export const BOUNDARY = ''

export interface Analysis {
  /** The whole text folded (see `fold`), for phrase patterns. */
  readonly folded: string
  /** Folded words in order (hashtag bodies included), with `BOUNDARY` between sentences. */
  readonly words: readonly string[]
  /** Where each entry of `words` starts in `folded` (a boundary: where its punctuation starts). */
  readonly offsets: readonly number[]
  /** Stems of `words`, same positions. */
  readonly stems: readonly string[]
  /** Vocabulary ids of `words`, same positions: the keys of the analyzer's word tables. */
  readonly ids: readonly number[]
  /** Hashtags written in the text, folded, without `#`. */
  readonly hashtags: readonly string[]
  /** @handles written in the text, folded, without `@`. */
  readonly handles: readonly string[]
}

const NON_ASCII = /[^ -~\t\n\r]/
const MARKS = /\p{M}+/gu
const APOSTROPHES = /[\u2018\u2019\u02bc\uff07`]/g

/** Lowercases, maps typographic apostrophes to `'`, strips accents ("Vacunación" → "vacunacion"). */
export function fold(text: string): string {
  const lower = text.toLowerCase()
  if (!NON_ASCII.test(lower)) return lower
  return lower.normalize('NFKD').replace(MARKS, '').replace(APOSTROPHES, "'")
}

/**
 * One token per match: a URL, a `#tag` or `@handle`, a number (with its decimals, a unit glued to it
 * and a possessive: `12.5mg`, `1,000.50`, `123's`), a word (with version-style decimals: `v2.0`), or
 * a run of sentence punctuation. No capture groups: they make every match several times dearer, and the first
 * character tells the kinds apart (see `scan`).
 */
const TOKEN =
  /https?:\/\/\S+|www\.\S+|[#@][\p{L}\p{N}_]+(?:\.[\p{L}\p{N}_]+)*|\p{N}+(?:[.,]\p{N}+)*(?:\p{L}[\p{L}\p{N}]*)?(?:'\p{L}+)*|[\p{L}\p{N}]+(?:\.\p{N}+)*(?:'\p{L}+)*|[.!?;:\n¡¿…]+/gu
/** The characters of TOKEN's punctuation class. */
const SENTENCE_PUNCTUATION = new Set(['.', '!', '?', ';', ':', '\n', '¡', '¿', '…'])

/** Words whose trailing period abbreviates rather than ends a sentence ("St. Mary's", "Dr. Lee"). */
const ABBREVIATIONS = new Set([
  'st',
  'dr',
  'mr',
  'mrs',
  'ms',
  'mt',
  'ft',
  'jr',
  'sr',
  'vs',
  'prof',
  'sta',
  'sto',
  'sra',
])

/** Words, offsets, stems, ids and tags of one text as they are collected. */
interface Collected {
  readonly words: string[]
  readonly offsets: number[]
  readonly stems: string[]
  readonly ids: number[]
  readonly hashtags: string[]
  readonly handles: string[]
}

/** Appends a word (or a sentence `BOUNDARY`, never two in a row nor first) with its stem and id. */
function pushWord(c: Collected, vocabulary: Vocabulary, w: string, at: number): void {
  const { words } = c
  if (w === BOUNDARY && (words.length === 0 || words[words.length - 1] === BOUNDARY)) return
  const id = vocabulary.id(w)
  words.push(w)
  c.offsets.push(at)
  c.stems.push(vocabulary.stems[id] as string)
  c.ids.push(id)
}

/**
 * Splits folded text into words (and numbers) with sentence boundaries, hashtags and handles.
 * A token's kind follows from its first character: `#`/`@` only open tags, the punctuation
 * characters only open punctuation runs, and a word holds `.` only before digits, so a token that
 * starts like a URL is one.
 */
function scan(folded: string, c: Collected, vocabulary: Vocabulary): void {
  TOKEN.lastIndex = 0
  // The last word or number, for the abbreviation check (a tag, URL or punctuation clears it).
  let previous = ''
  for (let m = TOKEN.exec(folded); m !== null; m = TOKEN.exec(folded)) {
    const token = m[0]
    const first = token[0] as string
    if (first === '#' || first === '@') {
      previous = ''
      const body = token.slice(1)
      if (first === '@') c.handles.push(body)
      else {
        c.hashtags.push(body)
        pushWord(c, vocabulary, body, m.index + 1)
      }
    } else if (SENTENCE_PUNCTUATION.has(first)) {
      const abbreviated = token === '.' && ABBREVIATIONS.has(previous)
      previous = ''
      if (!abbreviated) pushWord(c, vocabulary, BOUNDARY, m.index)
    } else if (!isUrl(token)) {
      previous = token
      pushWord(c, vocabulary, token.endsWith("'s") ? token.slice(0, -2) : token, m.index)
    }
  }
}

const isUrl = (token: string): boolean =>
  token.startsWith('http://') || token.startsWith('https://') || token.startsWith('www.')

export interface Analyzer {
  (text: string): Analysis
  /** The stem of a single folded word. */
  readonly stem: (word: string) => string
  /**
   * A table of what `derive(word, stem)` gives for each word of this analyzer's vocabulary, read
   * with the ids in `Analysis.ids`: each word is derived once, then read by index.
   */
  table<T>(derive: (word: string, stem: string) => T): WordTable<T>
}

/** Distinct words an analyzer numbers (and stems) before it starts over. */
const VOCABULARY_MAX = 50_000

/**
 * Builds an analyzer with its own bounded vocabulary (word ids and stems). It remembers the last
 * text it analysed, so the topic, intent, claim and term extractors sharing one analyzer tokenise
 * a post once. `maxWords` bounds the vocabulary (tests use a tiny one).
 */
export function createAnalyzer(options: { maxWords?: number } = {}): Analyzer {
  const vocabulary = new Vocabulary(stemWord, options.maxWords ?? VOCABULARY_MAX)
  let lastText: string | undefined
  let last: Analysis | undefined
  const analyze = (text: string): Analysis => {
    if (text === lastText && last !== undefined) return last
    vocabulary.trim()
    const c: Collected = { words: [], offsets: [], stems: [], ids: [], hashtags: [], handles: [] }
    const folded = fold(text)
    scan(folded, c, vocabulary)
    const { words, offsets, stems, ids, hashtags, handles } = c
    if (words[words.length - 1] === BOUNDARY) {
      words.pop()
      offsets.pop()
      stems.pop()
      ids.pop()
    }
    last = { folded, words, offsets, stems, ids, hashtags, handles }
    lastText = text
    return last
  }
  return Object.assign(analyze, {
    stem: (word: string): string => vocabulary.stems[vocabulary.id(word)] as string,
    table: <T>(derive: (word: string, stem: string) => T): WordTable<T> => new WordTable(vocabulary, derive),
  })
}

let shared: Analyzer | undefined

/** The analyzer the matchers use unless given one: one vocabulary and one memo per process. */
export function sharedAnalyzer(): Analyzer {
  shared ??= createAnalyzer()
  return shared
}

/** Stems of a rule term ("Emergency Rooms" → ["emerg", "room"]), boundaries dropped. */
export function termStems(analyze: Analyzer, term: string): string[] {
  return analyze(term.replace(/^[#@]/, '')).stems.filter((s) => s !== BOUNDARY)
}

/** Folds a hashtag or handle as the connectors do: no sigil, lowercase, no accents. */
export function foldTag(tag: string): string {
  return fold(tag.trim().replace(/^[#@]/, ''))
}
