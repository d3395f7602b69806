import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { EmbeddedBus, type IncomingMessage } from '@pulse/bus'
import { type DeadLetter, ORIGIN_HEADER, silentLogger, systemClock, TOPICS } from '@pulse/core'
import { afterEach, describe, expect, it } from 'vitest'
import { isOrgHandle, startReplay } from './replay.ts'

const mention = (id: string, handle = 'jane.bsky.social'): string =>
  JSON.stringify({
    id,
    source: 'bluesky',
    author: { id: `did:${id}`, handle },
    text: 'Flu shot done #FluSeason',
    createdAt: '2026-11-20T14:03:11+01:00',
  })

describe('replay', () => {
  let dir: string | undefined
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('passes lines on as they are, keyed by id, marks the organisation, and dead-letters what is not JSON', async () => {
    dir = mkdtempSync(join(tmpdir(), 'pulse-replay-'))
    const bus = new EmbeddedBus()
    const seen = new Map<string, IncomingMessage[]>()
    await bus.consume({
      groupId: 'test',
      topics: [TOPICS.mentionsRaw, TOPICS.deadLetters],
      handler: async (batch) => {
        seen.set(batch.topic, [...(seen.get(batch.topic) ?? []), ...batch.messages])
      },
    })
    const lines = [
      mention('a:1'),
      '   ',
      '{"id": "a:2", oops',
      mention('a:3', '@StMarysHealth'),
      '{"source":"bluesky"}',
    ]
    const replay = await startReplay({
      file: '-',
      stdin: Readable.from([Buffer.from(`${lines.join('\n')}\n`)]),
      speed: 'max',
      checkpointDir: dir,
      bus,
      logger: silentLogger,
      clock: systemClock,
      orgHandles: new Set(['stmaryshealth']),
      signal: new AbortController().signal,
    })
    await expect
      .poll(() => (seen.get(TOPICS.mentionsRaw)?.length ?? 0) + (seen.get(TOPICS.deadLetters)?.length ?? 0))
      .toBe(4)
    await replay.stop()
    await bus.close()

    const raw = seen.get(TOPICS.mentionsRaw) ?? []
    const text = (m: IncomingMessage): string => Buffer.from(m.value).toString('utf8')
    const byLine = new Map(raw.map((m) => [Number(m.headers[ORIGIN_HEADER]?.split('#')[1]), m]))
    // Line 1 travels byte for byte (enrich validates and normalises it), keyed by its id.
    expect(text(byLine.get(1) as IncomingMessage)).toBe(lines[0])
    expect(byLine.get(1)?.key).toBe('a:1')
    // Line 4 is by the organisation's account.
    expect(JSON.parse(text(byLine.get(4) as IncomingMessage))).toMatchObject({ id: 'a:3', fromOrg: true })
    // Line 5 is JSON without an id: passed on unkeyed, for enrich to refuse with the reason.
    expect(byLine.get(5)?.key).toBeNull()
    expect([...byLine.keys()].sort()).toEqual([1, 4, 5])

    const letters = (seen.get(TOPICS.deadLetters) ?? []).map((m) => JSON.parse(text(m)) as DeadLetter)
    expect(letters).toHaveLength(1)
    expect(letters[0]).toMatchObject({
      stage: 'ingest.replay',
      reason: expect.stringMatching(/^line 3: not JSON/),
      payload: lines[2],
    })
    expect(replay.stats).toMatchObject({ lines: 5, published: 3, invalid: 1 })
  })

  it('recognises organisation handles with or without @, case and domain', () => {
    const org = new Set(['stmaryshealth'])
    for (const h of ['stmaryshealth', '@StMarysHealth', 'stmaryshealth.bsky.social']) {
      expect([h, isOrgHandle(h, org)]).toEqual([h, true])
    }
    for (const h of ['stmarys', '', null, 42, 'jane.stmaryshealth.social']) {
      expect([h, isOrgHandle(h, org)]).toEqual([h, false])
    }
  })
})
