import { z } from 'zod'
import { LIMITS } from './limits.ts'

/** Platform a mention came from: a short lowercase token (`bluesky`, `mastodon`, `reddit`, `x`, …). */
export const sourceSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,31}$/, 'must be a lowercase token such as "bluesky"')

const count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER)

const tag = z
  .string()
  .min(1)
  .max(LIMITS.maxTagChars)
  .transform((t) => t.replace(/^[#@]/, '').toLowerCase())

export const authorSchema = z.object({
  id: z.string().min(1).max(LIMITS.maxIdChars),
  handle: z.string().max(LIMITS.maxHandleChars).nullish(),
  name: z.string().max(LIMITS.maxHandleChars).nullish(),
  followers: count.nullish(),
})

export const engagementSchema = z.object({
  likes: count.default(0),
  reposts: count.default(0),
  replies: count.default(0),
  quotes: count.default(0),
  views: count.nullish(),
})

export const geoSchema = z.object({
  city: z.string().max(128).nullish(),
  region: z.string().max(128).nullish(),
  country: z.string().max(64).nullish(),
})

/** Normalises any ISO-8601 instant with an offset to canonical UTC `YYYY-MM-DDTHH:mm:ss.sssZ`. */
export const instantSchema = z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString())

/**
 * A public post, comment, review or article that mentions something Pulse watches, as every
 * connector normalises it. Unknown fields are stripped; required: id, source, text, createdAt,
 * author.id.
 */
export const mentionSchema = z.object({
  id: z.string().min(1).max(LIMITS.maxIdChars),
  source: sourceSchema,
  url: z.string().max(LIMITS.maxUrlChars).nullish(),
  author: authorSchema,
  text: z.string().max(LIMITS.maxTextChars),
  title: z.string().max(1024).nullish(),
  lang: z.string().max(16).nullish(),
  createdAt: instantSchema.refine(
    (s) => s >= LIMITS.minCreatedAt && s < LIMITS.maxCreatedAt,
    `must be from ${LIMITS.minCreatedAt} up to ${LIMITS.maxCreatedAt}`,
  ),
  hashtags: z.array(tag).max(LIMITS.maxHashtags).default([]),
  mentions: z.array(tag).max(LIMITS.maxMentions).default([]),
  engagement: engagementSchema.default({ likes: 0, reposts: 0, replies: 0, quotes: 0 }),
  inReplyTo: z.string().max(LIMITS.maxIdChars).nullish(),
  quoteOf: z.string().max(LIMITS.maxIdChars).nullish(),
  repostOf: z.string().max(LIMITS.maxIdChars).nullish(),
  rating: z.number().min(0).max(10).nullish(),
  geo: geoSchema.nullish(),
  /** True when the author is one of the watched organisation's own accounts (set at ingest). */
  fromOrg: z.boolean().default(false),
})

export type Mention = z.output<typeof mentionSchema>
export type MentionInput = z.input<typeof mentionSchema>
