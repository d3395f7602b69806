import { CHAR_KIND, CharKind, isAstralModifier, isAstralSymbol } from './char-class.ts'

// Local bindings: imported module bindings are slower to read in hot loops under some loaders.
const CK = CharKind
const KIND = CHAR_KIND
export const TokenKind = { Word: 0, Emoji: 1, Emoticon: 2 } as const
export type TokenKind = (typeof TokenKind)[keyof typeof TokenKind]

export interface Token {
  /** Lower-cased surface (typographic apostrophes folded to '), or the emoji/emoticon itself. */
  readonly text: string
  /** Surface as written, for ALL-CAPS emphasis. */
  readonly raw: string
  readonly kind: TokenKind
  /** Index of the sentence (split at . ! ? … ;) and clause (also split at , :) holding the token. */
  readonly sentence: number
  readonly clause: number
  /** True when the word was written as a #hashtag. */
  readonly hashtag: boolean
}

export interface Tokens {
  readonly tokens: Token[]
  /** Count of '!' and '?' in the text (emphasis). */
  readonly exclamations: number
  readonly questions: number
  /** Indices of the sentences closed by a question mark ("Is it good?"), ascending. */
  readonly questionSentences: readonly number[]
  /** Count of links skipped (a post sharing a link is usually a headline, not a feeling). */
  readonly urls: number
}

const APOS = /[\u2019\u02bc\u2032]/g
/** Invisible characters (zero-width, bidi controls, soft hyphen) that can hide inside a word. */
const INVISIBLE = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g
const isInvisible = (c: number): boolean =>
  c === 0xad ||
  (c >= 0x200b && c <= 0x200f) ||
  (c >= 0x202a && c <= 0x202e) ||
  (c >= 0x2060 && c <= 0x2069) ||
  c === 0xfeff

/**
 * Splits social text into words, emoji and emoticons in one pass. @mentions and URLs are skipped
 * (never sentiment); `#tag` keeps the word; emoticons are recognised as whole whitespace chunks
 * by the vocabulary, which also decides whether a hyphenated word stays whole ("cover-up") or
 * splits ("hiv-positive" → "hiv", "positive"). Sentence and clause boundaries are recorded on each token.
 */
export interface Vocabulary {
  /** A whitespace-delimited chunk that is an emoticon (":-)", "<3", "d:"). */
  isEmoticon(chunk: string): boolean
  /** A hyphenated word to keep whole ("cover-up"); others split at hyphens. */
  isCompound(word: string): boolean
}

/** The tokenizer's running state for one text (plain functions over it: no closures per call). */
interface Scan {
  readonly text: string
  readonly vocab: Vocabulary
  readonly tokens: Token[]
  sentence: number
  clause: number
  sentenceUsed: boolean
  clauseUsed: boolean
  wordStart: number
  hashtag: boolean
  invisible: boolean
}

function push(st: Scan, t: string, raw: string, kind: TokenKind, tag: boolean): void {
  st.tokens.push({ text: t, raw, kind, sentence: st.sentence, clause: st.clause, hashtag: tag })
  st.sentenceUsed = true
  st.clauseUsed = true
}

function pushWord(st: Scan, lower: string, raw: string, tag: boolean): void {
  if (lower.indexOf('-') === -1 || st.vocab.isCompound(lower)) {
    push(st, lower, raw, TokenKind.Word, tag)
    return
  }
  let from = 0
  for (;;) {
    const dash = lower.indexOf('-', from)
    const stop = dash === -1 ? lower.length : dash
    if (stop > from) push(st, lower.slice(from, stop), raw.slice(from, stop), TokenKind.Word, tag)
    if (dash === -1) break
    from = dash + 1
  }
}

function flushWord(st: Scan, stop: number): void {
  const wordStart = st.wordStart
  if (wordStart === -1) return
  const text = st.text
  // Trailing apostrophes/hyphens are not part of the word ("dogs'", "well-").
  let e = stop
  while (e > wordStart) {
    const k = KIND[text.charCodeAt(e - 1)]
    if (k !== CK.Apostrophe && k !== CK.Hyphen && k !== CK.Mark) break
    e--
  }
  if (e > wordStart) {
    let raw = text.slice(wordStart, e)
    if (st.invisible) raw = raw.replace(INVISIBLE, '')
    let lower = raw.toLowerCase()
    if (lower.indexOf('\u2019') !== -1 || lower.indexOf('\u02bc') !== -1 || lower.indexOf('\u2032') !== -1)
      lower = lower.replace(APOS, "'")
    if (lower !== '') pushWord(st, lower, raw, st.hashtag)
  }
  st.wordStart = -1
  st.hashtag = false
  st.invisible = false
}

