import { z } from 'zod'
import { severitySchema, signalKindSchema } from './signal.ts'

const terms = z.array(z.string().min(1).max(200)).default([])

/** WHO's infodemic-management categories that topics are grouped under. */
export const infodemicCategorySchema = z.enum([
  'cause',
  'illness',
  'treatment',
  'interventions',
  'information',
])

/**
 * A topic is a boolean rule over terms/phrases, hashtags and handles: it matches when ALL of
 * `all` match, at least one of `any` matches (if given), and none of `not` matches. Terms are
 * case-folded and stemmed; a multi-word term is a phrase.
 */
export const topicRuleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9_.-]*$/, 'topic id must be a lowercase slug'),
    label: z.string(),
    category: infodemicCategorySchema,
    all: terms,
    any: terms,
    not: terms,
    hashtags: terms,
    handles: terms,
  })
  .refine((r) => r.all.length + r.any.length + r.hashtags.length + r.handles.length > 0, {
    message: 'a topic needs at least one of all, any, hashtags or handles',
  })
export type TopicRule = z.infer<typeof topicRuleSchema>

/** A known misinformation claim and how to answer it. */
export const claimSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9_.-]*$/, 'claim id must be a lowercase slug'),
  claim: z.string(),
  /** Regular expressions (case-insensitive) that state the claim. */
  patterns: z.array(z.string()).default([]),
  /** Keyword groups: the claim is a candidate when one keyword of every group occurs. */
  keywords: z.array(z.array(z.string()).min(1)).default([]),
  debunkUrl: z.url(),
  response: z.string().optional(),
})
export type Claim = z.infer<typeof claimSchema>

export const alertRouteSchema = z.object({
  channel: z.string().min(1),
  kinds: z.array(signalKindSchema).optional(),
  topics: z.array(z.string()).optional(),
  minSeverity: severitySchema.default('warning'),
})

export const suppressionSchema = z.object({
  /** Hashtag, term, topic or claim value the suppression applies to (case-insensitive). */
  match: z.string().min(1),
  reason: z.string(),
  from: z.iso.datetime().optional(),
  until: z.iso.datetime().optional(),
})

export const playbookSchema = z.object({
  nextStep: z.string(),
  template: z.string().optional(),
})

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM (24 h)')

/** The watchlist: what Pulse listens for, how it classifies it and where alerts go. */
export const watchlistSchema = z.object({
  organization: z.object({
    name: z.string().min(1),
    handles: terms,
    terms: terms,
    /** Phone numbers the organisation publishes itself (hotlines); never redacted. */
    publishedPhones: terms,
  }),
  competitors: z.array(z.object({ name: z.string(), terms: terms, handles: terms })).default([]),
  tracked: z.object({ hashtags: terms, terms: terms }).default({ hashtags: [], terms: [] }),
  /** Topic rules; when omitted, the default health-comms taxonomy is used. */
  topics: z.array(topicRuleSchema).optional(),
  /** Claim catalog; when omitted, the default catalog of well-known health myths is used. */
  claims: z.array(claimSchema).optional(),
  privacy: z
    .object({ storeText: z.boolean().default(true), hashAuthors: z.boolean().default(true) })
    .default({ storeText: true, hashAuthors: true }),
  suppressions: z.array(suppressionSchema).default([]),
  alerts: z
    .object({
      routes: z.array(alertRouteSchema).default([]),
      defaultChannel: z.string().default('#pulse-alerts'),
      cooldownMinutes: z.number().int().nonnegative().default(30),
      quietHours: z.object({ from: hhmm, to: hhmm, timezone: z.string().default('UTC') }).optional(),
      /** Daily digest (top topics, sentiment trend, signals, unanswered questions) at this local time. */
      digest: z
        .object({
          at: hhmm.default('08:00'),
          timezone: z.string().default('UTC'),
          channel: z.string().optional(),
        })
        .optional(),
      feedUrl: z.string().optional(),
    })
    .default({ routes: [], defaultChannel: '#pulse-alerts', cooldownMinutes: 30 }),
  playbooks: z.partialRecord(signalKindSchema, playbookSchema).default({}),
  /** Live connectors to run and their settings; validated by `@pulse/connectors` when ingest starts. */
  sources: z.array(z.record(z.string(), z.unknown())).default([]),
})
export type Watchlist = z.infer<typeof watchlistSchema>
export type WatchlistInput = z.input<typeof watchlistSchema>
