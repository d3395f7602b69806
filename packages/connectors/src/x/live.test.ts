import type { IncomingMessage, ServerResponse } from 'node:http'
import { manualClock } from '@pulse/core'
import { afterEach, describe, expect, it } from 'vitest'
import type { Delivery } from '../framework/connector.ts'
import { type LocalServer, localServer, recordingSleep, take } from '../testing/local-server.ts'
import { createXConnector, type XCheckpoint } from './connector.ts'

const tweet = (id: string): Record<string, unknown> => ({
  id,
  text: `measles clinic ${id}`,
  author_id: '9',
  created_at: '2024-01-01T00:00:00.000Z',
})
const users = { users: [{ id: '9', username: 'CountyHealth', name: 'County Health' }] }
/** A stream line: one tweet, its author and the rule it matched. */
const line = (id: string): string =>
  `${JSON.stringify({ data: tweet(id), includes: users, matching_rules: [{ id: '3', tag: 'pulse:term:measles' }] })}\r\n`
/** A recent-search page, newest first, as X sends it. */
const page = (ids: string[], nextToken?: string): string =>
  JSON.stringify({
    data: ids.map(tweet),
    includes: users,
    meta: {
      newest_id: ids[0],
      oldest_id: ids.at(-1),
      result_count: ids.length,
      ...(nextToken ? { next_token: nextToken } : {}),
    },
  })
const json = { 'content-type': 'application/json' }
const UNAUTHORIZED = '{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}'

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve) => {
    let body = ''
    req.on('data', (c: Buffer) => {
      body += c.toString('utf8')
    })
    req.on('end', () => resolve(body))
  })

const ids = (c: ReturnType<typeof createXConnector>, got: Delivery<XCheckpoint>[]): string[] =>
  got.flatMap((d) => c.normalise(d.raw)).map((o) => (o.kind === 'ok' ? o.value.id : o.kind))
const param = (url: string, name: string): string | null => new URL(url, 'http://x').searchParams.get(name)

let server: LocalServer | undefined
afterEach(async () => server?.close())

describe('X filtered stream (live, local server)', () => {
  it('syncs rules once (deletes only stale Pulse rules), streams, and backfills the gap with since_id after a drop', async () => {
    const posts: unknown[] = []
    let streams = 0
    server = await localServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x')
      if (url.pathname === '/2/tweets/search/stream/rules' && req.method === 'GET') {
        res.writeHead(200, json).end(
          JSON.stringify({
            data: [
              { id: '1', value: 'old', tag: 'pulse:term:old' },
              { id: '2', value: 'theirs', tag: 'crm' },
              { id: '3', value: 'measles', tag: 'pulse:term:measles' },
            ],
            meta: { sent: '2024-01-01T00:00:00.000Z', result_count: 3 },
          }),
        )
      } else if (url.pathname === '/2/tweets/search/stream/rules') {
        void readBody(req).then((body) => {
          posts.push(JSON.parse(body))
          res.writeHead(200, json).end('{"meta":{"sent":"2024-01-01T00:00:00.000Z","summary":{}}}')
        })
      } else if (url.pathname === '/2/tweets/search/stream') {
        streams++
        res.writeHead(200, json)
        if (streams === 1)
          res.end(`${line('101')}\r\n${line('102')}`) // dropped after two tweets
        else res.write(line('104')) // stays open
      } else if (url.pathname === '/2/tweets/search/recent') {
        res.writeHead(200, json).end(page(['103']))
      } else res.writeHead(404).end()
    })
    const { sleep, waits } = recordingSleep()
    const c = createXConnector({
      bearerToken: 'BT',
      mode: 'stream',
      terms: ['measles', 'flu shot'],
      apiBase: server.base,
      sleep,
      random: () => 0.5,
    })
    const abort = new AbortController()
    const got = await take(c.read(undefined, abort.signal), 4, abort)

    expect(ids(c, got)).toEqual(['x:101', 'x:102', 'x:103', 'x:104'])
    expect(got.map((d) => d.checkpoint.sinceId)).toEqual(['101', '102', '103', '104'])
    expect(posts).toEqual([
      { delete: { ids: ['1'] } },
      { add: [{ value: '"flu shot"', tag: 'pulse:term:flu shot' }] },
    ])
    expect(server.requests.map((r) => `${r.method} ${new URL(r.url, 'http://x').pathname}`)).toEqual([
      'GET /2/tweets/search/stream/rules',
      'POST /2/tweets/search/stream/rules',
      'POST /2/tweets/search/stream/rules',
      'GET /2/tweets/search/stream',
      'GET /2/tweets/search/recent',
      'GET /2/tweets/search/stream',
    ])
    const recent = server.requests.find((r) => r.url.startsWith('/2/tweets/search/recent'))
    expect(param(recent?.url ?? '', 'since_id')).toBe('102')
    expect(param(recent?.url ?? '', 'query')).toBe('(measles) OR ("flu shot")')
    expect(server.requests.every((r) => r.headers.authorization === 'Bearer BT')).toBe(true)
    expect(waits).toEqual([750]) // one reconnect backoff, no retry storm
    expect(c.health()).toMatchObject({ reconnects: 1, errors: 0 })
  })
})

