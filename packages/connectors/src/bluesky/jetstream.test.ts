import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocketServer } from 'ws'
import { recordingSleep, take } from '../testing/local-server.ts'
import { createJetstreamConnector } from './jetstream.ts'

const post = (rkey: string, timeUs: number, text: string): string =>
  JSON.stringify({
    did: 'did:plc:alice',
    time_us: timeUs,
    kind: 'commit',
    commit: {
      rev: 'r',
      operation: 'create',
      collection: 'app.bsky.feed.post',
      rkey,
      cid: 'c',
      record: { $type: 'app.bsky.feed.post', text, createdAt: '2024-09-09T19:46:02.102Z' },
    },
  })

let wss: WebSocketServer | undefined
afterEach(async () => {
  for (const c of wss?.clients ?? []) c.terminate()
  await new Promise<void>((r) => (wss ? wss.close(() => r()) : r()))
})

async function jetstream(
  onConnect: (n: number, send: (s: string) => void, close: () => void) => void,
): Promise<{ url: string; urls: string[] }> {
  const urls: string[] = []
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 })
  wss = server
  await new Promise<void>((r) => server.once('listening', () => r()))
  server.on('connection', (socket, req) => {
    urls.push(req.url ?? '')
    onConnect(
      urls.length,
      (s) => socket.send(s),
      () => socket.close(1011, 'gone'),
    )
  })
  return { url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/subscribe`, urls }
}

describe('Jetstream over WebSocket', () => {
  it('asks for posts only, resumes from the checkpoint cursor rewound, and reconnects after a drop without duplicates', async () => {
    const { url, urls } = await jetstream((n, send, close) => {
      if (n === 1) {
        send(post('a', 2_000_000_000, 'flu shots today'))
        send(post('b', 2_000_000_100, 'flu clinic open'))
        close()
      } else {
        send(post('b', 2_000_000_100, 'flu clinic open')) // replayed by the rewind: skipped
        send(post('c', 2_000_000_200, 'flu season'))
      }
    })
    const { sleep, waits } = recordingSleep()
    const c = createJetstreamConnector({
      endpoint: url,
      sleep,
      random: () => 0,
      rewindSeconds: 1,
      terms: ['flu'],
    })
    const abort = new AbortController()
    const got = await take(c.read({ timeUs: 1_999_999_000 }, abort.signal), 3, abort)
    expect(got.map((d) => d.checkpoint.timeUs)).toEqual([2_000_000_000, 2_000_000_100, 2_000_000_200])
    const first = new URL(urls[0] ?? '', 'ws://x')
    expect(first.searchParams.getAll('wantedCollections')).toEqual(['app.bsky.feed.post'])
    expect(first.searchParams.get('cursor')).toBe(String(1_999_999_000 - 1_000_000))
    expect(new URL(urls[1] ?? '', 'ws://x').searchParams.get('cursor')).toBe(
      String(2_000_000_100 - 1_000_000),
    )
    expect(waits).toHaveLength(1)
    expect(c.health()).toMatchObject({ events: 3, reconnects: 1, source: 'bluesky' })
    expect(c.health().lastEventAt).not.toBeNull()
  })

  it('drops posts that match no tracked term and malformed frames are dead-lettered', async () => {
    const c = createJetstreamConnector({ terms: ['measles'], hashtags: ['mmr'] })
    expect(c.normalise(JSON.parse(post('x', 1, 'nothing relevant')))[0]).toMatchObject({
      kind: 'drop',
      reason: expect.stringContaining('filtered out'),
    })
    expect(c.normalise(JSON.parse(post('y', 1, 'Measles case confirmed')))[0]?.kind).toBe('ok')
    expect(c.normalise('{not json')[0]?.kind).toBe('dlq')
  })

  it('gives up with SOURCE_FAILED when the server is unreachable and maxReconnects is set', async () => {
    const { sleep } = recordingSleep()
    const c = createJetstreamConnector({ endpoint: 'ws://127.0.0.1:1/subscribe', sleep, maxReconnects: 2 })
    const abort = new AbortController()
    await expect(take(c.read(undefined, abort.signal), 1, abort)).rejects.toThrow(
      /unreachable after 3 attempts/,
    )
    expect(c.health().state).toBe('failed')
  })
})
