import { Mark, type RuleContext } from './language-pack.ts'
import { type Token, TokenKind } from './tokenize.ts'

/**
 * English constructions whose meaning is not the sum of their words: negations that assert the
 * most ("couldn't be happier"), ironic thanks, surprise without a polarity of its own. Helpers of
 * `applyEnglishRules`; each reads and rewrites the rule context at one token.
 */

/** A set of the space-separated words. */
export const wordSet = (words: string): ReadonlySet<string> => new Set(words.split(' '))

export const isWord = (t: Token | undefined, words: ReadonlySet<string>): boolean =>
  t !== undefined && t.kind === TokenKind.Word && words.has(t.text)

/** VADER's booster increment (its B_INCR). */
export const BOOST = 0.293

export const hasValence = (ctx: RuleContext, i: number): boolean => {
  const v = ctx.valence[i]
  return v !== undefined && !Number.isNaN(v) && v !== 0
}

/** Strengthens the sentiment word at `k` by a booster's step and shields it from negation. */
function intensifyUnnegated(ctx: RuleContext, k: number): void {
  ctx.marks[k] = (ctx.marks[k] as number) | Mark.Unnegated
  const v = ctx.valence[k] as number
  ctx.valence[k] = v + (v > 0 ? BOOST : -BOOST)
}

const COMPARATIVE = /[a-z]{2}er$/
const isComparative = (w: string): boolean => COMPARATIVE.test(w) || w === 'better' || w === 'worse'

/**
 * Negations that deny that more is possible, so assert the most: "couldn't be happier", "can't get
 * any better", "doesn't get any better than this", "can't recommend it enough". The sentiment
 * word is intensified, not flipped. `modal`: the negator at `i` is "can't"/"couldn't", which
 * needs no "than" for the comparative reading ("it doesn't get any better" alone says that it
 * does not improve).
 */
export function markLitotes(ctx: RuleContext, i: number, modal: boolean): void {
  const { tokens } = ctx
  const clause = (tokens[i] as Token).clause
  if (modal) {
    for (let e = i + 2; e < tokens.length && e <= i + 5; e++) {
      const t = tokens[e] as Token
      if (t.clause !== clause) break
      if (t.text !== 'enough') continue
      // What is praised may follow "enough": "can't say enough good things".
      for (let k = i + 1; k <= e + 2 && k < tokens.length; k++)
        if ((tokens[k] as Token).clause === clause && hasValence(ctx, k)) intensifyUnnegated(ctx, k)
      return
    }
  }
  let k = i + 1
  const verb = tokens[k]?.text
  if (verb === 'be' || verb === 'get') k++
  else if (verb === 'have' && tokens[k + 1]?.text === 'been') k += 2
  else return
  if (tokens[k]?.text === 'any' || tokens[k]?.text === 'much') k++
  const c = tokens[k]
  if (c === undefined || c.clause !== clause || !hasValence(ctx, k) || !isComparative(c.text)) return
  const than = tokens[k + 1]?.text
  if (modal || than === 'than' || than === 'then') intensifyUnnegated(ctx, k)
}

/** Spans of time after "in" that make "haven't been this sore in a while" a comparison. */
const TIME_SPANS = new Set('a ages years months weeks days forever so such decades'.split(' '))

/**
 * "haven't been this sore in a while", "hadn't felt so happy in years": what is negated is the
 * past, so the present state is asserted, and strongly; the word is intensified, not flipped.
 */
export function markNotInAWhile(ctx: RuleContext, i: number): void {
  const { tokens } = ctx
  const verb = tokens[i + 1]?.text
  const degree = tokens[i + 2]?.text
  if ((verb !== 'been' && verb !== 'felt') || (degree !== 'this' && degree !== 'so')) return
  const k = i + 3
  if (!hasValence(ctx, k)) return
  const clause = (tokens[i] as Token).clause
  for (let e = k + 1; e < tokens.length && e <= k + 4; e++) {
    const t = tokens[e] as Token
    if (t.clause !== clause) return
    const span = tokens[e + 1]
    if (t.text === 'in' && span?.kind === TokenKind.Word && TIME_SPANS.has(span.text)) {
      intensifyUnnegated(ctx, k)
      return
    }
  }
}

/** A thank-word at `i` whose "for" introduces a harm: "thanks for ruining my week" is ironic. */
export function isIronicThanks(ctx: RuleContext, i: number): boolean {
  const { tokens, valence } = ctx
  const clause = (tokens[i] as Token).clause
  for (let k = i + 1; k < tokens.length && k <= i + 4; k++) {
    const t = tokens[k] as Token
    if (t.clause !== clause) return false
    if (t.text !== 'for') continue
    // The harm heads the "for" phrase: "for ruining", "for the headache", "for nothing".
    for (let h = k + 1; h < tokens.length && h <= k + 3; h++) {
      if ((tokens[h] as Token).clause !== clause) return false
      if ((valence[h] as number) < 0 || (tokens[h] as Token).text === 'nothing') return true
    }
    return false
  }
  return false
}

/** Sum of the valences of every sentiment word but the one at `i`. */
export function otherValence(ctx: RuleContext, i: number): number {
  let sum = 0
  for (let k = 0; k < ctx.valence.length; k++) {
    const v = ctx.valence[k] as number
    if (k !== i && !Number.isNaN(v)) sum += v
  }
  return sum
}
