import { join } from 'node:path'
import type { RunningService, ServiceFactory } from '@pulse/runtime'
import { configuredSources, type RunningConnectors, startConnectors } from './connectors.ts'
import { type Replay, type Speed, startReplay } from './replay.ts'

export { AckTracker } from './checkpoint.ts'
export { configuredSources, type SourceHealth, startConnectors, watchTermsOf } from './connectors.ts'
export { markOrg, type Replay, type ReplayStats, type Speed } from './replay.ts'

export interface IngestOptions {
  /** Replay a JSONL file ('-' for stdin) instead of (or before) live connectors. */
  readonly replay?: { readonly file: string; readonly speed: Speed }
  readonly stdin?: NodeJS.ReadableStream
}

export interface IngestService extends RunningService {
  /** The replay, when one was asked for. */
  readonly replay: Replay | undefined
  /** The live connectors configured in the watchlist's `sources`. */
  readonly connectors: RunningConnectors | undefined
}

/** The ingest service: sources → mentions on the raw topic (replayed lines that are not JSON → dead letters). */
export function ingestService(options: IngestOptions): ServiceFactory {
  return async (ctx): Promise<IngestService> => {
    const log = ctx.logger.child({ service: 'ingest' })
    const orgHandles = new Set(
      ctx.watchlist.organization.handles.map((h) => h.replace(/^@/, '').toLowerCase()),
    )
    // Fail fast on a bad `sources` section or a missing credential, before anything starts.
    const sources = configuredSources(ctx.watchlist, ctx.env, { clock: ctx.clock, logger: log })
    const checkpointDir = join(ctx.dataDir, 'checkpoints')
    const replay = options.replay
      ? await startReplay({
          file: options.replay.file,
          speed: options.replay.speed,
          checkpointDir,
          bus: ctx.bus,
          logger: log,
          clock: ctx.clock,
          orgHandles,
          signal: ctx.signal,
          ...(options.stdin ? { stdin: options.stdin as import('node:stream').Readable } : {}),
        })
      : undefined
    const connectors =
      sources.length > 0
        ? await startConnectors({
            sources,
            bus: ctx.bus,
            logger: log,
            clock: ctx.clock,
            checkpointDir,
            orgHandles,
            signal: ctx.signal,
          }).catch(async (err: unknown) => {
            await replay?.stop()
            throw err
          })
        : undefined
    if (!replay && !connectors)
      log.warn('no source configured: pass --replay FILE or configure `sources` in the watchlist')
    return {
      name: 'ingest',
      replay,
      connectors,
      stats: () => ({
        lines: replay?.stats.lines ?? 0,
        published: replay?.stats.published ?? 0,
        invalid: replay?.stats.invalid ?? 0,
        acknowledged: replay?.stats.acknowledged ?? 0,
        ...connectors?.stats(),
      }),
      health: () => {
        const live = connectors?.health() ?? []
        return {
          ok: live.every((c) => c.state !== 'failed'),
          detail: {
            ...(replay ? { source: replay.source, done: replay.stats.done } : {}),
            ...(connectors ? { connectors: live } : {}),
          },
        }
      },
      stop: async () => {
        await Promise.all([replay?.stop(), connectors?.stop()])
      },
    }
  }
}
