import { setTimeout as sleep } from 'node:timers/promises'
import type { Bus, OutgoingMessage } from '@pulse/bus'
import {
  type BackoffPolicy,
  backoffDelay,
  type CheckpointStore,
  type ConfiguredSource,
  type Connector,
  type ConnectorHealth,
  type Credentials,
  parseSources,
  runIngestLoop,
  sourcesFromConfig,
  startWebhookServer,
  type WatchTerms,
  type WebhookServer,
} from '@pulse/connectors'
import {
  type Clock,
  errorMessage,
  formatOrigin,
  type Logger,
  type Mention,
  ORIGIN_HEADER,
  type Outcome,
  PulseError,
  SCHEMA_HEADER,
  SCHEMAS,
  TOPICS,
  type Watchlist,
} from '@pulse/core'
import { deadLetterFor, deadLetterMessage } from '@pulse/pipeline'
import { z } from 'zod'
import { markOrg } from './replay.ts'
import { createLane, type Lane, openSourceFile, type SourceFile } from './source-lane.ts'

/** What the watchlist tracks, for sources that do not list their own terms, hashtags or handles. */
export function watchTermsOf(w: Watchlist): WatchTerms {
  return {
    terms: [...w.organization.terms, ...w.tracked.terms, ...w.competitors.flatMap((c) => c.terms)],
    hashtags: w.tracked.hashtags,
    handles: [...w.organization.handles, ...w.competitors.flatMap((c) => c.handles)],
  }
}

/** Validates and builds the watchlist's `sources`; CONFIG_INVALID names the path or the env variable. */
export function configuredSources(
  watchlist: Watchlist,
  credentials: Credentials,
  deps: { readonly clock: Clock; readonly logger: Logger },
): ConfiguredSource[] {
  const sources = parseSources(watchlist.sources, credentials)
  return sourcesFromConfig(sources, { ...deps, credentials, watch: watchTermsOf(watchlist) })
}

/** A connector's health plus what the ingest side did with its mentions. */
export interface SourceHealth extends ConnectorHealth {
  readonly published: number
  readonly deadLettered: number
  readonly dropped: number
  readonly acknowledged: number
  readonly pendingAcks: number
  readonly failedBatches: number
  readonly lastCommitAt: string | null
}

export interface ConnectorsOptions {
  readonly sources: readonly ConfiguredSource[]
  readonly bus: Bus
  readonly logger: Logger
  readonly clock: Clock
  readonly checkpointDir: string
  readonly orgHandles: ReadonlySet<string>
  readonly signal: AbortSignal
  /** A batch not acknowledged by the sink within this fails, nothing is committed (default 60 s). */
  readonly ackTimeoutMs?: number
  /** How long stop waits for in-flight batches to be acknowledged (default 5 s). */
  readonly drainMs?: number
  /** Pause before re-reading after a failed batch (default 1 s doubling to 60 s). */
  readonly retry?: BackoffPolicy
}

export interface RunningConnectors {
  health(): SourceHealth[]
  stats(): Record<string, number>
  stop(): Promise<void>
}

const mentionMessage = (mention: Mention, origin: string): OutgoingMessage => ({
  key: mention.id,
  value: JSON.stringify(mention),
  headers: { [SCHEMA_HEADER]: SCHEMAS.mention, [ORIGIN_HEADER]: origin },
})

const ackSchema = z.object({ source: z.string(), seqs: z.array(z.number().int()) })

/**
 * Runs every configured source: pull connectors through `runIngestLoop` (checkpoint committed only
 * after the sink acknowledged the whole batch on the acks topic) and the webhook's HTTP server
 * (202 only after the sink acknowledged the request's mentions). A failed batch is read again from
 * the last committed checkpoint after a backoff; a connector that fails for good shows as `failed`.
 */
