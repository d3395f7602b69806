import { CHAR_KIND, CHAR_SCRIPT, CharKind, SCRIPT_LANGUAGE, Script } from './char-class.ts'
import { vaderLexicon } from './english.ts'
import { DISTINCTIVE_LETTERS, FUNCTION_WORDS } from './language-words.ts'
import { spanishLexicon } from './spanish.ts'
import { type Token, TokenKind } from './tokenize.ts'

// Local bindings: imported module bindings are slower to read in hot loops under some loaders.
const CK = CharKind
const KIND = CHAR_KIND
const SCRIPTS = CHAR_SCRIPT
const SC = Script
const TK = TokenKind
/** Undetermined: no letters, or too little evidence for any language. */
export const UNDETERMINED = 'und'

const LANGS: readonly string[] = Object.keys(FUNCTION_WORDS)
const EN = LANGS.indexOf('en')

export interface LanguageDetector {
  /** ISO 639-1 code of the text's language, or 'und'. */
  detect(text: string): string
  /** The same, reusing the words the sentiment tokenizer already split and lower-cased. */
  detectTokens(text: string, tokens: readonly Token[]): string
}

export interface LanguageDetectorOptions {
  /**
   * Extra evidence words per language (e.g. a sentiment lexicon), each worth half a function word.
   * By default English gets VADER's lexicon and Spanish its sentiment lexicon, so
   * "LMAO, AMAZING!" is English.
   */
  readonly evidence?: Readonly<Record<string, Iterable<string>>>
}

/** Opening of a long text that is examined: evidence enough, and bounded work per post. */
const MAX_DETECT_CHARS = 2000
const L = LANGS.length

/**
 * A fast detector for short social texts: the dominant script decides non-Latin languages; for
 * Latin script, function words and distinctive letters are counted per language (each distinct
 * word once), and English wins unless another language clearly leads (typical English tweets are
 * full of names and slang). Allocation-free per call.
 */
export function createLanguageDetector(options: LanguageDetectorOptions = {}): LanguageDetector {
  // word → row; row r holds its weight per language at weights[r * L + lang].
  const rows = new Map<string, number>()
  const flat: number[] = []
  const add = (word: string, lang: number, w: number): void => {
    let row = rows.get(word)
    if (row === undefined) {
      row = rows.size
      rows.set(word, row)
      for (let l = 0; l < L; l++) flat.push(0)
    }
    flat[row * L + lang] = Math.max(flat[row * L + lang] as number, w)
  }
  LANGS.forEach((lang, li) => {
    // Single letters ("a", "o", "e", "y") are shared by too many languages to count.
    for (const word of (FUNCTION_WORDS[lang] as string).split(' '))
      if (word.length > 1 || lang === 'en') add(word, li, 1)
  })
  const evidence = options.evidence ?? { en: vaderLexicon().keys(), es: spanishLexicon().keys() }
  for (const [lang, words] of Object.entries(evidence)) {
    const li = LANGS.indexOf(lang)
    if (li === -1) continue
    for (const word of words) if (/^[\p{L}']{3,}$/u.test(word)) add(word.toLowerCase(), li, 0.5)
  }
  const weights = Float32Array.from(flat)
  const letters = new Map<number, Float32Array>()
  LANGS.forEach((lang, li) => {
    for (const [ch, w] of Object.entries(DISTINCTIVE_LETTERS[lang] ?? {})) {
      for (const form of [ch, ch.toUpperCase()]) {
        const code = form.charCodeAt(0)
        const row = letters.get(code) ?? new Float32Array(L)
        row[li] = w
        letters.set(code, row)
      }
    }
  })
  const ascii = buildAsciiIndex(rows)
  // Per-call scratch, reused: detection is synchronous.
  const scores = new Float32Array(L)
  const scripts = new Uint32Array(12)
  const stamps = new Uint32Array(rows.size)
  let stamp = 0
  const addWord = (word: string): void => {
    const row = rows.get(word)
    if (row !== undefined) addRow(row)
  }
  /** `text.slice(start, end).toLowerCase()` looked up without building the string when ASCII. */
  const addRange = (text: string, start: number, end: number): void => {
    const row = ascii.find(text, start, end)
    if (row === NOT_ASCII) addWord(text.slice(start, end).toLowerCase())
    else if (row !== -1) addRow(row)
  }
  const addRow = (row: number): void => {
    if (stamps[row] === stamp) return
    stamps[row] = stamp
    const base = row * L
    for (let l = 0; l < L; l++) scores[l] = (scores[l] as number) + (weights[base + l] as number)
  }
  const begin = (): void => {
    scores.fill(0)
    scripts.fill(0)
    stamp = stamp === 0xffffffff ? 1 : stamp + 1
    if (stamp === 1) stamps.fill(0)
  }
  const scanLetters = (text: string): number => {
    let letterCount = 0
    const n = Math.min(text.length, MAX_DETECT_CHARS)
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i)
      if (KIND[c] !== CK.Letter) continue
      letterCount++
      const script = SCRIPTS[c] as number
      scripts[script] = (scripts[script] as number) + 1
      if (c > 0x7f) {
        const row = letters.get(c)
        if (row !== undefined)
          for (let l = 0; l < L; l++) scores[l] = (scores[l] as number) + (row[l] as number)
      }
    }
    return letterCount
  }
  return {
    detect(text) {
      begin()
      const letterCount = scanLetters(text)
      if (letterCount === 0) return UNDETERMINED
      forEachWord(text, addRange)
      return decide(text, scores, scripts)
    },
    detectTokens(text, tokens) {
      begin()
      const letterCount = scanLetters(text)
      if (letterCount === 0) return UNDETERMINED
      let chars = 0
      for (const t of tokens) {
        if (t.kind !== TK.Word || t.hashtag) continue
        addWord(t.text)
        chars += t.text.length
        if (chars > MAX_DETECT_CHARS) break
      }
      return decide(text, scores, scripts)
    },
  }
}

