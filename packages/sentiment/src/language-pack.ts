import type { Token } from './tokenize.ts'

/** A multi-word expression, matched on lower-cased word tokens starting at its first word. */
export interface Phrase {
  readonly words: readonly string[]
  /** Valence of the whole expression (carried by its first word; the others become neutral). */
  readonly valence?: number
  /** The expression intensifies (+) or dampens (−) the next sentiment word, like "kind of". */
  readonly booster?: number
}

/**
 * The context a language's rules see: the tokens and the valence assigned so far. `valence[i]` is
 * NaN for a token that is not a sentiment word.
 */
export interface RuleContext {
  readonly tokens: readonly Token[]
  readonly valence: Float64Array
  /** Booster scalar of each token (0 for none). */
  readonly boost: Float64Array
  /** Per token, `Mark` bits a language's rules set for the engine (0 for none). */
  readonly marks: Uint8Array
}

/** Bits of `RuleContext.marks`. */
export const Mark = {
  /** A sentiment word that a preceding negator does not flip ("couldn't be happier"). */
  Unnegated: 1,
  /** A word opening an unreal state, like the pack's `irrealis` words ("would have been nice"). */
  Irrealis: 2,
  /**
   * A negator or contrastive word that does not act as one here: "not only … but also" is
   * additive, "no more than" a quantity, "no idea" a statement of ignorance.
   */
  Inert: 4,
} as const

/** Everything the scoring engine needs to know about one language. */
export interface LanguagePack {
  readonly code: string
  /** Word (or emoticon) → valence on VADER's −4 … +4 scale. Inflected forms already expanded. */
  readonly lexicon: ReadonlyMap<string, number>
  /** Intensifiers (+) and dampeners (−) scaling the next sentiment word. */
  readonly boosters: ReadonlyMap<string, number>
  /** Words that flip (and dampen) a sentiment word in their scope (`TUNING.negationReach`). */
  readonly negators: ReadonlySet<string>
  /**
   * Function words (articles, copulas) a negation reaches across without spending its reach:
   * "wouldn't be such a bad idea" negates "bad".
   */
  readonly negationTransparent: ReadonlySet<string>
  /** "but": within its sentence, what precedes is down-weighted and what follows up-weighted. */
  readonly contrast: ReadonlySet<string>
  /** "although": the clause it opens is down-weighted in favour of the main clause. */
  readonly concessive: ReadonlySet<string>
  /**
   * Words opening an unreal or hoped-for state ("if", "hope", "wish"): the sentiment they govern,
   * later in their clause, is not asserted, so it is damped.
   */
  readonly irrealis: ReadonlySet<string>
  /** Multi-word expressions indexed by their first word. */
  readonly phrases: ReadonlyMap<string, readonly Phrase[]>
  /** Words whose "n't"-style suffix negates (English only). */
  readonly negatingSuffix?: string
  /**
   * Language-specific context rules (health readings of "positive", slang "sick", …), applied
   * after lexicon lookup: they may rewrite `ctx.valence` in place.
   */
  applyContextRules(ctx: RuleContext): void
}

/** Indexes phrases by their first word, longest first so the longest match wins. */
export function indexPhrases(phrases: readonly Phrase[]): Map<string, Phrase[]> {
  const index = new Map<string, Phrase[]>()
  for (const p of phrases) {
    const first = p.words[0]
    if (first === undefined) continue
    const list = index.get(first) ?? []
    list.push(p)
    index.set(first, list)
  }
  for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length)
  return index
}

/** Sentinel for "not a sentiment word" in valence arrays. */
export const NONE = Number.NaN
