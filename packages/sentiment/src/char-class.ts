/**
 * One table lookup per UTF-16 code unit classifies a character for the tokenizer and the language
 * detector, so neither runs a regular expression per character. Built once at module load.
 */
export const CharKind = {
  Space: 0,
  Letter: 1,
  Digit: 2,
  Apostrophe: 3,
  Hyphen: 4,
  /** Ends a sentence: . ! ? … ; */
  SentenceEnd: 5,
  /** Ends a clause: , : */
  ClauseEnd: 6,
  /** Pictographs and other symbols (emoji in the BMP, ♥, ☺). */
  Symbol: 7,
  /** Combining marks, variation selectors, joiners: part of the preceding token. */
  Mark: 8,
  /** First half of a surrogate pair: look at the code point. */
  HighSurrogate: 9,
  /** Any other punctuation (brackets, quotes, #, @ …): a token boundary. */
  Other: 10,
} as const
export type CharKind = (typeof CharKind)[keyof typeof CharKind]

export const Script = {
  None: 0,
  Latin: 1,
  Cyrillic: 2,
  Greek: 3,
  Arabic: 4,
  Hebrew: 5,
  Devanagari: 6,
  Thai: 7,
  Hangul: 8,
  Kana: 9,
  Han: 10,
  Other: 11,
} as const
export type Script = (typeof Script)[keyof typeof Script]

/** ISO 639-1 code for texts written (mostly) in a script used by one main language. */
export const SCRIPT_LANGUAGE: Readonly<Partial<Record<Script, string>>> = {
  [Script.Greek]: 'el',
  [Script.Hebrew]: 'he',
  [Script.Devanagari]: 'hi',
  [Script.Thai]: 'th',
  [Script.Hangul]: 'ko',
  [Script.Kana]: 'ja',
  [Script.Han]: 'zh',
}

function buildKinds(): Uint8Array {
  const kinds = new Uint8Array(0x10000).fill(CharKind.Other)
  const letter = /\p{L}/u
  const digit = /\p{N}/u
  const mark = /\p{M}|\u200d|\u200c|\ufe0e|\ufe0f/u
  const space = /[\s\p{Z}\p{Cc}]/u
  const symbol = /\p{So}/u
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdbff) {
      kinds[c] = CharKind.HighSurrogate
      continue
    }
    if (c >= 0xdc00 && c <= 0xdfff) {
      kinds[c] = CharKind.Mark
      continue
    }
    const ch = String.fromCharCode(c)
    if (letter.test(ch)) kinds[c] = CharKind.Letter
    else if (digit.test(ch)) kinds[c] = CharKind.Digit
    else if (mark.test(ch)) kinds[c] = CharKind.Mark
    else if (space.test(ch)) kinds[c] = CharKind.Space
    else if (symbol.test(ch)) kinds[c] = CharKind.Symbol
  }
  for (const c of "'\u2019\u02bc\u2032") kinds[c.charCodeAt(0)] = CharKind.Apostrophe
  for (const c of '-\u2010\u2011') kinds[c.charCodeAt(0)] = CharKind.Hyphen
  for (const c of '.!?;\u2026\u00a1\u00bf\u3002\uff01\uff1f') kinds[c.charCodeAt(0)] = CharKind.SentenceEnd
  for (const c of ',:\u3001\uff0c') kinds[c.charCodeAt(0)] = CharKind.ClauseEnd
  // Zero-width and bidi controls are invisible noise, never boundaries inside a word.
  for (const c of '\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff\u00ad')
    kinds[c.charCodeAt(0)] = CharKind.Mark
  return kinds
}

function buildScripts(): Uint8Array {
  const scripts = new Uint8Array(0x10000)
  const table: readonly [RegExp, Script][] = [
    [/\p{Script=Latin}/u, Script.Latin],
    [/\p{Script=Cyrillic}/u, Script.Cyrillic],
    [/\p{Script=Greek}/u, Script.Greek],
    [/\p{Script=Arabic}/u, Script.Arabic],
    [/\p{Script=Hebrew}/u, Script.Hebrew],
    [/\p{Script=Devanagari}/u, Script.Devanagari],
    [/\p{Script=Thai}/u, Script.Thai],
    [/\p{Script=Hangul}/u, Script.Hangul],
    [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, Script.Kana],
    [/\p{Script=Han}/u, Script.Han],
  ]
  const letter = /\p{L}/u
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue
    const ch = String.fromCharCode(c)
    if (!letter.test(ch)) continue
    let s: Script = Script.Other
    for (const [re, script] of table) {
      if (re.test(ch)) {
        s = script
        break
      }
    }
    scripts[c] = s
  }
  return scripts
}

export const CHAR_KIND: Uint8Array = buildKinds()
export const CHAR_SCRIPT: Uint8Array = buildScripts()

/** True for code points above the BMP that are pictographs (emoji) rather than letters. */
export function isAstralSymbol(codePoint: number): boolean {
  return (codePoint >= 0x1f000 && codePoint <= 0x1faff) || (codePoint >= 0x1fc00 && codePoint <= 0x1ffff)
}

/** Emoji modifiers (skin tones) and tag characters: decoration on the preceding emoji. */
export function isAstralModifier(codePoint: number): boolean {
  return (codePoint >= 0x1f3fb && codePoint <= 0x1f3ff) || (codePoint >= 0xe0000 && codePoint <= 0xe007f)
}
