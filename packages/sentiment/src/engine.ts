import { type LanguagePack, Mark, NONE, type RuleContext } from './language-pack.ts'
import { contrastWeight, countNegations, dropNegatorValence, findContrast } from './scope.ts'
import { type Token, TokenKind, type Tokens } from './tokenize.ts'
import { TUNING } from './tuning.ts'

export { TUNING } from './tuning.ts'

// Local bindings: imported module bindings are slower to read in hot loops under some loaders.
const TK = TokenKind

export interface EngineInput {
  readonly pack: LanguagePack
  readonly tokens: Tokens
  /** Valence of each emoji/emoticon token (language-independent). */
  readonly symbols: ReadonlyMap<string, number>
}

/**
 * Lexicon lookup with a fallback for elongated words ("goooood" → "good"); NaN when absent.
 * Elongated words are reported through `elongatedOut[index]`.
 */
function lookup(pack: LanguagePack, word: string, elongatedOut: Uint8Array, index: number): number {
  const v = pack.lexicon.get(word)
  if (v !== undefined) return v
  if (!hasRun(word)) return NONE
  elongatedOut[index] = 1
  const v2 = pack.lexicon.get(word.replace(/(.)\1{2,}/g, '$1$1'))
  if (v2 !== undefined) return v2
  return pack.lexicon.get(word.replace(/(.)\1+/g, '$1')) ?? NONE
}

function hasRun(word: string): boolean {
  for (let i = 2; i < word.length; i++) {
    const c = word.charCodeAt(i)
    if (c === word.charCodeAt(i - 1) && c === word.charCodeAt(i - 2)) return true
  }
  return false
}

/** ALL-CAPS word: at least two letters, none lower-case. */
function isShouted(raw: string): boolean {
  if (raw.length < 2) return false
  const c = raw.charCodeAt(0)
  if (c >= 97 && c <= 122) return false // fast path: starts with a-z
  return raw === raw.toUpperCase() && raw !== raw.toLowerCase()
}

const isTitle = (t: Token | undefined): boolean => {
  if (t === undefined || t.kind !== TK.Word || t.raw.length < 2) return false
  const a = t.raw.charCodeAt(0)
  const b = t.raw.charCodeAt(1)
  return a >= 65 && a <= 90 && b >= 97 && b <= 122
}

/** A number written in digits ("7", "2012"). */
const isNumber = (t: Token | undefined): boolean => {
  if (t === undefined || t.kind !== TK.Word) return false
  for (let k = 0; k < t.text.length; k++) {
    const c = t.text.charCodeAt(k)
    if (c < 48 || c > 57) return false
  }
  return true
}

/**
 * A Title-Case word, not opening its sentence, next to another or followed by a number: part of a
 * name or a headline ("Grateful Dead", "Magnificent 7").
 */
function isInName(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i] as Token
  if (!isTitle(t)) return false
  const prev = tokens[i - 1]
  if (prev === undefined || prev.sentence !== t.sentence) return false
  const next = tokens[i + 1]
  return isTitle(prev) || ((isTitle(next) || isNumber(next)) && next?.sentence === t.sentence)
}

/**
 * Scores one tokenised text with a language pack: VADER's rules (boosters, negation within three
 * words, ALL-CAPS, "but", punctuation) scoped to sentences and clauses, plus phrase and context
 * rules. Returns the compound score in [-1, 1].
 */
export function scoreTokens(input: EngineInput): number {
  return normalize(valenceSum(input))
}

/** Maps a valence sum onto [-1, 1] (VADER's normalisation). */
export function normalize(sum: number): number {
  const compound = sum / Math.sqrt(sum * sum + TUNING.normalization)
  return Math.max(-1, Math.min(1, compound))
}

interface Scratch {
  readonly valence: Float64Array
  readonly boost: Float64Array
  readonly elongated: Uint8Array
  readonly marks: Uint8Array
}
const newScratch = (n: number): Scratch => ({
  valence: new Float64Array(n),
  boost: new Float64Array(n),
  elongated: new Uint8Array(n),
  marks: new Uint8Array(n),
})
let scratch = newScratch(256)

