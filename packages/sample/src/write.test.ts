import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { decodeJson, mentionSchema } from '@pulse/core'
import { afterAll, describe, expect, it } from 'vitest'
import { summarizeSample, writeSampleJsonl } from './write.ts'

const dir = await mkdtemp(join(tmpdir(), 'pulse-sample-'))
afterAll(() => rm(dir, { recursive: true, force: true }))

describe('writeSampleJsonl', () => {
  it('writes JSONL whose contents match the returned counts, as the ingest would see them', async () => {
    const path = join(dir, 'sample.jsonl')
    const options = { days: 4, rate: 0.25, seed: 11, invalidRate: 0.01, duplicateRate: 0.02 }
    const summary = await writeSampleJsonl(path, options)
    const lines = (await readFile(path, 'utf8')).split('\n')
    expect(lines.pop()).toBe('')
    expect(lines).toHaveLength(summary.lines)
    const ids = new Set<string>()
    let deliveries = 0
    let deadLetters = 0
    const times: string[] = []
    for (const line of lines) {
      const out = decodeJson(mentionSchema, line)
      if (out.kind !== 'ok') {
        deadLetters++
        continue
      }
      deliveries++
      ids.add(out.value.id)
      times.push(out.value.createdAt)
    }
    expect(ids.size).toBe(summary.validDistinct)
    expect(deliveries - ids.size).toBe(summary.duplicates)
    expect(deadLetters).toBe(summary.invalid)
    expect(summary.lines).toBe(summary.validDistinct + summary.duplicates + summary.invalid)
    expect(times[0]).toBe(summary.firstCreatedAt)
    expect(times.at(-1)).toBe(summary.lastCreatedAt)
    expect(summary.events.map((e) => e.id)).toEqual([
      'gi-outbreak',
      'measles-alert',
      'vaccine-autism-myth',
      'er-complaint',
    ])
    expect(Object.values(summary.byOrigin).reduce((s, n) => s + n, 0)).toBe(summary.validDistinct)
    expect(summarizeSample(options)).toEqual(summary)
  })

  it('rejects when the file cannot be written', async () => {
    await expect(
      writeSampleJsonl(join(dir, 'missing', 'deeper', 'x.jsonl'), { days: 1, rate: 0.1 }),
    ).rejects.toThrow(/ENOENT/)
  })

  it('leaves events out when asked, and counts nothing for an empty-event stream', () => {
    const s = summarizeSample({ days: 1, rate: 0.1, events: false })
    expect(s.events).toEqual([])
    expect(Object.keys(s.byOrigin).some((o) => o.startsWith('event:'))).toBe(false)
  })
})