/**
 * Calls `fn` with the bounds of each word (to be lower-cased), skipping @mentions, #tags and URLs
 * (names, not language).
 */
function forEachWord(text: string, fn: (text: string, start: number, end: number) => void): void {
  const n = Math.min(text.length, MAX_DETECT_CHARS)
  let start = -1
  let skip = false
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 32
    const kind = KIND[c]
    const inWord = kind === CK.Letter || kind === CK.Mark || (kind === CK.Apostrophe && start !== -1)
    if (inWord) {
      if (start === -1) {
        start = i
        const p = i > 0 ? text.charCodeAt(i - 1) : 32
        skip = p === 64 || p === 35 || p === 47
      }
      continue
    }
    if (start !== -1) {
      if (!skip && i - start <= 20) fn(text, start, i)
      start = -1
    }
    if (c === 58 && text.startsWith('//', i + 1)) {
      while (i < n && KIND[text.charCodeAt(i)] !== CK.Space) i++
    }
  }
}

/** `AsciiIndex.find` for a word with a character outside ASCII (look it up as a string). */
const NOT_ASCII = -2

interface AsciiIndex {
  /** Row of the lower-cased word `text[start, end)`, −1 when absent, `NOT_ASCII` to fall back. */
  find(text: string, start: number, end: number): number
}

/**
 * Open-addressing index of the ASCII words of `rows`, probed with the char codes of a span of the
 * text, lower-cased on the fly: most words of most posts are ASCII, and this finds them without
 * slicing and lower-casing a string per word.
 */
function buildAsciiIndex(rows: ReadonlyMap<string, number>): AsciiIndex {
  const words: string[] = []
  for (const word of rows.keys()) if (isLowerAscii(word)) words.push(word)
  let size = 1024
  while (size < words.length * 2) size *= 2
  const mask = size - 1
  const keys: (string | undefined)[] = new Array<string | undefined>(size).fill(undefined)
  const values = new Int32Array(size)
  for (const word of words) {
    let slot = hashWord(word) & mask
    while (keys[slot] !== undefined) slot = (slot + 1) & mask
    keys[slot] = word
    values[slot] = rows.get(word) ?? -1
  }
  return {
    find(text, start, end) {
      let h = 0
      for (let i = start; i < end; i++) {
        let c = text.charCodeAt(i)
        if (c > 0x7f) return NOT_ASCII
        if (c >= 65 && c <= 90) c += 32
        h = (Math.imul(h, 31) + c) | 0
      }
      const len = end - start
      for (let slot = h & mask; ; slot = (slot + 1) & mask) {
        const key = keys[slot]
        if (key === undefined) return -1
        if (key.length !== len) continue
        let same = true
        for (let k = 0; k < len && same; k++) {
          let c = text.charCodeAt(start + k)
          if (c >= 65 && c <= 90) c += 32
          same = c === key.charCodeAt(k)
        }
        if (same) return values[slot] as number
      }
    },
  }
}

function isLowerAscii(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i)
    if (c > 0x7f || (c >= 65 && c <= 90)) return false
  }
  return true
}

function hashWord(word: string): number {
  let h = 0
  for (let i = 0; i < word.length; i++) h = (Math.imul(h, 31) + word.charCodeAt(i)) | 0
  return h
}

function decide(text: string, scores: Float32Array, scripts: Uint32Array): string {
  let dominant: Script = SC.None
  let most = 0
  for (let s = 1; s < scripts.length; s++) {
    if ((scripts[s] as number) > most) {
      most = scripts[s] as number
      dominant = s as Script
    }
  }
  if (dominant !== SC.Latin) {
    const kanaOrHangul = (scripts[SC.Kana] as number) > 0 || (scripts[SC.Hangul] as number) > 0
    return nonLatin(dominant, text, kanaOrHangul)
  }
  let best = EN
  for (let l = 0; l < L; l++) if ((scores[l] as number) > (scores[best] as number)) best = l
  const top = scores[best] as number
  const en = scores[EN] as number
  if (top < 1) return UNDETERMINED
  if (best !== EN && top < en * 1.25 + 0.5) return en >= 1 ? 'en' : UNDETERMINED
  return LANGS[best] as string
}

function nonLatin(script: Script, text: string, kanaOrHangul: boolean): string {
  switch (script) {
    case SC.Cyrillic:
      return /[іїєґ]/iu.test(text) ? 'uk' : 'ru'
    case SC.Arabic:
      if (/[ٹڈڑںےھ]/u.test(text)) return 'ur'
      return /[پچژگک]/u.test(text) ? 'fa' : 'ar'
    case SC.Han:
      return kanaOrHangul ? (/[\u3040-\u30ff]/u.test(text) ? 'ja' : 'ko') : 'zh'
    default:
      return SCRIPT_LANGUAGE[script] ?? 'und'
  }
}

let shared: LanguageDetector | undefined

/**
 * ISO 639-1 code of the text's language ('en', 'es', 'fr', 'de', 'pt', 'it', 'nl', 'ru', 'ar', 'zh',
 * 'ja', …) or 'und' when there is too little to tell (no letters, a lone name or hashtag).
 */
export function detectLanguage(text: string): string {
  shared ??= createLanguageDetector()
  return shared.detect(text)
}