export function tokenize(text: string, vocab: Vocabulary): Tokens {
  const st: Scan = {
    text,
    vocab,
    tokens: [],
    sentence: 0,
    clause: 0,
    sentenceUsed: false,
    clauseUsed: false,
    wordStart: -1,
    hashtag: false,
    invisible: false,
  }
  let exclamations = 0
  let questions = 0
  let urls = 0
  const questionSentences: number[] = []
  const n = text.length
  let i = 0
  while (i < n) {
    while (i < n && KIND[text.charCodeAt(i)] === CK.Space) i++
    if (i >= n) break
    let end = i
    let punctuated = false
    while (end < n) {
      const k = KIND[text.charCodeAt(end)]
      if (k === CK.Space) break
      if (k !== CK.Letter && k !== CK.Digit) punctuated = true
      end++
    }
    const first = text.charCodeAt(i)
    // A free-standing dash ("Boots - I like it", "--") separates clauses, like a comma.
    if (isDashes(text, i, end)) {
      if (st.clauseUsed) {
        st.clause++
        st.clauseUsed = false
      }
      i = end
      continue
    }
    if (first === 64 /* @ */ && end - i > 1) {
      // Only the handle is skipped: what the chunk goes on with ("@sam!", "@sam:)") still counts.
      const handle = handleEnd(text, i + 1, end)
      if (handle > i + 1) {
        i = handle
        continue
      }
    }
    if ((first === 104 || first === 119) && isUrl(text, i, end)) {
      urls++
      i = end
      continue
    }
    // Emoticons (":-)", "<3", "xD") are whole chunks with punctuation in them.
    if (end - i > 1 && end - i <= MAX_EMOTICON && (punctuated || isEmoticonLetters(text, i, end))) {
      const chunk = text.slice(i, end)
      const emoticon = vocab.isEmoticon(chunk) ? chunk : punctuated ? repeatedMouth(chunk, vocab) : undefined
      if (emoticon !== undefined) {
        push(st, emoticon, chunk, TokenKind.Emoticon, false)
        i = end
        continue
      }
    }
    let j = i
    st.wordStart = -1
    st.hashtag = false
    while (j < end) {
      const c = text.charCodeAt(j)
      const kind = KIND[c] as CharKind
      if (kind === CK.Letter || kind === CK.Digit) {
        if (st.wordStart === -1) {
          st.wordStart = j
          st.hashtag = j > i && text.charCodeAt(j - 1) === 35 /* # */
        }
        j++
      } else if (kind === CK.Mark || kind === CK.Apostrophe || kind === CK.Hyphen) {
        if (kind === CK.Mark && isInvisible(c)) st.invisible = true
        // Inside a word ("don't", "well-known"); leading ones are dropped by flushWord's caller.
        j++
      } else if (kind === CK.HighSurrogate) {
        const cp = text.codePointAt(j) ?? c
        if (isAstralSymbol(cp) && !isAstralModifier(cp)) {
          flushWord(st, j)
          const e = String.fromCodePoint(cp)
          push(st, e, e, TokenKind.Emoji, false)
        } else if (cp > 0xffff && !isAstralModifier(cp) && st.wordStart === -1) {
          st.wordStart = j // a letter outside the BMP (a lone surrogate is dropped)
        }
        j += cp > 0xffff ? 2 : 1
      } else if (kind === CK.Symbol) {
        flushWord(st, j)
        const e = text[j] as string
        push(st, e, e, TokenKind.Emoji, false)
        j++
      } else {
        flushWord(st, j)
        if (kind === CK.SentenceEnd) {
          if (c === 33 || c === 0xff01) exclamations++
          else if (c === 63 || c === 0xff1f) {
            questions++
            // The question mark closing this sentence, or one following its "!" ("Really!?").
            const q = st.sentenceUsed ? st.sentence : st.sentence - 1
            if (q >= 0 && questionSentences[questionSentences.length - 1] !== q) questionSentences.push(q)
          }
          if (st.sentenceUsed) {
            st.sentence++
            st.sentenceUsed = false
          }
          if (st.clauseUsed) {
            st.clause++
            st.clauseUsed = false
          }
        } else if (kind === CK.ClauseEnd && st.clauseUsed) {
          st.clause++
          st.clauseUsed = false
        }
        j++
      }
    }
    flushWord(st, end)
    i = end
  }
  return { tokens: st.tokens, exclamations, questions, questionSentences, urls }
}

/** End of the @handle starting at `start` (letters, digits, '_', '.' inside it), before `end`. */
function handleEnd(text: string, start: number, end: number): number {
  let k = start
  while (k < end) {
    const c = text.charCodeAt(k)
    const kind = KIND[c]
    const inner =
      c === 95 /* _ */ || (c === 46 /* . */ && k + 1 < end && KIND[text.charCodeAt(k + 1)] === CK.Letter)
    if (kind !== CK.Letter && kind !== CK.Digit && !inner) break
    k++
  }
  return k
}

/** A chunk of only dashes: "-", "--", "–", "—". */
function isDashes(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k)
    if (c !== 45 && c !== 0x2013 && c !== 0x2014) return false
  }
  return true
}

/** An emoticon with its mouth repeated for emphasis (":DD", ":)))", "=((("), as listed. */
function repeatedMouth(chunk: string, vocab: Vocabulary): string | undefined {
  const n = chunk.length
  const last = chunk.charCodeAt(n - 1)
  if (n < 3 || chunk.charCodeAt(n - 2) !== last) return undefined
  let k = n - 2
  while (k > 0 && chunk.charCodeAt(k - 1) === last) k--
  const single = chunk.slice(0, k + 1)
  return single.length > 1 && vocab.isEmoticon(single) ? single : undefined
}

/** Longest emoticon checked as a whole chunk. */
const MAX_EMOTICON = 12

/** Letter-only emoticons ("xD", "XD", "xP"): two letters, the first x/X. */
function isEmoticonLetters(text: string, start: number, end: number): boolean {
  return end - start === 2 && (text.charCodeAt(start) | 32) === 120
}

function isUrl(text: string, start: number, end: number): boolean {
  if (end - start < 5) return false
  return (
    text.startsWith('http://', start) || text.startsWith('https://', start) || text.startsWith('www.', start)
  )
}
