import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface LocalServer {
  readonly base: string
  readonly requests: { method: string; url: string; headers: IncomingMessage['headers'] }[]
  close(): Promise<void>
}

/** An HTTP server on 127.0.0.1 (random port) for live-mode tests; records every request. */
export async function localServer(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<LocalServer> {
  const requests: LocalServer['requests'] = []
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers })
    handler(req, res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    base: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** A sleep that returns at once and records what was asked, so backoff and Retry-After are observable. */
export function recordingSleep(): { sleep: (ms: number) => Promise<void>; waits: number[] } {
  const waits: number[] = []
  return {
    waits,
    sleep: async (ms) => {
      waits.push(ms)
    },
  }
}

/** Collects deliveries until `n` arrived, then aborts the reader. */
export async function take<T>(iter: AsyncIterable<T>, n: number, abort: AbortController): Promise<T[]> {
  const out: T[] = []
  for await (const x of iter) {
    out.push(x)
    if (out.length >= n) {
      abort.abort()
      break
    }
  }
  return out
}
