/**
 * Text analysis shared by the matchers: case folding, accent stripping, tokenising into words
 * with sentence boundaries, and pulling out hashtags and @handles. URLs are dropped.
 */
import { createStemmer } from './nlp.ts'

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

// 1: URL, 2: sigil + 3: tag body, 4: number, 5: word, 6: sentence punctuation.
const TOKEN =
  /(https?:\/\/\S+|www\.\S+)|([#@])([\p{L}\p{N}_]+(?:\.[\p{L}\p{N}_]+)*)|(\p{N}+(?:[.,]\p{N}+)*(?![\p{L}\p{N}]))|([\p{L}\p{N}]+(?:'[\p{L}]+)*)|([.!?;:\n¡¿…]+)/gu

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

/** Words, offsets, stems and tags of one text as they are collected. */
interface Collected {
  readonly words: string[]
  readonly offsets: number[]
  readonly stems: string[]
  readonly hashtags: string[]
  readonly handles: string[]
}

/** Appends a word (or a sentence `BOUNDARY`, never two in a row nor first) with its stem. */
function pushWord(c: Collected, stem: (word: string) => string, w: string, at: number): void {
  const { words } = c
  if (w === BOUNDARY && (words.length === 0 || words[words.length - 1] === BOUNDARY)) return
  words.push(w)
  c.offsets.push(at)
  c.stems.push(w === BOUNDARY ? BOUNDARY : stem(w))
}

/** Splits folded text into words (and numbers) with sentence boundaries, hashtags and handles. */
function scan(folded: string, c: Collected, stem: (word: string) => string): void {
  TOKEN.lastIndex = 0
  let previous = ''
  for (let m = TOKEN.exec(folded); m !== null; m = TOKEN.exec(folded)) {
    if (m[1] !== undefined) continue
    if (m[6] === '.' && ABBREVIATIONS.has(previous)) {
      previous = ''
      continue
    }
    previous = m[5] ?? ''
    if (m[2] !== undefined && m[3] !== undefined) {
      if (m[2] === '@') c.handles.push(m[3])
      else {
        c.hashtags.push(m[3])
        pushWord(c, stem, m[3], m.index + 1)
      }
    } else if (m[4] !== undefined) pushWord(c, stem, m[4], m.index)
    else if (m[5] !== undefined) {
      const w = m[5]
      pushWord(c, stem, w.endsWith("'s") ? w.slice(0, -2) : w, m.index)
    } else pushWord(c, stem, BOUNDARY, m.index)
  }
}

export interface Analyzer {
  (text: string): Analysis
  /** The analyzer's (cached) stemmer, for a single folded word. */
  readonly stem: (word: string) => string
}

/**
 * Builds an analyzer with its own bounded stem cache. It remembers the last text it analysed, so
 * the topic, intent, claim and term extractors sharing one analyzer tokenise a post once.
 */
export function createAnalyzer(): Analyzer {
  const stem = createStemmer()
  let lastText: string | undefined
  let last: Analysis | undefined
  const analyze = (text: string): Analysis => {
    if (text === lastText && last !== undefined) return last
    const c: Collected = { words: [], offsets: [], stems: [], hashtags: [], handles: [] }
    const folded = fold(text)
    scan(folded, c, stem)
    const { words, offsets, stems, hashtags, handles } = c
    if (words[words.length - 1] === BOUNDARY) {
      words.pop()
      offsets.pop()
      stems.pop()
    }
    last = { folded, words, offsets, stems, hashtags, handles }
    lastText = text
    return last
  }
  return Object.assign(analyze, { stem })
}

let shared: Analyzer | undefined

/** The analyzer the matchers use unless given one: one stem cache and one memo per process. */
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
