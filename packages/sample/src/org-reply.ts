import type { MentionInput } from '@pulse/core'
import type { Context } from './context.ts'
import { orgAuthor } from './org-accounts.ts'
import { render } from './render.ts'
import type { SampleSource } from './sources.ts'
import { ORG_REPLIES, type OrgReplyKind } from './topics-care.ts'

const MINUTE = 60_000

/**
 * Schedules a reply from @stmaryshealth to `mention` some minutes later (its social team works
 * faster in the day), when the platform has @-replies.
 */
export function scheduleOrgReply(
  ctx: Context,
  source: SampleSource,
  mention: MentionInput,
  at: string | null,
  kind: OrgReplyKind,
  minDelayMinutes = 4,
): void {
  if (at === null || (source !== 'x' && source !== 'bluesky' && source !== 'mastodon')) return
  const delay = (minDelayMinutes + ctx.rng.next() ** 2 * 150) * MINUTE
  const parent = mention.id
  const options = kind === 'info' && mention.lang === 'es' ? ORG_REPLIES.info_es : ORG_REPLIES[kind]
  ctx.schedule(Date.parse(mention.createdAt) + delay, (c) => ({
    source,
    author: orgAuthor(source, 'stmaryshealth'),
    text: render(c.rng.pick(options), c.rng, { user: [`@${at}`] }),
    tone: kind === 'sorry' || kind === 'privacy' ? 'neutral' : 'positive',
    lang: mention.lang ?? 'en',
    origin: 'org-reply',
    inReplyTo: parent,
  }))
}
