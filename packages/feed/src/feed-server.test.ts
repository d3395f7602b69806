import { signalSchema } from '@pulse/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { buildSignal } from './testing/build-signal.ts'
import { openEventStream, startFeed } from './testing/feed-fixture.ts'

let feed: Awaited<ReturnType<typeof startFeed>>
beforeAll(async () => {
  feed = await startFeed({ heartbeatMs: 100, retryMs: 1500 })
  feed.hub.publish(
    buildSignal({ id: 'flu', severity: 'critical', key: { dimension: 'topic', value: 'flu' } }),
  )
  feed.hub.publish(buildSignal({ id: 'measles', severity: 'warning' }))
})
afterAll(async () => feed.close())

const triageSchema = z.looseObject({
  status: z.string(),
  by: z.string().nullable(),
  assignee: z.string().nullable(),
})
const listSchema = z.object({ signals: z.array(signalSchema), triage: z.record(z.string(), triageSchema) })
const detailSchema = z.object({
  signal: signalSchema,
  revisions: z.array(signalSchema),
  audit: z.array(
    z.looseObject({ action: z.string(), actor: z.string(), note: z.string(), revision: z.number() }),
  ),
  triage: triageSchema,
})
const errorSchema = z.object({ error: z.string().min(1) })
const getJson = async <T>(path: string, token: string, schema: z.ZodType<T>): Promise<T> =>
  schema.parse(await (await fetch(feed.url + path, { headers: bearer(token) })).json())

