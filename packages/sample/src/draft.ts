import type { MentionInput } from '@pulse/core'
import type { SampleAuthor } from './authors.ts'
import type { Context } from './context.ts'
import type { Tone } from './render.ts'
import type { SampleSource } from './sources.ts'

/** What an emitter decides about one post; the context turns it into a `MentionInput`. */
export interface Draft {
  readonly source: SampleSource
  readonly author: SampleAuthor
  readonly text: string
  readonly tone: Tone
  readonly lang: string | null
  /** `background:<topic>`, `event:<id>`, `campaign:<hashtag>`, `org-reply`, `inject:<term>`. */
  readonly origin: string
  readonly title?: string
  readonly city?: string
  readonly inReplyTo?: string
  readonly quoteOf?: string
  readonly repostOf?: string
  readonly rating?: number
  /** Engagement multiplier (1 = ordinary; a viral post is in the hundreds). */
  readonly reach?: number
  readonly subreddit?: string
  /** Thread a comment belongs to (reddit post id, youtube video id). */
  readonly parentId?: string
  readonly isComment?: boolean
  /** Called with the built mention, e.g. to schedule a reply to it. */
  readonly afterBuild?: (ctx: Context, mention: MentionInput) => void
}

/** A stream of posts with a time-varying rate (mentions per minute). */
export interface Emitter {
  readonly origin: string
  rate(ms: number): number
  make(ctx: Context, ms: number): Draft | null
}

/** One generated mention and what produced it. */
export interface Produced {
  readonly mention: MentionInput
  readonly origin: string
}
