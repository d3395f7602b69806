import type { ServerResponse } from 'node:http'

/** One Server-Sent Events frame. Every line of `data` gets its own `data:` field, so no payload can end a frame early. */
export function formatSseEvent(event: string, data: string): string {
  if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(event)) throw new RangeError(`invalid SSE event name: ${event}`)
  const lines = data.split(/\r\n|\r|\n/)
  return `event: ${event}\n${lines.map((line) => `data: ${line}`).join('\n')}\n\n`
}

/** A comment frame (ignored by EventSource); used as the heartbeat that keeps proxies from timing out. */
export function formatSseComment(text: string): string {
  return `: ${text.replace(/[\r\n]+/g, ' ')}\n\n`
}

export function formatSseRetry(ms: number): string {
  return `retry: ${Math.max(0, Math.floor(ms))}\n\n`
}

export interface SseStream {
  /** Queues one event; returns false once the stream is closed. */
  send(event: string, data: unknown): boolean
  close(): void
  readonly closed: boolean
}

export interface SseStreamOptions {
  retryMs: number
  heartbeatMs: number
  /** A client this far behind (bytes buffered) is disconnected; it reconnects and gets a fresh snapshot. */
  maxBufferedBytes: number
  onClose: () => void
}

/** Starts an event stream on `res`: headers, `retry:`, periodic heartbeat comments, backpressure cut-off. */
export function openSseStream(res: ServerResponse, options: SseStreamOptions): SseStream {
  let closed = false
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  })
  res.flushHeaders()
  res.socket?.setNoDelay(true)

  const close = (): void => {
    if (closed) return
    closed = true
    clearInterval(heartbeat)
    res.end()
    options.onClose()
  }
  const write = (frame: string): boolean => {
    if (closed) return false
    if (res.writableLength > options.maxBufferedBytes) {
      close()
      return false
    }
    res.write(frame)
    return true
  }
  const heartbeat = setInterval(() => write(formatSseComment('heartbeat')), options.heartbeatMs)
  heartbeat.unref()
  res.on('close', close)
  write(formatSseRetry(options.retryMs))

  return {
    send: (event, data) => write(formatSseEvent(event, JSON.stringify(data))),
    close,
    get closed() {
      return closed
    },
  }
}