const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
const post = (path: string, token: string | undefined, body: unknown, type = 'application/json') =>
  fetch(feed.url + path, {
    method: 'POST',
    headers: { 'content-type': type, ...(token ? bearer(token) : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })

async function sessionCookie(token: string): Promise<string> {
  const res = await fetch(`${feed.url}/api/session`, { method: 'POST', headers: bearer(token) })
  expect(res.status).toBe(200)
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
}

describe('auth on every API route', () => {
  const routes: Array<[string, string]> = [
    ['GET', '/api/signals'],
    ['GET', '/api/signals/flu'],
    ['POST', '/api/signals/flu/actions'],
    ['GET', '/api/stream'],
    ['GET', '/api/session'],
    ['POST', '/api/session'],
    ['DELETE', '/api/session'],
  ]
  it.each(routes)('%s %s is 401 without a token or with a bad one', async (method, path) => {
    for (const headers of [{}, bearer('pulse_0000000000000000_bad'), { authorization: 'Basic YTpi' }]) {
      const res = await fetch(feed.url + path, { method, headers })
      expect(res.status).toBe(401)
      expect(res.headers.get('www-authenticate')).toContain('Bearer')
    }
  })

  it('accepts the session cookie on the stream only, not on other routes', async () => {
    const cookie = await sessionCookie(feed.viewer)
    expect((await fetch(`${feed.url}/api/signals`, { headers: { cookie } })).status).toBe(401)
    const stream = await openEventStream(`${feed.url}/api/stream`, { cookie })
    expect(stream.status).toBe(200)
    stream.close()
    const forged = cookie.replace(/\.[^.]+$/, '.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')
    expect((await fetch(`${feed.url}/api/stream`, { headers: { cookie: forged } })).status).toBe(401)
  })

  it('ends the stream session when its token is revoked', async () => {
    const temp = await feed.auth.issueToken('viewer', 'Temp')
    const cookie = await sessionCookie(temp.token)
    await feed.auth.revoke(temp.id)
    expect((await fetch(`${feed.url}/api/stream`, { headers: { cookie } })).status).toBe(401)
  })

  it('serves /healthz without auth and security headers everywhere', async () => {
    expect((await fetch(`${feed.url}/healthz`)).status).toBe(200)
    for (const path of ['/', '/assets/app.js', '/api/signals', '/nope']) {
      const res = await fetch(feed.url + path)
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'")
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    }
    const page = await (await fetch(`${feed.url}/`)).text()
    expect(page).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/)
    expect((await fetch(`${feed.url}/assets/app.js`)).headers.get('content-type')).toContain(
      'text/javascript',
    )
  })
})

describe('signals API', () => {
  it('lists signals ordered by severity with triage, and filters', async () => {
    const all = await getJson('/api/signals', feed.viewer, listSchema)
    expect(all.signals.map((s) => s.id)).toEqual(['flu', 'measles'])
    expect(all.triage.flu?.status).toBe('new')
    const some = await getJson('/api/signals?key=meas', feed.viewer, listSchema)
    expect(some.signals.map((s) => s.id)).toEqual(['measles'])
    const bad = await fetch(`${feed.url}/api/signals?severity=urgent`, { headers: bearer(feed.viewer) })
    expect(bad.status).toBe(400)
  })

  it('refuses a viewer action with 403 and records a responder action in the audit', async () => {
    expect((await post('/api/signals/measles/actions', feed.viewer, { action: 'acknowledge' })).status).toBe(
      403,
    )
    const res = await post('/api/signals/measles/actions', feed.responder, {
      action: 'acknowledge',
      note: 'on it',
    })
    expect(res.status).toBe(201)
    const detail = await getJson('/api/signals/measles', feed.viewer, detailSchema)
    expect(detail.audit).toMatchObject([
      { action: 'acknowledge', actor: 'Alice Responder', note: 'on it', revision: 1 },
    ])
    expect(detail.triage).toMatchObject({ status: 'acknowledged', by: 'Alice Responder' })
    expect(detail.revisions).toHaveLength(1)
  })

  const invalid: Array<[string, unknown, number, string?]> = [
    ['resolve without a note', { action: 'resolve' }, 400],
    ['assign without an assignee', { action: 'assign' }, 400],
    ['assignee on acknowledge', { action: 'acknowledge', assignee: 'Bob' }, 400],
    ['unknown action', { action: 'delete' }, 400],
    ['unknown field', { action: 'acknowledge', admin: true }, 400],
    ['huge note', { action: 'note', note: 'x'.repeat(2001) }, 400],
    ['not JSON', '{"action":', 400],
    ['a form post', 'action=acknowledge', 415, 'application/x-www-form-urlencoded'],
    ['an oversized body', { action: 'note', note: 'x'.repeat(20_000) }, 413],
  ]
  it.each(invalid)('refuses %s', async (_name, body, status, type) => {
    const res = await post('/api/signals/flu/actions', feed.responder, body, type)
    expect(res.status).toBe(status)
    expect(errorSchema.safeParse(await res.json()).success).toBe(true)
  })

  it('is 404 for an unknown signal', async () => {
    expect((await fetch(`${feed.url}/api/signals/nope`, { headers: bearer(feed.viewer) })).status).toBe(404)
    expect((await post('/api/signals/nope/actions', feed.responder, { action: 'acknowledge' })).status).toBe(
      404,
    )
  })
})

describe('event stream', () => {
  it('sends retry, the snapshot, then live revisions, triage and heartbeats', async () => {
    const stream = await openEventStream(`${feed.url}/api/stream?state=opened,escalating`, {
      cookie: await sessionCookie(feed.viewer),
    })
    expect(stream.headers.get('content-type')).toBe('text/event-stream; charset=utf-8')
    await stream.next((f) => f.event === 'retry:1500')
    const first = await stream.next((f) => f.event === 'signal')
    expect(JSON.parse(first.data).id).toBe('flu')
    await stream.next((f) => f.event === 'signal' && JSON.parse(f.data).id === 'measles')
    await stream.next((f) => f.event === 'triage' && JSON.parse(f.data).signalId === 'measles')
    expect(JSON.parse((await stream.next((f) => f.event === 'ready')).data)).toEqual({ count: 2 })

    feed.hub.publish(buildSignal({ id: 'rsv', title: 'RSV questions rising', state: 'opened' }))
    expect(JSON.parse((await stream.next((f) => f.event === 'signal')).data).title).toBe(
      'RSV questions rising',
    )
    // Resolving leaves the state filter, but the client still hears about it.
    feed.hub.publish(buildSignal({ id: 'rsv', revision: 2, state: 'resolved' }))
    expect(JSON.parse((await stream.next((f) => f.event === 'signal')).data)).toMatchObject({
      id: 'rsv',
      state: 'resolved',
    })
    // A resolved signal never sent on this connection stays filtered out.
    feed.hub.publish(buildSignal({ id: 'old', state: 'resolved' }))
    await post('/api/signals/flu/actions', feed.responder, { action: 'assign', assignee: 'Night desk' })
    const triage = JSON.parse((await stream.next((f) => f.event === 'triage' || f.event === 'signal')).data)
    expect(triage).toMatchObject({ signalId: 'flu', triage: { status: 'assigned', assignee: 'Night desk' } })
    expect((await stream.next((f) => f.comment !== undefined)).comment).toBe('heartbeat')
    stream.close()
  })
})
