import { PulseError, SEVERITY_RANK, type Signal } from '@pulse/core'
import { type AlerterOptions, createTransport, validateAlerts } from './alerter-options.ts'
import type { DeliveryRecord, DeliveryStatus } from './delivery-log.ts'
import { deliveryKey } from './delivery-log.ts'
import { buildDigestBlocks, type DigestInput } from './digest.ts'
import { createOutbox, type OutboxItem } from './outbox.ts'
import { DEFAULT_RETRY_POLICY, realSleep, withRetry } from './retry.ts'
import { isQuietTime, routeChannel } from './routing.ts'
import { deliverSignal, type SendOutcome, type SignalDeliveryDeps } from './signal-delivery.ts'
import { RecentKeys, SignalTracker } from './signal-tracker.ts'

export interface AlerterStats {
  delivered: number
  failed: number
  held: number
  merged: number
  duplicates: number
  /** Alerts waiting in the outbox now. */
  queued: number
  /** Alerts dropped because the outbox was full. */
  dropped: number
}

export interface Alerter {
  /** Routes and delivers one signal revision (or holds, merges or skips it). Resolves when settled. */
  handle(signal: Signal): Promise<void>
  /** Delivers what is due: the outbox (oldest first) and revisions merged during a cooldown. */
  flush(): Promise<void>
  /** Sends the daily digest (once per `date`); quiet-hours alerts held so far are included. */
  sendDigest(input: DigestInput, channel?: string): Promise<void>
  /** Takes the alerts held during quiet hours (they are then no longer included in the digest). */
  takeHeld(): Signal[]
  stats(): AlerterStats
  /** Stops the background loop, tries a last flush and records what stays undelivered. */
  close(): Promise<void>
}

