import type { Sentiment, SentimentLabel } from '@pulse/core'
import {
  CALIBRATION_FEATURE_COUNT,
  CALIBRATION_FEATURES,
  calibrate,
  calibrationFeatures,
  MAGNITUDE_TERMS,
  type NeutralCalibration,
  neutralProbability,
  standardize,
} from './calibration.ts'
import { ENGLISH_CALIBRATION } from './data/english-calibration.ts'
import { EMOJI_VALENCE, EMOTICON_VALENCE } from './emoji.ts'
import { FEATURE_COUNT, normalize, valenceSum } from './engine.ts'
import { createEnglishPack } from './english.ts'
import { createLanguageDetector, UNDETERMINED } from './language.ts'
import type { LanguagePack } from './language-pack.ts'
import { createSpanishPack } from './spanish.ts'
import { type Tokens, tokenize, type Vocabulary } from './tokenize.ts'

/** Languages with a sentiment model. */
export const SUPPORTED_LANGUAGES = ['en', 'es'] as const
export type SupportedLanguage = (typeof SUPPORTED_LANGUAGES)[number]

export interface SentimentScorerOptions {
  /** Languages to score (default: all supported). Texts in any other language score `null`. */
  readonly languages?: readonly SupportedLanguage[]
  /** |score| below this is labelled neutral (default 0.05, VADER's convention). */
  readonly neutralThreshold?: number
  /**
   * Language assumed when detection is undetermined ('und': no letters, or a lone name or
   * hashtag), so emoji-only posts still score. `null` makes such texts score `null`. Default 'en'.
   */
  readonly fallbackLanguage?: SupportedLanguage | null
  /** Extra or overriding lexicon entries per language, valence on VADER's −4 … +4 scale. */
  readonly lexicon?: Readonly<Partial<Record<SupportedLanguage, Readonly<Record<string, number>>>>>
  /**
   * The layer over the English rule score (default: the shipped one, fitted by cross-validation
   * on rated tweets; see `data/english-calibration.ts`). `null` scores with the rules alone.
   * Spanish is never calibrated (no rated Spanish data).
   */
  readonly calibration?: NeutralCalibration | null
}

export interface SentimentScorer {
  /**
   * Sentiment of one text. `lang` (ISO 639-1, a tag like 'en-GB' is fine) skips detection; texts
   * in a language without a model get `null` rather than a wrong English score.
   */
  score(text: string, lang?: string): Sentiment | null
  /** The language `score` would assume for this text. */
  detectLanguage(text: string): string
}

/** Longest text scored, in UTF-16 units; beyond it only the opening counts (bounded CPU per post). */
export const MAX_SCORED_CHARS = 20_000

/**
 * Builds a scorer: loads lexicons once; scoring is pure, deterministic and does no I/O.
 */
export function createSentimentScorer(options: SentimentScorerOptions = {}): SentimentScorer {
  const threshold = options.neutralThreshold ?? 0.05
  const model = options.calibration === undefined ? ENGLISH_CALIBRATION : options.calibration
  const analyzer = createRuleAnalyzer(options)
  const engine = new Float64Array(FEATURE_COUNT)
  const x = new Float64Array(CALIBRATION_FEATURE_COUNT)
  const z = new Float64Array(CALIBRATION_FEATURE_COUNT)
  const terms = new Float64Array(MAGNITUDE_TERMS)
  const label = (score: number): SentimentLabel =>
    score >= threshold ? 'positive' : score <= -threshold ? 'negative' : 'neutral'
  return {
    detectLanguage: analyzer.detectLanguage,
    score(text, lang) {
      const a = analyzer.analyse(text, lang, engine)
      if (a === null) return null
      let value = a.compound
      if (model !== null && a.language === 'en') {
        calibrationFeatures(engine, a.tokens, a.text, value, x)
        standardize(model, x, z)
        value = calibrate(model, value, z, neutralProbability(model, z), terms)
      }
      const score = Math.round(value * 10_000) / 10_000
      return { score: score === 0 ? 0 : score, label: label(score) }
    },
  }
}

/** The rule engine's reading of one text, before any calibration. */
export interface RuleAnalysis {
  /** Language scored. */
  readonly language: SupportedLanguage
  /** Rule compound score in [−1, 1]. */
  readonly compound: number
  readonly tokens: Tokens
  /** The text as scored (truncated, entities decoded, look-alike letters folded). */
  readonly text: string
}

export interface RuleAnalyzer {
  detectLanguage(text: string): string
  /** Like `score`, without calibration; the engine features are written into `features`. */
  analyse(text: string, lang: string | undefined, features: Float64Array): RuleAnalysis | null
}

/**
 * The rule engine with detection and tokenisation (what `createSentimentScorer` calibrates). Also
 * the feature source for fitting the calibration (`calibrationSample`).
 */
