import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type EnrichedMention, enrichedMentionSchema } from '@pulse/core'
import { afterEach, describe, expect, it } from 'vitest'
import { runDetectOver } from './test-support.ts'

const BUCKET = 5 * 60_000
const START = Date.parse('2026-11-10T00:00:00.000Z')

/** Two days of a steady topic: eight posts in every 5-minute bucket, nothing unusual anywhere. */
function steadyStream(): EnrichedMention[] {
  const out: EnrichedMention[] = []
  for (let b = 0; b < 2 * 288; b++) {
    for (let i = 0; i < 8; i++) {
      const n = b * 8 + i
      out.push(
        enrichedMentionSchema.parse({
          id: `steady:${n}`,
          source: 'bluesky',
          author: { id: `h:author${n % 500}` },
          text: `the usual talk about flu shots, number ${n}`,
          createdAt: new Date(START + b * BUCKET + i * 30_000).toISOString(),
          lang: 'en',
          sentiment: { score: 0.1, label: 'neutral' },
          topics: ['vaccines'],
          enrichedAt: new Date(START).toISOString(),
        }),
      )
    }
  }
  return out
}

describe('detect service with a backlog', () => {
  let dir: string | undefined
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('closes buckets only as far as every partition has got, so a backlog read partition by partition raises no spike', async () => {
    dir = mkdtempSync(join(tmpdir(), 'pulse-detect-backlog-'))
    const stream = steadyStream()
    // The whole backlog is queued before the service starts: each partition then comes in one
    // batch covering both days, far ahead of the partitions not read yet.
    const { stats, signals } = await runDetectOver({ mentions: stream, dataDir: dir, backlog: true })
    expect(stats.buckets).toBeGreaterThan(500)
    expect(signals.filter((s) => s.kind !== 'phi_exposure')).toEqual([])
  }, 60_000)
})
