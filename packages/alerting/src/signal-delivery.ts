import {
  type Clock,
  type Logger,
  SEVERITY_RANK,
  type Severity,
  type Signal,
  severitySchema,
} from '@pulse/core'
import type { AlertDeliveryError } from './delivery-error.ts'
import type { DeliveryLog } from './delivery-log.ts'
import type { RetryOutcome } from './retry.ts'
import { buildSignalBlocks, buildSignalUpdateBlocks, type SignalMessageOptions } from './signal-message.ts'
import type { SignalTracker, TrackedSignal } from './signal-tracker.ts'
import type { PostResult, SlackTransport } from './transport.ts'

export type SendOutcome =
  | { status: 'sent'; attempts: number; ts?: string; channelId?: string }
  | { status: 'failed'; attempts: number; error: AlertDeliveryError }
  | { status: 'merged'; dueAt: number }
  | { status: 'skipped'; reason: string }

export interface SignalDeliveryDeps {
  transport: SlackTransport
  tracker: SignalTracker
  deliveryLog: DeliveryLog
  clock: Clock
  logger: Logger
  cooldownMs: number
  messages: SignalMessageOptions
  /** Paces and retries one Slack call to a channel. */
  attempt<T>(channel: string, call: () => Promise<T>): Promise<RetryOutcome<T>>
}

function severityOfKey(key: string): Severity {
  const parsed = severitySchema.safeParse(key.split('|')[2])
  return parsed.success ? parsed.data : 'info'
}

/** What the alerter knew about a signal before a restart, from the delivery log. */
async function recall(signalId: string, deps: SignalDeliveryDeps): Promise<TrackedSignal | undefined> {
  const known = deps.tracker.get(signalId)
  if (known !== undefined || deps.deliveryLog.findParent === undefined) return known
  const parent = await deps.deliveryLog.findParent(signalId)
  if (parent === undefined) return undefined
  const restored: TrackedSignal = {
    channel: parent.channel,
    lastTopLevelAt: Date.parse(parent.at),
    lastSeverity: severityOfKey(parent.key),
    ...(parent.slackTs !== undefined ? { parentTs: parent.slackTs } : {}),
    ...(parent.channelId !== undefined ? { channelId: parent.channelId } : {}),
  }
  deps.tracker.set(signalId, restored)
  return restored
}

function sent(outcome: { attempts: number }, result: PostResult): SendOutcome {
  return { status: 'sent', attempts: outcome.attempts, ...result }
}

/** Bot mode with a parent message: escalations reply in its thread; the parent is edited to match. */
async function updateThread(
  signal: Signal,
  tracked: TrackedSignal & { parentTs: string; channelId: string },
  deps: SignalDeliveryDeps,
): Promise<SendOutcome> {
  const target = { channelId: tracked.channelId, ts: tracked.parentTs }
  const parentBlocks = buildSignalBlocks(signal, deps.messages)
  if (signal.state === 'resolved') {
    const edit = await deps.attempt(tracked.channel, () => deps.transport.update(target, parentBlocks))
    if (!edit.ok) return { status: 'failed', attempts: edit.attempts, error: edit.error }
    return sent(edit, { ts: tracked.parentTs, channelId: tracked.channelId })
  }
  const reply = await deps.attempt(tracked.channel, () =>
    deps.transport.post({
      channel: tracked.channelId,
      threadTs: tracked.parentTs,
      message: buildSignalUpdateBlocks(signal, deps.messages),
      signal,
    }),
  )
  if (!reply.ok) return { status: 'failed', attempts: reply.attempts, error: reply.error }
  const edit = await deps.attempt(tracked.channel, () => deps.transport.update(target, parentBlocks))
  if (!edit.ok) {
    // The reply is out; a stale parent is not worth re-posting the reply for.
    deps.logger.warn({ err: edit.error, signalId: signal.id }, 'could not edit the parent alert')
  }
  deps.tracker.set(signal.id, { ...tracked, lastSeverity: signal.severity })
  return sent(reply, reply.value)
}

/**
 * Sends one signal revision: a new top-level alert, a thread reply plus parent edit (bot mode), or
 * nothing yet (`merged`: webhook/console mode within the cooldown, unless severity rose).
 */
export async function deliverSignal(
  signal: Signal,
  channel: string,
  deps: SignalDeliveryDeps,
): Promise<SendOutcome> {
  const tracked = await recall(signal.id, deps)
  if (deps.transport.threads && tracked?.parentTs !== undefined && tracked.channelId !== undefined) {
    return updateThread(
      signal,
      { ...tracked, parentTs: tracked.parentTs, channelId: tracked.channelId },
      deps,
    )
  }
  if (tracked === undefined && signal.state === 'resolved') {
    return { status: 'skipped', reason: 'resolved before any alert was sent' }
  }
  const now = deps.clock.now()
  if (!deps.transport.threads && tracked !== undefined) {
    const dueAt = tracked.lastTopLevelAt + deps.cooldownMs
    const rose = SEVERITY_RANK[signal.severity] > SEVERITY_RANK[tracked.lastSeverity]
    if (now < dueAt && !rose) return { status: 'merged', dueAt }
  }
  const post = await deps.attempt(channel, () =>
    deps.transport.post({ channel, message: buildSignalBlocks(signal, deps.messages), signal }),
  )
  if (!post.ok) return { status: 'failed', attempts: post.attempts, error: post.error }
  deps.tracker.set(signal.id, {
    channel,
    lastTopLevelAt: deps.clock.now(),
    lastSeverity: signal.severity,
    ...(post.value.ts !== undefined ? { parentTs: post.value.ts } : {}),
    ...(post.value.channelId !== undefined ? { channelId: post.value.channelId } : {}),
  })
  return sent(post, post.value)
}
