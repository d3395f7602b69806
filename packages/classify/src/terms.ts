import { STOPWORDS } from './nlp.ts'
import { type Analyzer, BOUNDARY, foldTag, sharedAnalyzer } from './text.ts'

export const MAX_TERMS = 32
const NUMERIC = /^[\p{N}.,]+$/u
const MAX_WORD = 40
/** A redaction placeholder ("[NAME]", "[PHONE]"): not a word the author wrote, and a break between words. */
const PLACEHOLDER = /\[[A-Z]{2,}\]/g

export type TermExtractor = (text: string, hashtags: readonly string[]) => string[]

/**
 * Builds a term extractor for emerging-topic detection: hashtags as `#tag` first, then unigrams and
 * bigrams of content words in order of appearance. Lowercased and accent-folded; English and
 * Spanish stopwords, URLs, @handles, numbers-only tokens and one-letter words removed; plural and
 * singular collapse ("Fevers" → "fever", but "measles" stays); bigrams never span a sentence end
 * or a removed word; redaction placeholders ("[NAME]") are no terms and break bigrams.
 * Deduplicated, at most `max` (default 32; keep it small, duplicates are found by a linear scan).
 */
export function createTermExtractor(options: { analyzer?: Analyzer; max?: number } = {}): TermExtractor {
  const analyze = options.analyzer ?? sharedAnalyzer()
  const max = options.max ?? MAX_TERMS
  // Per word: its term, or null when the word is not a term (stopword, number, too short or long).
  const termOf = analyze.table((word) => {
    const keep = word !== BOUNDARY && word.length > 1 && word.length <= MAX_WORD && !STOPWORDS.has(word)
    return keep && !NUMERIC.test(word) ? normal(word) : null
  })
  return (text, hashtags) => {
    const a = analyze(text.includes('[') ? text.replace(PLACEHOLDER, ' ; ') : text)
    // Terms in order of appearance, deduplicated (a short list: `includes` beats a Set here).
    const out: string[] = []
    let full = false
    for (const h of hashtags) {
      if (out.length >= max) {
        full = true
        break
      }
      addTag(out, foldTag(h))
    }
    if (!full) {
      for (const h of a.hashtags) {
        if (out.length >= max) break
        addTag(out, h)
      }
    }
    let prev: string | undefined
    for (let i = 0; i < a.words.length && out.length < max; i++) {
      const candidate = termOf.get(a.ids[i] as number)
      const term = candidate !== null && !isHashtagBody(a.words, a.hashtags, i) ? candidate : undefined
      if (term === undefined) {
        prev = undefined
        continue
      }
      addUnique(out, term)
      if (prev !== undefined && prev !== term && out.length < max) addUnique(out, `${prev} ${term}`)
      prev = term
    }
    return out
  }
}

function addUnique(out: string[], term: string): void {
  if (!out.includes(term)) out.push(term)
}

function addTag(out: string[], h: string): void {
  if (h !== '' && !NUMERIC.test(h)) addUnique(out, `#${h}`)
}

/** Words that end in "s" but are not plurals (mostly disease names). */
const SINGULAR_S = new Set([
  'measles',
  'mumps',
  'diabetes',
  'herpes',
  'rabies',
  'scabies',
  'shingles',
  'hives',
  'aids',
  'news',
  'series',
])

/** Light normalisation: plural and possessive endings off ("fevers" → "fever", "clinics'" → "clinic"). */
function normal(word: string): string {
  const w = word.replace(/'+$/, '')
  if (SINGULAR_S.has(w)) return w
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`
  if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is|ous|sis)$/.test(w)) {
    return /(?:ches|shes|xes|sses|zes)$/.test(w) ? w.slice(0, -2) : w.slice(0, -1)
  }
  return w
}

/** A hashtag body is already emitted as `#tag`; do not repeat it as a word. */
function isHashtagBody(words: readonly string[], tags: readonly string[], i: number): boolean {
  return tags.length > 0 && tags.includes(words[i] as string)
}

const defaultExtractor = createTermExtractor()

/** `createTermExtractor()` with the shared analyzer and the default cap of 32 terms. */
export function extractTerms(text: string, hashtags: readonly string[]): string[] {
  return defaultExtractor(text, hashtags)
}
