import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCommand } from '../test-support.ts'
import { detectSeriesCommand } from './detect-series.ts'

async function runOn(csv: string): Promise<{ code: number; out: string; err: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'detect-series-'))
  writeFileSync(join(dir, 'in.csv'), csv)
  return runCommand(detectSeriesCommand, { args: ['in.csv'], cwd: dir })
}

const rows = Array.from({ length: 1200 }, (_, i) => {
  const t = new Date(Date.UTC(2015, 1, 26) + i * 300_000).toISOString().replace('T', ' ').slice(0, 19)
  return `${t},${i === 1000 ? 400 : 10 + (i % 7)}`
})

describe('pulse detect-series', () => {
  it('echoes every row with a score in [0, 1], and flags the spike', async () => {
    const { code, out, err } = await runOn(`timestamp,value\n${rows.join('\n')}\n`)
    expect(code).toBe(0)
    expect(err).toBe('')
    const lines = out.trim().split('\n')
    expect(lines[0]).toBe('timestamp,value,anomaly_score')
    expect(lines).toHaveLength(1201)
    expect(lines[1]?.startsWith(`${rows[0]},`)).toBe(true)
    const scores = lines.slice(1).map((l) => Number(l.split(',')[2]))
    expect(scores.every((s) => s >= 0 && s <= 1)).toBe(true)
    expect(scores.indexOf(Math.max(...scores))).toBe(1000)
  })

  it('is causal: the first k rows score the same alone as within the whole file', async () => {
    const whole = await runOn(`timestamp,value\n${rows.join('\n')}\n`)
    const prefix = await runOn(`timestamp,value\n${rows.slice(0, 1001).join('\n')}\n`)
    expect(whole.out.startsWith(prefix.out)).toBe(true)
  })

  it('names bad lines on stderr, writes no row for them, and carries on', async () => {
    const csv = `timestamp,value\n${rows[0]}\nnot a row\n2015-02-26 00:10:00,abc\n${rows[2]}\n`
    const { code, out, err } = await runOn(csv)
    expect(code).toBe(0)
    expect(out.trim().split('\n')).toHaveLength(3)
    expect(err).toContain('line 3:')
    expect(err).toContain('line 4: bad value')
  })
})
