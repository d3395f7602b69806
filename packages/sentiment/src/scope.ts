import { type LanguagePack, Mark, NONE } from './language-pack.ts'
import { type Token, TokenKind } from './tokenize.ts'
import { TUNING } from './tuning.ts'

/*
 * The scopes the engine weighs sentiment words by: which negators govern a word, and which part
 * of a text a contrastive "but" or a concessive "although" demotes.
 */

// Local bindings: imported module bindings are slower to read in hot loops under some loaders.
const TK = TokenKind

export function isNegator(pack: LanguagePack, t: Token): boolean {
  if (t.kind !== TK.Word) return false
  if (pack.negators.has(t.text)) return true
  return pack.negatingSuffix !== undefined && t.text.endsWith(pack.negatingSuffix)
}

/**
 * Negators governing the sentiment word at `i`: within its clause, up to `negationReach` words
 * back, not counting articles and copulas ("wouldn't be such a bad idea"; at most
 * `maxNegationBack` tokens); the scope ends at an earlier sentiment word, which the negation
 * governs instead ("not good at dirty talk": the talk is not being praised).
 */
export function countNegations(
  pack: LanguagePack,
  tokens: readonly Token[],
  valence: Float64Array,
  marks: Uint8Array,
  i: number,
): number {
  const clause = (tokens[i] as Token).clause
  let negations = 0
  let reach = 0
  for (let k = i - 1; k >= 0 && k >= i - TUNING.maxNegationBack; k--) {
    const p = tokens[k] as Token
    if (p.clause !== clause) break
    const pv = valence[k] as number
    if (!Number.isNaN(pv) && pv !== 0) break
    if (isNegator(pack, p) && ((marks[k] as number) & Mark.Inert) === 0) negations++
    if (!pack.negationTransparent.has(p.text) && ++reach >= TUNING.negationReach) break
  }
  return negations
}

/**
 * "no" (a lexicon word in English and Spanish) before a sentiment word in its clause negates it
 * instead of counting as a sentiment of its own (VADER's "no" rule), also across boosters and
 * function words ("no more wasted time", "no such problem").
 */
export function dropNegatorValence(
  pack: LanguagePack,
  tokens: readonly Token[],
  valence: Float64Array,
  boost: Float64Array,
): void {
  for (let i = 0; i < tokens.length; i++) {
    const v = valence[i] as number
    if (
      Number.isNaN(v) ||
      v === 0 ||
      (tokens[i] as Token).text !== 'no' ||
      !isNegator(pack, tokens[i] as Token)
    )
      continue
    const clause = (tokens[i] as Token).clause
    for (let k = i + 1; k <= i + 3 && k < tokens.length; k++) {
      if ((tokens[k] as Token).clause !== clause) break
      const next = valence[k] as number
      if (!Number.isNaN(next) && next !== 0) {
        valence[i] = NONE
        break
      }
      if (boost[k] === 0 && !pack.negationTransparent.has((tokens[k] as Token).text)) break
    }
  }
}

/**
 * Per sentence, the token index of its first contrastive word ("but"); the clauses opened by a
 * concessive one ("although").
 */
interface ContrastMarks {
  readonly contrast: Map<number, number>
  readonly concessiveClauses: Set<number>
}

export function findContrast(pack: LanguagePack, tokens: readonly Token[], marks: Uint8Array): ContrastMarks {
  const contrast = new Map<number, number>()
  const concessiveClauses = new Set<number>()
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token
    if (t.kind !== TK.Word || ((marks[i] as number) & Mark.Inert) !== 0) continue
    if (pack.contrast.has(t.text) && !contrast.has(t.sentence)) contrast.set(t.sentence, i)
    else if (pack.concessive.has(t.text)) concessiveClauses.add(t.clause)
  }
  return { contrast, concessiveClauses }
}

/**
 * Weight of the word at `i`: before / after its sentence's "but", and in the sentence before one
 * that opens with "But" ("It was fun. But then it rained": the contrast reaches back).
 */
export function contrastWeight(marks: ContrastMarks, tokens: readonly Token[], i: number): number {
  const t = tokens[i] as Token
  let w = 1
  const at = marks.contrast.get(t.sentence)
  if (at !== undefined) w = i < at ? TUNING.beforeContrast : i > at ? TUNING.afterContrast : 1
  const next = marks.contrast.size === 0 ? undefined : marks.contrast.get(t.sentence + 1)
  if (next !== undefined && next > 0 && (tokens[next - 1] as Token).sentence === t.sentence)
    w *= TUNING.beforeContrast
  if (marks.concessiveClauses.has(t.clause)) w *= TUNING.concessive
  return w
}
