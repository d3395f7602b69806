import { type Alerter, createAlerter, createMemoryDeliveryLog } from '@pulse/alerting'
import { DEFAULT_CLAIMS } from '@pulse/classify'
import { decodeJson, type Signal, signalSchema, TOPICS } from '@pulse/core'
import { startWorker } from '@pulse/pipeline'
import type { RunningService, ServiceFactory } from '@pulse/runtime'
import { createClickHouseDeliveryLog } from './delivery-log.ts'
import { loadDigestInput, localTime, toDay } from './digest-data.ts'

export { loadDigestInput } from './digest-data.ts'

export interface AlertOptions {
  /** Where console alerts go (the terminal in `pulse start`); omit to log them instead. */
  readonly write?: (text: string) => void
}

/**
 * The alert service: signals → console, and Slack when SLACK_BOT_TOKEN (threads, edits) or
 * SLACK_WEBHOOK_URL (one message per state change) is set. Deliveries are logged in ClickHouse so a
 * restart never resends; Slack outages queue in a bounded outbox.
 */
export function alertService(options: AlertOptions = {}): ServiceFactory {
  return async (ctx): Promise<RunningService> => {
    const log = ctx.logger.child({ service: 'alert' })
    const { alerts, playbooks } = ctx.watchlist
    const claims = ctx.watchlist.claims ?? DEFAULT_CLAIMS
    const feedUrl =
      alerts.feedUrl ??
      ctx.env.PULSE_FEED_URL ??
      `http://${ctx.env.PULSE_FEED_HOST}:${ctx.env.PULSE_FEED_PORT}`
    const common = { alerts: { ...alerts, feedUrl }, playbooks, claims, logger: log, clock: ctx.clock }
    const write = options.write ?? ((text: string) => log.info({ alert: text }, 'alert'))
    const alerters: Alerter[] = [
      // The terminal has no rate limit: no per-channel pacing for console alerts.
      createAlerter({
        ...common,
        mode: { kind: 'console', write },
        deliveryLog: createMemoryDeliveryLog(),
        channelIntervalMs: 0,
      }),
    ]
    const { SLACK_BOT_TOKEN, SLACK_WEBHOOK_URL, SLACK_API_URL } = ctx.env
    if (SLACK_BOT_TOKEN || SLACK_WEBHOOK_URL) {
      const deliveryLog = createClickHouseDeliveryLog(await ctx.store())
      alerters.push(
        createAlerter({
          ...common,
          deliveryLog,
          mode: SLACK_BOT_TOKEN
            ? {
                kind: 'bot',
                token: SLACK_BOT_TOKEN,
                ...(SLACK_API_URL ? { slackApiUrl: SLACK_API_URL } : {}),
              }
            : { kind: 'webhook', url: SLACK_WEBHOOK_URL as string },
        }),
      )
      log.info({ mode: SLACK_BOT_TOKEN ? 'bot' : 'webhook' }, 'Slack alerts on')
    }
    const slack = alerters.slice(1)
    const digest = ctx.watchlist.alerts.digest
    let digestSentFor = ''
    const digestTimer =
      digest && slack.length > 0
        ? setInterval(() => {
            const now = localTime(ctx.clock.now(), digest.timezone)
            if (now.hhmm < digest.at || digestSentFor === now.date) return
            digestSentFor = now.date
            const day = toDay(Date.parse(`${now.date}T00:00:00Z`) - 86_400_000)
            void (async () => {
              const input = await loadDigestInput(await ctx.store(), day, ctx.watchlist.organization.name)
              for (const a of slack) await a.sendDigest(input, digest.channel)
              log.info({ day }, 'daily digest sent')
            })().catch((err: unknown) => log.error({ err }, 'daily digest failed'))
          }, 60_000)
        : undefined
    const worker = await startWorker<Signal, Signal>({
      name: 'alert',
      bus: ctx.bus,
      groupId: 'pulse-alert',
      topics: [TOPICS.signals],
      maxBatchSize: 200,
      decode: (m) => decodeJson(signalSchema, m.value),
      stages: [],
      logger: log,
      clock: ctx.clock,
      emit: async (items) => {
        for (const { value } of items) for (const a of alerters) await a.handle(value)
      },
    })
    return {
      name: 'alert',
      stats: () => ({ ...worker.stats }),
      health: () => worker.health(),
      drain: async () => {
        for (const a of alerters) await a.flush()
      },
      stop: async () => {
        if (digestTimer) clearInterval(digestTimer)
        await worker.stop()
        for (const a of alerters) await a.close()
      },
    }
  }
}