/**
 * Slots of the rule features `valenceSum` can report (what the neutral calibration reads). Counts
 * are of tokens; valences are after every rule, before normalisation.
 */
export const Feature = {
  /** The emphasised valence sum (what `normalize` maps to the compound). */
  Sum: 0,
  /** Sentiment words (and symbols) that counted. */
  Count: 1,
  /** Strongest positive / |strongest negative| modified valence. */
  PosMax: 2,
  NegMax: 3,
  /** Strongest |word valence| after lexicon and context rules, before modifiers. */
  MaxLexicon: 4,
  /** Word tokens, emoji/emoticon tokens, #hashtag words, ALL-CAPS words, negated sentiment words. */
  Words: 5,
  Symbols: 6,
  Hashtags: 7,
  Shouted: 8,
  Negated: 9,
} as const
export const FEATURE_COUNT = 10

/**
 * The emphasised sum of the text's modified valences, before normalisation. When `features` is
 * given (length ≥ FEATURE_COUNT), the rule features of the text are written into it.
 */
export function valenceSum(
  { pack, tokens: tokenized, symbols }: EngineInput,
  features?: Float64Array,
): number {
  const tokens = tokenized.tokens
  const n = tokens.length
  if (features !== undefined) features.fill(0, 0, FEATURE_COUNT)
  if (n === 0) return 0
  // Views of length n over reused buffers (scoring is synchronous): reads past n stay undefined.
  if (scratch.valence.length < n) scratch = newScratch(Math.max(n, 2 * scratch.valence.length))
  const valence = scratch.valence.subarray(0, n).fill(NONE)
  const boost = scratch.boost.subarray(0, n).fill(0)
  const elongated = scratch.elongated.subarray(0, n).fill(0)
  const marks = scratch.marks.subarray(0, n).fill(0)
  let shouted = 0
  let words = 0
  let hashtags = 0
  // 1. Lexicon, phrases, emoji.
  for (let i = 0; i < n; i++) {
    const t = tokens[i] as Token
    if (t.kind !== TK.Word) {
      const v =
        symbols.get(t.text) ?? (t.kind === TK.Emoticon ? symbols.get(t.text.toLowerCase()) : undefined)
      if (v !== undefined) valence[i] = v
      continue
    }
    words++
    if (t.hashtag) hashtags++
    if (isShouted(t.raw)) shouted++
    const phrases = pack.phrases.get(t.text)
    if (phrases !== undefined) {
      const matched = matchPhrase(phrases, tokens, i)
      if (matched !== undefined) {
        const len = matched.words.length
        if (matched.valence !== undefined) valence[i] = matched.valence
        if (matched.booster !== undefined) boost[i + len - 1] = matched.booster
        for (let k = 1; k < len; k++) valence[i + k] = matched.valence !== undefined ? 0 : NONE
        words += len - 1
        i += len - 1
        continue
      }
    }
    const b = pack.boosters.get(hasRun(t.text) ? t.text.replace(/(.)\1{2,}/g, '$1') : t.text)
    if (b !== undefined) {
      boost[i] = b
      continue
    }
    valence[i] = lookup(pack, t.text, elongated, i)
  }
  const ctx: RuleContext = { tokens, valence, boost, marks }
  pack.applyContextRules(ctx)
  dropNegatorValence(pack, tokens, valence, boost)
  // 2. Modifiers: caps, elongation, boosters in the preceding three tokens, negation in scope.
  const capsDifferential = shouted > 0 && shouted < words
  let pos = 0
  let posMax = 0
  let neg = 0
  let negMax = 0
  let count = 0
  let maxLexicon = 0
  let negated = 0
  const contrastAt = findContrast(pack, tokens, marks)
  const questions = tokenized.questionSentences
  let qi = 0
  let irrealisClause = -1
  for (let i = 0; i < n; i++) {
    const ti = tokens[i] as Token
    if (ti.kind === TK.Word && (pack.irrealis.has(ti.text) || (marks[i] as number) & Mark.Irrealis))
      irrealisClause = ti.clause
    let v = valence[i] as number
    if (Number.isNaN(v) || v === 0) continue
    const t = tokens[i] as Token
    const sign = v > 0 ? 1 : -1
    if (v * sign > maxLexicon) maxLexicon = v * sign
    if (capsDifferential && t.kind === TK.Word && isShouted(t.raw)) v += sign * TUNING.caps
    if (elongated[i] === 1) v += sign * TUNING.elongation
    for (let back = 1; back <= TUNING.negationReach && i - back >= 0; back++) {
      const p = tokens[i - back] as Token
      if (p.clause !== t.clause) break
      const pv = valence[i - back] as number
      if (!Number.isNaN(pv) && pv !== 0) continue // VADER: a sentiment word neither boosts nor negates
      const b = boost[i - back] as number
      if (b !== 0) {
        let scalar = b * (back === 1 ? 1 : back === 2 ? 0.95 : 0.9)
        if (capsDifferential && isShouted(p.raw)) scalar += b > 0 ? TUNING.caps : -TUNING.caps
        v += sign * scalar
      }
    }
    const negations =
      t.kind === TK.Word && ((marks[i] as number) & Mark.Unnegated) === 0
        ? countNegations(pack, tokens, valence, marks, i)
        : 0
    if (negations > 0) {
      v *= TUNING.negation ** negations
      negated++
    }
    // 3. Contrast and concession weights.
    v *= contrastWeight(contrastAt, tokens, i)
    // 4. Questions and irrealis ("if", "hope") state no feeling outright.
    while (qi < questions.length && (questions[qi] as number) < t.sentence) qi++
    if (questions[qi] === t.sentence) v *= TUNING.questionSentence
    if (t.kind === TK.Word && isInName(tokens, i)) v *= TUNING.name
    if (t.clause === irrealisClause) v *= pack.irrealis.has(t.text) ? TUNING.irrealisWord : TUNING.irrealis
    if (v > 0) {
      pos += v
      if (v > posMax) posMax = v
    } else {
      neg += v
      if (v < negMax) negMax = v
    }
    count++
  }
  let sum = posMax + TUNING.repeat * (pos - posMax) + negMax + TUNING.repeat * (neg - negMax)
  if (count > 1) sum /= count ** TUNING.dilution
  if (tokenized.urls > 0) sum *= TUNING.link
  // 5. Exclamation marks strengthen whatever polarity the text has; alone, they are enthusiasm.
  const ex = Math.min(tokenized.exclamations, TUNING.maxExclamations) * TUNING.exclamation
  if (sum !== 0) sum += sum > 0 ? ex : -ex
  else if (count === 0 && tokenized.questions === 0) sum = ex * TUNING.bareExclamation
  if (features !== undefined) {
    features[Feature.Sum] = sum
    features[Feature.Count] = count
    features[Feature.PosMax] = posMax
    features[Feature.NegMax] = -negMax
    features[Feature.MaxLexicon] = maxLexicon
    features[Feature.Words] = words
    features[Feature.Symbols] = n - words
    features[Feature.Hashtags] = hashtags
    features[Feature.Shouted] = shouted
    features[Feature.Negated] = negated
  }
  return sum
}

function matchPhrase(
  phrases: readonly {
    readonly words: readonly string[]
    readonly valence?: number
    readonly booster?: number
  }[],
  tokens: readonly Token[],
  i: number,
): (typeof phrases)[number] | undefined {
  outer: for (const p of phrases) {
    const len = p.words.length
    if (i + len > tokens.length) continue
    for (let k = 1; k < len; k++) {
      const t = tokens[i + k] as Token
      if (t.kind !== TK.Word || t.text !== p.words[k]) continue outer
    }
    return p
  }
  return undefined
}