/** The alert service's delivery engine; see the package README section in `index.ts`. */
export function createAlerter(options: AlerterOptions): Alerter {
  validateAlerts(options.alerts)
  const { alerts, clock, deliveryLog } = options
  const log = options.logger.child({ component: 'alerter' })
  const sleep = options.sleep ?? realSleep
  const random = options.random ?? Math.random
  const policy = { ...DEFAULT_RETRY_POLICY, ...options.retry }
  const messages = {
    ...(alerts.feedUrl !== undefined ? { feedUrl: alerts.feedUrl } : {}),
    ...(options.playbooks !== undefined ? { playbooks: options.playbooks } : {}),
    ...(options.claims !== undefined ? { claims: options.claims } : {}),
  }
  const transport = createTransport(options.mode, { clock, logger: log, console: messages })
  const outbox = createOutbox(options.outboxSize ?? 500)
  const tracker = new SignalTracker(options.maxTrackedSignals ?? 10_000)
  const recent = new RecentKeys(options.maxTrackedSignals ?? 10_000)
  const merged = new Map<string, { item: OutboxItem; dueAt: number }>()
  const held: Signal[] = []
  const lastSentAt = new Map<string, number>()
  const abort = new AbortController()
  const counts = { delivered: 0, failed: 0, held: 0, merged: 0, duplicates: 0 }
  let chain: Promise<unknown> = Promise.resolve()
  let closed = false

  function serialize<T>(work: () => Promise<T>): Promise<T> {
    const run = chain.then(work)
    chain = run.catch(() => {})
    return run
  }

  async function pace(channel: string): Promise<void> {
    const last = lastSentAt.get(channel)
    const wait = last === undefined ? 0 : last + (options.channelIntervalMs ?? 1000) - clock.now()
    if (wait > 0) await sleep(wait, abort.signal)
    lastSentAt.set(channel, clock.now())
  }

  const deps: SignalDeliveryDeps = {
    transport,
    tracker,
    deliveryLog,
    clock,
    logger: log,
    cooldownMs: alerts.cooldownMinutes * 60_000,
    messages,
    attempt: (channel, call) =>
      withRetry(
        async () => {
          await pace(channel)
          return call()
        },
        { policy, sleep, random, signal: abort.signal },
      ),
  }

  /** A delivery log outage must not cause a resend: it is logged, and memory still dedups. */
  async function record(item: OutboxItem, status: DeliveryStatus, extra: Partial<DeliveryRecord> = {}) {
    const entry: DeliveryRecord = {
      key: item.key,
      signalId: item.kind === 'signal' ? item.signal.id : item.key,
      revision: item.kind === 'signal' ? item.signal.revision : 0,
      state: item.kind === 'signal' ? item.signal.state : 'digest',
      channel: item.channel,
      mode: transport.mode,
      status,
      attempts: item.attempts,
      at: new Date(clock.now()).toISOString(),
      ...extra,
    }
    try {
      await deliveryLog.record(entry)
    } catch (err) {
      log.error({ err, key: item.key, status }, 'could not record alert delivery')
    }
  }

  function enqueue(item: OutboxItem): void {
    const evicted = outbox.push(item)
    log.warn({ key: item.key, queued: outbox.size }, 'slack unavailable; alert queued in the outbox')
    if (evicted !== undefined) {
      log.error({ key: evicted.key, dropped: outbox.dropped }, 'alert outbox full; oldest alert dropped')
      void record(evicted, 'failed', { error: 'outbox_full' })
    }
  }

  async function send(item: OutboxItem): Promise<SendOutcome> {
    if (item.kind === 'signal') return deliverSignal(item.signal, item.channel, deps)
    const post = await deps.attempt(item.channel, () =>
      transport.post({ channel: item.channel, message: item.message }),
    )
    return post.ok
      ? { status: 'sent', attempts: post.attempts, ...post.value }
      : { status: 'failed', attempts: post.attempts, error: post.error }
  }

  /** Sends one item; 'retry' means Slack is unavailable and the item should wait in the outbox. */
  async function process(item: OutboxItem): Promise<'done' | 'retry'> {
    const outcome = await send(item)
    switch (outcome.status) {
      case 'sent':
        item.attempts += outcome.attempts
        recent.add(item.key)
        counts.delivered += 1
        await record(item, 'delivered', {
          attempts: item.attempts,
          ...(outcome.ts !== undefined ? { slackTs: outcome.ts } : {}),
          ...(outcome.channelId !== undefined ? { channelId: outcome.channelId } : {}),
        })
        return 'done'
      case 'merged':
        if (item.kind === 'signal') merged.set(item.signal.id, { item, dueAt: outcome.dueAt })
        counts.merged += 1
        return 'done'
      case 'skipped':
        log.debug({ key: item.key, reason: outcome.reason }, 'alert skipped')
        recent.add(item.key)
        return 'done'
      case 'failed': {
        item.attempts += outcome.attempts
        const { error } = outcome
        if (error.failure === 'permanent' || closed) {
          counts.failed += 1
          recent.add(item.key)
          log.error({ err: error, key: item.key, channel: item.channel }, 'alert delivery failed')
          await record(item, 'failed', { attempts: item.attempts, error: error.reason })
          return 'done'
        }
        const backoff = Math.min(policy.maxDelayMs * 30, policy.baseDelayMs * 2 ** item.attempts)
        item.notBefore = clock.now() + (error.retryAfterMs ?? backoff)
        return 'retry'
      }
    }
  }

  async function dispatch(item: OutboxItem): Promise<void> {
    if (outbox.size > 0) return enqueue(item) // keep order while Slack is down
    if ((await process(item)) === 'retry') enqueue(item)
  }

  async function flushNow(): Promise<void> {
    for (const [id, entry] of merged) {
      if (entry.dueAt > clock.now()) continue
      merged.delete(id)
      await dispatch(entry.item)
    }
    for (let head = outbox.peek(); head !== undefined; head = outbox.peek()) {
      if (head.notBefore > clock.now()) return
      if (!(await deliveryLog.wasDelivered(head.key)) && (await process(head)) === 'retry') return
      outbox.shift()
    }
  }

  async function isDuplicate(key: string): Promise<boolean> {
    const dup = recent.has(key) || outbox.has(key) || (await deliveryLog.wasDelivered(key))
    if (dup) counts.duplicates += 1
    return dup
  }

  function hold(item: OutboxItem & { kind: 'signal' }): Promise<void> {
    held.push(item.signal)
    if (held.length > (options.maxHeld ?? 1000)) held.shift()
    counts.held += 1
    recent.add(item.key)
    log.info({ key: item.key, channel: item.channel }, 'quiet hours: alert held for the digest')
    return record(item, 'held')
  }

  async function handleNow(signal: Signal): Promise<void> {
    if (closed) throw new PulseError('ALERT_DELIVERY_FAILED', 'alerter is closed')
    if (SEVERITY_RANK[signal.severity] < SEVERITY_RANK[options.minSeverity ?? 'info']) return
    const key = deliveryKey(signal)
    if (await isDuplicate(key)) return
    const item: OutboxItem = {
      kind: 'signal',
      key,
      channel: routeChannel(signal, alerts),
      signal,
      attempts: 0,
      notBefore: 0,
    }
    // Editing a parent to "resolved" (bot mode) is silent, so it need not wait for the morning.
    const silent = transport.threads && signal.state === 'resolved'
    if (signal.severity !== 'critical' && !silent && isQuietTime(clock.now(), alerts.quietHours))
      return hold(item)
    merged.delete(signal.id) // a newer revision supersedes one waiting out a cooldown
    await dispatch(item)
  }

  async function sendDigestNow(input: DigestInput, channel: string | undefined): Promise<void> {
    const key = `digest:${input.date}`
    if (await isDuplicate(key)) return
    const withHeld = input.held !== undefined ? input : { ...input, held: held.splice(0) }
    const message = buildDigestBlocks(
      alerts.feedUrl !== undefined && input.feedUrl === undefined
        ? { ...withHeld, feedUrl: alerts.feedUrl }
        : withHeld,
    )
    const target = channel ?? alerts.defaultChannel
    await dispatch({
      kind: 'digest',
      key,
      channel: target,
      message,
      date: input.date,
      attempts: 0,
      notBefore: 0,
    })
  }

  const loop = (async () => {
    const interval = options.flushIntervalMs ?? 15_000
    if (interval <= 0) return
    while (!abort.signal.aborted) {
      await sleep(interval, abort.signal)
      await new Promise((resolve) => setImmediate(resolve)) // never starve the event loop
      if (abort.signal.aborted) return
      await serialize(flushNow).catch((err: unknown) => log.error({ err }, 'alert outbox flush failed'))
    }
  })()

  return {
    handle: (signal) => serialize(() => handleNow(signal)),
    flush: () => serialize(flushNow),
    sendDigest: (input, channel) => serialize(() => sendDigestNow(input, channel)),
    takeHeld: () => held.splice(0),
    stats: () => ({ ...counts, queued: outbox.size, dropped: outbox.dropped }),
    async close() {
      if (closed) return
      closed = true
      abort.abort()
      await loop
      await serialize(flushNow).catch((err: unknown) => log.error({ err }, 'final alert flush failed'))
      const left = [...outbox.drain(), ...[...merged.values()].map((m) => m.item)]
      merged.clear()
      if (left.length > 0) log.warn({ count: left.length }, 'alerts left undelivered at shutdown')
      for (const item of left) await record(item, 'failed', { error: 'undelivered_at_shutdown' })
    },
  }
}
