import { z } from 'zod'
import { mentionSchema } from './mention.ts'

export const sentimentLabelSchema = z.enum(['positive', 'neutral', 'negative'])
export type SentimentLabel = z.infer<typeof sentimentLabelSchema>

export const sentimentSchema = z.object({
  score: z.number().min(-1).max(1),
  label: sentimentLabelSchema,
})
export type Sentiment = z.infer<typeof sentimentSchema>

export const claimStanceSchema = z.enum(['spreading', 'debunking', 'neutral'])

export const claimMatchSchema = z.object({
  id: z.string(),
  stance: claimStanceSchema,
  score: z.number().min(0).max(1),
})
export type ClaimMatch = z.infer<typeof claimMatchSchema>

/**
 * A mention after the enrich stage. `text` is already PHI-redacted (or empty when the watchlist
 * says `privacy.storeText: false`); `author.id` is a keyed hash unless the author is a watched
 * organisation account; `redactions` names the kinds of identifier found, never their values.
 */
export const enrichedMentionSchema = mentionSchema.extend({
  lang: z.string().max(16),
  redactions: z.array(z.string()).default([]),
  selfDisclosure: z.boolean().default(false),
  sentiment: sentimentSchema.nullable(),
  topics: z.array(z.string()).default([]),
  intents: z.array(z.string()).default([]),
  claims: z.array(claimMatchSchema).default([]),
  terms: z.array(z.string()).default([]),
  enrichedAt: z.iso.datetime(),
})

export type EnrichedMention = z.output<typeof enrichedMentionSchema>
