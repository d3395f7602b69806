/**
 * Slack contract, end to end: a replay that fires signals posts Block Kit messages to the incoming
 * webhook, and hostile post text that reaches a message's sample posts can never ping a channel,
 * mention a user or show a spoofed link.
 */

import { once } from 'node:events'
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { generateSampleStream, sampleLineText } from '@pulse/sample'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cliEnv, freePort, REPO_ROOT, runCli, tempDir } from './support/cli.ts'

const HOSTILE = '<!channel> <@U123> <http://evil|trusted>'
const RAW_TOKENS = ['<!channel>', '<@U123>', '<http://evil|trusted>', '<!here>', '<!everyone>']

/**
 * Two days of the bundled sample (a day of warm-up, then the first seeded event), with the hostile text appended to
 * every post of the seeded events so that it lands among the signals' sample posts. Re-deliveries
 * get the same edit, so they stay byte-identical.
 */
async function writeHostileSample(path: string): Promise<number> {
  const out = createWriteStream(path, { encoding: 'utf8' })
  let hostile = 0
  let chunk: string[] = []
  for (const line of generateSampleStream({ days: 2 })) {
    if (line.kind !== 'invalid' && line.origin.startsWith('event:')) {
      if (line.kind === 'mention') hostile++
      chunk.push(JSON.stringify({ ...line.mention, text: `${line.mention.text} ${HOSTILE}` }))
    } else chunk.push(sampleLineText(line))
    if (chunk.length >= 2_048) {
      if (!out.write(`${chunk.join('\n')}\n`)) await once(out, 'drain')
      chunk = []
    }
  }
  out.end(chunk.length > 0 ? `${chunk.join('\n')}\n` : '')
  await once(out, 'finish')
  return hostile
}

interface Post {
  readonly path: string
  readonly contentType: string
  readonly body: string
}

describe('Slack webhook alerts from pulse start', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>
  let server: Server
  const posts: Post[] = []
  let hook: string
  let file: string
  let watchlist: string

  beforeAll(async () => {
    dir = await tempDir('slack')
    server = createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => {
        if (req.method === 'POST')
          posts.push({
            path: req.url ?? '',
            contentType: req.headers['content-type'] ?? '',
            body: Buffer.concat(chunks).toString('utf8'),
          })
        res.writeHead(200, { 'content-type': 'text/plain' }).end('ok')
      })
    })
    server.listen(0, '127.0.0.1')
    await once(server, 'listening')
    hook = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`
    // The default watchlist holds non-critical alerts during quiet hours (22:00–07:00 New York), so
    // the test would depend on the time it runs: the same watchlist without them.
    const config = JSON.parse(readFileSync(join(REPO_ROOT, 'config', 'watchlist.json'), 'utf8'))
    delete config.alerts.quietHours
    watchlist = join(dir.path, 'watchlist.json')
    writeFileSync(watchlist, JSON.stringify(config))
    file = join(dir.path, 'hostile-sample.jsonl')
    expect(await writeHostileSample(file)).toBeGreaterThan(100)
  })
  afterAll(async () => {
    server?.close()
    await dir?.remove()
  })

  it('posts Block Kit messages with hostile sample text escaped', async () => {
    const env = cliEnv({
      PULSE_DATA_DIR: join(dir.path, 'data'),
      PULSE_FEED_PORT: String(await freePort()),
      SLACK_WEBHOOK_URL: hook,
      PULSE_WATCHLIST: watchlist,
    })
    const run = await runCli(['start', '--replay', file, '--speed', 'max', '--exit-when-done'], env, 150_000)
    expect(run.code, run.stderr).toBe(0)

    expect(posts.length).toBeGreaterThan(0)
    const bodies = posts.map((p) => {
      expect(p.path).toBe('/hook')
      expect(p.contentType).toMatch(/application\/json/)
      const parsed: unknown = JSON.parse(p.body)
      expect(parsed).toMatchObject({ blocks: expect.any(Array) })
      return p.body
    })
    for (const body of bodies) {
      const blocks = (JSON.parse(body) as { blocks: Array<{ type?: unknown }> }).blocks
      expect(blocks.length).toBeGreaterThan(0)
      for (const b of blocks) expect(typeof b.type).toBe('string')
    }

    // The hostile text did reach Slack (so the check below is not vacuous)…
    const carrying = bodies.filter((b) => b.includes('&lt;!channel&gt;'))
    expect(carrying.length, 'no Slack message carried the hostile sample text').toBeGreaterThan(0)
    expect(carrying.some((b) => b.includes('&lt;@U123&gt;'))).toBe(true)
    expect(carrying.some((b) => b.includes('&lt;http://evil|trusted&gt;'))).toBe(true)
    // …and never as live mrkdwn control sequences.
    for (const body of bodies) {
      for (const token of RAW_TOKENS) expect(body).not.toContain(token)
      expect(body).not.toMatch(/(^|[^\u2060])@(channel|here|everyone)\b/)
    }
  })
})
