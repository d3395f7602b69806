import type { Slots, Tone } from './render.ts'

/** A background conversation topic: templates per language, hashtags it attracts, how it is voiced. */
export interface Topic {
  /** Origin label of its mentions (`background:<id>`); not a classifier topic id. */
  readonly id: string
  readonly tone: Tone
  readonly en: readonly string[]
  readonly es?: readonly string[]
  /** Rare posts in other languages: [lang, text]. */
  readonly other?: ReadonlyArray<readonly [string, string]>
  /** Longer first-person texts for review sites, with the star range they come with. */
  readonly review?: readonly string[]
  readonly rating?: readonly [number, number]
  /** Headline and lede pairs for news sources. */
  readonly news?: ReadonlyArray<readonly [string, string]>
  /** Hashtags sometimes appended (without `#`). */
  readonly tags?: readonly string[]
  readonly subreddits?: readonly string[]
  readonly slots?: Slots
  /** A question to the org: its account may answer in a reply. */
  readonly asksOrg?: boolean
}