export function createRuleAnalyzer(options: SentimentScorerOptions = {}): RuleAnalyzer {
  const languages = options.languages ?? SUPPORTED_LANGUAGES
  const fallback = options.fallbackLanguage === undefined ? 'en' : options.fallbackLanguage
  const packs = new Map<string, LanguagePack>()
  for (const lang of languages) {
    const extra = options.lexicon?.[lang] ?? {}
    packs.set(lang, lang === 'en' ? createEnglishPack({ lexicon: extra }) : createSpanishPack(extra))
  }
  const english = packs.get('en') ?? createEnglishPack()
  const spanish = packs.get('es') ?? createSpanishPack()
  const detector = createLanguageDetector({
    evidence: { en: english.lexicon.keys(), es: spanish.lexicon.keys() },
  })
  // Emoticons come from VADER's lexicon; they and emoji score the same in every language.
  const symbols = new Map<string, number>(EMOJI_VALENCE)
  for (const [word, valence] of english.lexicon) if (isEmoticon(word)) symbols.set(word, valence)
  for (const [emoticon, valence] of EMOTICON_VALENCE) symbols.set(emoticon, valence)
  // One tokenisation serves detection and every language: compounds of any lexicon stay whole.
  const openings = asciiOpenings(symbols.keys())
  const vocab: Vocabulary = {
    isEmoticon: (chunk) =>
      mayOpen(openings, chunk) && (symbols.has(chunk) || symbols.has(chunk.toLowerCase())),
    isCompound: (word) => english.lexicon.has(word) || spanish.lexicon.has(word),
  }
  return {
    detectLanguage: (text) => detector.detect(text),
    analyse(text, lang, features) {
      const input = decodeEntities(
        foldHostileForms(text.length > MAX_SCORED_CHARS ? text.slice(0, MAX_SCORED_CHARS) : text),
      )
      const given = lang === undefined ? undefined : primarySubtag(lang)
      if (given !== undefined && !packs.has(given) && given !== UNDETERMINED) return null
      const tokens = tokenize(input, vocab)
      let code = given === undefined ? detector.detectTokens(input, tokens.tokens) : given
      if (code === UNDETERMINED || code === '') {
        if (fallback === null) return null
        code = fallback
      }
      const pack = packs.get(code)
      if (pack === undefined) return null
      const compound = normalize(valenceSum({ pack, tokens, symbols }, features))
      return { language: pack.code === 'en' ? 'en' : 'es', compound, tokens, text: input }
    },
  }
}

/**
 * The two-character ASCII openings of `keys`, as a bit table over `c0 * 128 + c1`. Most chunks the
 * tokenizer offers as an emoticon are words with punctuation ("great!"); their opening rules them
 * out without lower-casing a copy and probing the map twice.
 */
function asciiOpenings(keys: Iterable<string>): Uint8Array {
  const table = new Uint8Array(128 * 128)
  for (const key of keys) {
    if (key.length < 2) continue
    const c0 = key.charCodeAt(0)
    const c1 = key.charCodeAt(1)
    if (c0 < 128 && c1 < 128) table[c0 * 128 + c1] = 1
  }
  return table
}

/**
 * False only when `chunk`, as written and lower-cased, cannot start like any key of the table: its
 * first two characters are ASCII (lower-casing maps those one to one) and neither form is listed.
 */
function mayOpen(table: Uint8Array, chunk: string): boolean {
  if (chunk.length < 2) return true
  const c0 = chunk.charCodeAt(0)
  const c1 = chunk.charCodeAt(1)
  if (c0 >= 128 || c1 >= 128) return true
  if (table[c0 * 128 + c1] === 1) return true
  const l0 = c0 >= 65 && c0 <= 90 ? c0 + 32 : c0
  const l1 = c1 >= 65 && c1 <= 90 ? c1 + 32 : c1
  return table[l0 * 128 + l1] === 1
}

function isEmoticon(word: string): boolean {
  return /[^\p{L}\p{N}'-]/u.test(word)
}

function primarySubtag(lang: string): string {
  const dash = lang.search(/[-_]/)
  return (dash === -1 ? lang : lang.slice(0, dash)).trim().toLowerCase()
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&apos;': "'",
  '&#39;': "'",
  '&nbsp;': ' ',
}

/**
 * Decodes the HTML entities social APIs leave in post text ("&lt;3" is a heart, "&gt;" is not
 * the word "gt"). Checked cheaply first: most texts have none.
 */
function decodeEntities(text: string): string {
  if (text.indexOf('&') === -1) return text
  return text.replace(/&(?:amp|lt|gt|quot|apos|#39|nbsp);/g, (e) => ENTITIES[e] ?? e)
}

/**
 * Folds look-alike letters used to dodge filters or for style — mathematical alphanumerics
 * (𝐠𝐨𝐨𝐝), fullwidth forms (ｇｏｏｄ) — to plain letters (NFKC). Checked cheaply first: most
 * texts have none.
 */
function foldHostileForms(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0xd835 || (c >= 0xff01 && c <= 0xff5e)) return text.normalize('NFKC')
  }
  return text
}

/**
 * The calibration's view of one rated English text (for fitting); `null` when the text is not
 * scored as English.
 */
export function calibrationSample(
  analyzer: RuleAnalyzer,
  text: string,
  rating: number,
): { rating: number; compound: number; features: Float64Array } | null {
  const engine = new Float64Array(FEATURE_COUNT)
  const a = analyzer.analyse(text, undefined, engine)
  if (a === null || a.language !== 'en') return null
  const features = new Float64Array(CALIBRATION_FEATURE_COUNT)
  calibrationFeatures(engine, a.tokens, a.text, a.compound, features)
  return { rating, compound: a.compound, features }
}

/** Checks a calibration's shape against this build's features (a stale data file fails loudly). */
export function isCalibrationCompatible(model: NeutralCalibration): boolean {
  return (
    model.mean.length === CALIBRATION_FEATURES.length &&
    model.scale.length === CALIBRATION_FEATURES.length &&
    model.neutral.length === CALIBRATION_FEATURES.length + 1 &&
    model.magnitude.length === MAGNITUDE_TERMS
  )
}
