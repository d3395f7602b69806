import { join } from 'node:path'
import type { RunningService, ServiceFactory } from '@pulse/runtime'
import { type Replay, type Speed, startReplay } from './replay.ts'

export { AckTracker } from './checkpoint.ts'
export { markOrg, type Replay, type ReplayStats, type Speed } from './replay.ts'

export interface IngestOptions {
  /** Replay a JSONL file ('-' for stdin) instead of (or before) live connectors. */
  readonly replay?: { readonly file: string; readonly speed: Speed }
  readonly stdin?: NodeJS.ReadableStream
}

export interface IngestService extends RunningService {
  /** The replay, when one was asked for. */
  readonly replay: Replay | undefined
}

/** The ingest service: sources → validated mentions on the raw topic (invalid → dead letters). */
export function ingestService(options: IngestOptions): ServiceFactory {
  return async (ctx): Promise<IngestService> => {
    const log = ctx.logger.child({ service: 'ingest' })
    const orgHandles = new Set(
      ctx.watchlist.organization.handles.map((h) => h.replace(/^@/, '').toLowerCase()),
    )
    const replay = options.replay
      ? await startReplay({
          file: options.replay.file,
          speed: options.replay.speed,
          checkpointDir: join(ctx.dataDir, 'checkpoints'),
          bus: ctx.bus,
          logger: log,
          clock: ctx.clock,
          orgHandles,
          signal: ctx.signal,
          ...(options.stdin ? { stdin: options.stdin as import('node:stream').Readable } : {}),
        })
      : undefined
    if (!replay)
      log.warn('no source configured: pass --replay FILE (live connectors are configured in the watchlist)')
    return {
      name: 'ingest',
      replay,
      stats: () => ({
        lines: replay?.stats.lines ?? 0,
        published: replay?.stats.published ?? 0,
        invalid: replay?.stats.invalid ?? 0,
        acknowledged: replay?.stats.acknowledged ?? 0,
      }),
      health: () => ({ ok: true, detail: replay ? { source: replay.source, done: replay.stats.done } : {} }),
      stop: async () => {
        await replay?.stop()
      },
    }
  }
}