describe('X recent search polling (live, local server)', () => {
  it('waits out a 429 until x-rate-limit-reset, pages next_token back to since_id, delivers oldest page first and advances the checkpoint', async () => {
    const t0 = Date.parse('2024-01-01T00:00:00Z')
    const clock = manualClock(t0)
    let calls = 0
    server = await localServer((req, res) => {
      calls++
      const next = param(req.url ?? '/', 'next_token')
      const since = param(req.url ?? '/', 'since_id')
      if (calls === 1) {
        res
          .writeHead(429, {
            ...json,
            'x-rate-limit-limit': '450',
            'x-rate-limit-remaining': '0',
            'x-rate-limit-reset': String(t0 / 1000 + 900),
          })
          .end('{"title":"Too Many Requests","detail":"Too Many Requests","type":"about:blank","status":429}')
        return
      }
      const headers = { ...json, 'x-rate-limit-limit': '450', 'x-rate-limit-remaining': '440' }
      if (since === '300') res.writeHead(200, headers).end(page(['301']))
      else if (next === 'tok2') res.writeHead(200, headers).end(page(['200', '150']))
      else res.writeHead(200, headers).end(page(['300', '250'], 'tok2'))
    })
    const { sleep, waits } = recordingSleep()
    const c = createXConnector({
      bearerToken: 'BT',
      mode: 'search',
      hashtags: ['#Measles'],
      pollIntervalMs: 60_000,
      apiBase: server.base,
      clock,
      sleep,
      random: () => 0.5,
    })
    const abort = new AbortController()
    const got = await take(c.read({ sinceId: '100' }, abort.signal), 3, abort)

    expect(ids(c, got)).toEqual(['x:200', 'x:150', 'x:300', 'x:250', 'x:301'])
    expect(got.map((d) => d.checkpoint.sinceId)).toEqual(['200', '300', '301'])
    expect(server.requests.map((r) => [param(r.url, 'since_id'), param(r.url, 'next_token')])).toEqual([
      ['100', null], // 429
      ['100', null],
      ['100', 'tok2'],
      ['300', null], // next pass resumes from the advanced checkpoint
    ])
    expect(waits).toEqual([900_000, 60_000])
    expect(server.requests.every((r) => r.headers.authorization === 'Bearer BT')).toBe(true)
    expect(c.health().rateLimit).toMatchObject({ remaining: 440, limit: 450 })
  })
})

type Handler = (req: IncomingMessage, res: ServerResponse) => void

describe('X faults that retrying cannot fix stop the connector after one try', () => {
  const rulesOk: Handler = (req, res) => {
    if (req.method === 'GET')
      res.writeHead(200, json).end('{"meta":{"sent":"2024-01-01T00:00:00.000Z","result_count":0}}')
    else
      res.writeHead(200, json).end(
        JSON.stringify({
          meta: {
            sent: '2024-01-01T00:00:00.000Z',
            summary: { created: 0, not_created: 1, valid: 0, invalid: 1 },
          },
          errors: [
            {
              value: 'measles',
              title: 'UnprocessableEntity',
              type: 'https://api.twitter.com/2/problems/invalid-rules',
              details: ['Rule is not supported at your access level'],
            },
          ],
        }),
      )
  }
  const unauthorized: Handler = (_req, res) => {
    res.writeHead(401, json).end(UNAUTHORIZED)
  }

  it.each([
    [
      'stream: bearer token rejected while reading rules',
      'stream',
      unauthorized,
      1,
      /^x: credentials rejected \(401\).*Unauthorized/,
    ],
    ['search: bearer token rejected', 'search', unauthorized, 1, /^x: credentials rejected \(401\)/],
    ['stream: X refuses a rule', 'stream', rulesOk, 2, /^x: adding rules refused: UnprocessableEntity/],
  ] as const)('%s', async (_, mode, handler, requests, message) => {
    const abort = new AbortController()
    server = await localServer((req, res) => {
      // A retry loop would spin here; end it so the test fails fast instead of hanging.
      if ((server?.requests.length ?? 0) > 10) abort.abort()
      handler(req, res)
    })
    const c = createXConnector({
      bearerToken: 'bad',
      mode,
      terms: ['measles'],
      apiBase: server.base,
      sleep: recordingSleep().sleep,
    })
    await expect(take(c.read(undefined, abort.signal), 1, abort)).rejects.toMatchObject({
      code: 'SOURCE_FAILED',
      message: expect.stringMatching(message),
    })
    expect(server.requests).toHaveLength(requests)
    expect(c.health().state).toBe('failed')
  })
})
