/**
 * Hostile input: ≥ 10,000 malformed, oversized, typed-wrong, injection-laden and out-of-range lines
 * (see RELIED_LIMITS) mixed with valid mentions, some of which carry SQL, Slack mrkdwn, RTL and
 * emoji in their text. Every invalid line is dead-lettered with a reason, every valid mention is
 * stored with its text intact, the process exits 0 and its memory stays bounded.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { hostileLines } from './support/chaos-hostile.ts'
import { num, queryJson, startPulse } from './support/chaos-process.ts'

const MAX_RSS = 1.5 * 1024 ** 3

describe('hostile input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pulse-hostile-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('dead-letters every hostile line with a reason, stores every valid one intact, in bounded memory', async () => {
    const lines = hostileLines(10_500, 2_500, 99)
    const file = join(dir, 'hostile.jsonl')
    writeFileSync(file, Buffer.concat(lines.flatMap((l) => [l.bytes, Buffer.from('\n')])))
    const invalidSeqs = new Set<number>()
    const valid = new Map<string, string | undefined>()
    lines.forEach((l, i) => {
      if (!l.valid) invalidSeqs.add(i + 1)
      else if (l.id) valid.set(l.id, l.mustContain)
    })
    expect(invalidSeqs.size).toBeGreaterThanOrEqual(10_000)

    const dataDir = join(dir, 'data')
    const run = startPulse(dataDir, file, 50)
    const exit = await run.exited
    expect(exit, run.output()).toEqual({ code: 0, signal: null })
    console.info(`hostile-input: peak RSS ${(run.peakRss() / 1024 ** 2).toFixed(0)} MiB`)
    expect(run.peakRss()).toBeGreaterThan(0)
    expect(run.peakRss()).toBeLessThan(MAX_RSS)

    const letters = await queryJson(dataDir, 'SELECT reason, stage FROM dead_letters')
    const seqs = new Set<number>()
    for (const l of letters) {
      expect(String(l.reason).trim()).not.toBe('')
      const m = /^line (\d+): /.exec(String(l.reason))
      expect(m, `dead letter without a line: ${String(l.stage)} ${String(l.reason)}`).not.toBeNull()
      seqs.add(Number(m?.[1]))
    }
    expect(letters.length).toBe(invalidSeqs.size)
    const missing = [...invalidSeqs].filter((s) => !seqs.has(s))
    expect(missing.map((s) => lines[s - 1]?.kind)).toEqual([])

    const stored = await queryJson(dataDir, 'SELECT id, text FROM mentions')
    expect(stored.length).toBe(valid.size)
    const texts = new Map(stored.map((r) => [String(r.id), String(r.text)]))
    for (const [id, mustContain] of valid) {
      expect(texts.has(id), id).toBe(true)
      if (mustContain) expect(texts.get(id), id).toContain(mustContain)
    }
    const [sizes] = await queryJson(dataDir, 'SELECT max(lengthUTF8(payload)) AS p FROM dead_letters')
    expect(num(sizes?.p)).toBeLessThanOrEqual(16 * 1024 + 64)
  })
})
