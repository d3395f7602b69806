import { type Clock, silentLogger, systemClock } from '@pulse/core'
import type { FeedServerOptions } from '../feed-context.ts'
import { createFeedServer } from '../feed-server.ts'
import { createMemoryKeyValueStore } from '../key-value-store.ts'
import { createMemoryAuditLog } from '../memory-audit-log.ts'
import { createMemorySignalRepository } from '../memory-signal-repository.ts'
import { createSignalHub } from '../signal-hub.ts'
import { createTokenAuth } from '../token-auth.ts'

/** A feed on 127.0.0.1 with in-memory deps and one token per role. */
export async function startFeed(options: FeedServerOptions = {}, clock: Clock = systemClock) {
  const hub = createSignalHub()
  const audit = createMemoryAuditLog()
  const auth = createTokenAuth({ store: createMemoryKeyValueStore(), clock })
  const signals = createMemorySignalRepository({ hub })
  const feed = createFeedServer({ signals, audit, auth, clock, logger: silentLogger }, options)
  const url = await feed.listen(0, '127.0.0.1')
  const responder = await auth.issueToken('responder', 'Alice Responder')
  const viewer = await auth.issueToken('viewer', 'Victor Viewer')
  return {
    url,
    hub,
    audit,
    auth,
    feed,
    responder: responder.token,
    viewer: viewer.token,
    close: async () => {
      signals.close()
      await feed.close()
    },
  }
}

export interface SseFrame {
  event: string
  data: string
  comment?: string
}

export interface EventStreamReader {
  status: number
  headers: Headers
  /** The next frame matching `match` (skipping others), or throws after `timeoutMs`. */
  next(match: (frame: SseFrame) => boolean, timeoutMs?: number): Promise<SseFrame>
  close(): void
}

/** Reads an event stream frame by frame (comments included), for asserting what a client would see. */
export async function openEventStream(
  url: string,
  headers: Record<string, string>,
): Promise<EventStreamReader> {
  const abort = new AbortController()
  const res = await fetch(url, { headers, signal: abort.signal })
  const reader = res.body?.getReader()
  const decoder = new TextDecoder()
  const frames: SseFrame[] = []
  let buffer = ''
  const pump = async (): Promise<boolean> => {
    if (!reader) return false
    const { done, value } = await reader.read()
    if (done) return false
    buffer += decoder.decode(value, { stream: true })
    let end = buffer.indexOf('\n\n')
    while (end >= 0) {
      const raw = buffer.slice(0, end)
      buffer = buffer.slice(end + 2)
      const frame: SseFrame = { event: 'message', data: '' }
      const data: string[] = []
      for (const line of raw.split('\n')) {
        if (line.startsWith(':')) frame.comment = line.slice(1).trim()
        else if (line.startsWith('event: ')) frame.event = line.slice(7)
        else if (line.startsWith('data: ')) data.push(line.slice(6))
        else if (line.startsWith('retry: ')) frame.event = `retry:${line.slice(7)}`
      }
      frame.data = data.join('\n')
      frames.push(frame)
      end = buffer.indexOf('\n\n')
    }
    return true
  }
  // One read in flight at a time, so a read that outlives a timeout is not lost.
  let inflight: Promise<boolean> | undefined
  const pumpOnce = (): Promise<boolean> => {
    inflight ??= pump().finally(() => {
      inflight = undefined
    })
    return inflight
  }
  let read = 0
  return {
    status: res.status,
    headers: res.headers,
    async next(match, timeoutMs = 3000) {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        while (read < frames.length) {
          const frame = frames[read++]
          if (frame && match(frame)) return frame
        }
        if (Date.now() > deadline) throw new Error('no matching SSE frame in time')
        const timer = new Promise<'timeout'>((resolve) =>
          setTimeout(() => resolve('timeout'), deadline - Date.now()),
        )
        const more = await Promise.race([pumpOnce(), timer])
        if (more === false) throw new Error('stream ended')
      }
    },
    close: () => abort.abort(),
  }
}