export async function startConnectors(opts: ConnectorsOptions): Promise<RunningConnectors> {
  const { bus, clock, orgHandles } = opts
  const stopReading = new AbortController()
  const hardStop = new AbortController()
  const readSignal = AbortSignal.any([opts.signal, stopReading.signal])
  const timeoutMs = opts.ackTimeoutMs ?? 60_000
  const retry = opts.retry ?? { baseMs: 1_000, maxMs: 60_000 }
  const lanes = new Map<string, Lane>()
  const sources: { lane: Lane; health: () => ConnectorHealth; failure: () => string | null }[] = []
  const lastCommit = new Map<string, number>()

  const acks = await bus.consume({
    groupId: 'ingest-acks-connectors',
    topics: [TOPICS.acks],
    maxBatchSize: 5_000,
    handler: async (batch) => {
      for (const m of batch.messages) {
        let ack: z.infer<typeof ackSchema> | undefined
        try {
          ack = ackSchema.parse(JSON.parse(Buffer.from(m.value).toString('utf8')))
        } catch {
          continue
        }
        const l = lanes.get(ack.source)
        if (l) for (const seq of ack.seqs) l.acked(seq)
      }
    },
  })

  const runConnector = async (connector: Connector<unknown>, file: SourceFile, l: Lane): Promise<void> => {
    const log = opts.logger.child({ connector: connector.name })
    let failure: string | null = null
    sources.push({ lane: l, health: () => connector.health(), failure: () => failure })
    const payloads = new WeakMap<object, unknown>()
    const withPayloads: Connector<unknown> = {
      ...connector,
      normalise: (raw) => {
        const out = connector.normalise(raw)
        for (const o of out) if (o.kind === 'dlq') payloads.set(o, raw)
        return out
      },
    }
    const checkpoints: CheckpointStore = {
      load: async () => file.checkpoint(),
      commit: async (_name, checkpoint) => {
        file.commit(checkpoint)
        lastCommit.set(connector.name, clock.now())
      },
    }
    const sink = async (outcomes: readonly Outcome<Mention>[]): Promise<void> => {
      const raw: OutgoingMessage[] = []
      const letters: OutgoingMessage[] = []
      const seqs = outcomes.map(() => l.issue())
      outcomes.forEach((o, i) => {
        const seq = seqs[i] ?? 0
        const origin = formatOrigin({ source: connector.name, seq })
        if (o.kind === 'ok') raw.push(mentionMessage(markOrg(o.value, orgHandles), origin))
        else if (o.kind === 'drop') l.dropped(seq)
        else {
          const value = Buffer.from(JSON.stringify(payloads.get(o) ?? null))
          const message = {
            topic: TOPICS.mentionsRaw,
            key: null,
            value,
            headers: { [ORIGIN_HEADER]: origin },
          }
          const letter = deadLetterFor(message, `ingest.${connector.name}`, o.reason, o.cause, clock.now())
          letters.push(deadLetterMessage(letter, origin))
        }
      })
      await l.deliver(raw, letters, seqs, bus)
    }
    for (let attempt = 0; !readSignal.aborted; ) {
      const commitsBefore = lastCommit.get(connector.name)
      try {
        await runIngestLoop({ connector: withPayloads, checkpoints, sink, signal: readSignal })
        return
      } catch (err) {
        if (readSignal.aborted) return
        if (err instanceof PulseError && (err.code === 'SOURCE_FAILED' || err.code === 'CONFIG_INVALID')) {
          failure = errorMessage(err)
          log.error({ err }, 'connector failed; fix the cause and restart ingest')
          return
        }
        if (lastCommit.get(connector.name) !== commitsBefore) attempt = 0
        const delay = backoffDelay(attempt++, retry, Math.random)
        log.warn({ err, retryInMs: delay }, 'batch not stored; reading again from the last checkpoint')
        await sleep(delay, undefined, { signal: readSignal }).catch(() => {})
      }
    }
  }

  const webhooks: WebhookServer[] = []
  const loops: Promise<void>[] = []
  try {
    for (const s of opts.sources) {
      const name = s.kind === 'connector' ? s.connector.name : s.name
      const file = openSourceFile(opts.checkpointDir, name, clock)
      const l = createLane(name, file, timeoutMs, hardStop.signal)
      lanes.set(name, l)
      if (s.kind === 'connector') {
        loops.push(runConnector(s.connector, file, l))
        continue
      }
      const server = await startWebhookServer({
        token: s.token,
        host: s.host,
        port: s.port,
        clock,
        logger: opts.logger.child({ connector: s.name }),
        ...(s.maxBodyBytes === undefined ? {} : { maxBodyBytes: s.maxBodyBytes }),
        ...(s.maxItems === undefined ? {} : { maxItems: s.maxItems }),
        accept: async (mentions) => {
          const seqs = mentions.map(() => l.issue())
          const raw = mentions.map((m, i) =>
            mentionMessage(markOrg(m, orgHandles), formatOrigin({ source: s.name, seq: seqs[i] ?? 0 })),
          )
          await l.deliver(raw, [], seqs, bus)
        },
      })
      webhooks.push(server)
      sources.push({ lane: l, health: () => ({ ...server.health(), name: s.name }), failure: () => null })
      opts.logger.info({ connector: s.name, url: server.url }, 'webhook listening')
    }
  } catch (err) {
    stopReading.abort()
    hardStop.abort()
    await Promise.allSettled([...loops, ...webhooks.map((w) => w.close())])
    await acks.stop()
    throw err
  }
  opts.logger.info({ connectors: sources.map((s) => s.lane.name) }, 'connectors started')

  const health = (): SourceHealth[] =>
    sources.map(({ lane: l, health: h, failure }) => {
      const at = lastCommit.get(l.name)
      const f = failure()
      return {
        ...h(),
        ...(f === null ? {} : { state: 'failed' as const, lastError: f }),
        ...l.stats,
        pendingAcks: l.pending(),
        lastCommitAt: at === undefined ? null : new Date(at).toISOString(),
      }
    })
  return {
    health,
    stats() {
      const all = health()
      const sum = (
        k: 'events' | 'errors' | 'published' | 'deadLettered' | 'acknowledged' | 'failedBatches',
      ) => all.reduce((n, h) => n + h[k], 0)
      return {
        connectors: all.length,
        connectorsFailed: all.filter((h) => h.state === 'failed').length,
        connectorEvents: sum('events'),
        connectorErrors: sum('errors'),
        connectorPublished: sum('published'),
        connectorDeadLetters: sum('deadLettered'),
        connectorAcknowledged: sum('acknowledged'),
        connectorFailedBatches: sum('failedBatches'),
      }
    },
    async stop() {
      await Promise.all(webhooks.map((w) => w.close()))
      stopReading.abort()
      const all = Promise.allSettled(loops)
      const drainMs = opts.drainMs ?? 5_000
      let timer: NodeJS.Timeout | undefined
      await Promise.race([all, new Promise((r) => (timer = setTimeout(r, drainMs)))])
      clearTimeout(timer)
      hardStop.abort()
      await all
      await acks.stop()
    },
  }
}
