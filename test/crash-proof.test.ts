/**
 * Crash proof: `pulse start --replay` is SIGKILLed (whole process group) at seeded random moments,
 * restarted with the same arguments, and finally run to completion. Nothing may be lost and nothing
 * counted twice: stored mentions = distinct valid ids, dead letters = invalid lines, and the
 * per-minute aggregates equal a recount from the raw rows.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { crashFile, seededRandom } from './support/chaos-data.ts'
import { num, queryJson, readReplayCheckpoint, startPulse } from './support/chaos-process.ts'

const SEED = Number(process.env.PULSE_CHAOS_SEED ?? 4242)
const KILLS = 5

describe('crash proof: kill -9 during a replay, then resume', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pulse-crash-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('loses nothing and counts nothing twice across repeated SIGKILLs', async () => {
    const fixture = crashFile(20_000, 2_000, 1_500, SEED)
    const file = join(dir, 'mentions.jsonl')
    writeFileSync(file, `${fixture.lines.join('\n')}\n`)
    const dataDir = join(dir, 'data')
    const rnd = seededRandom(SEED)
    const lines = fixture.lines.length

    // The killed runs replay at event-time pace (the whole file would take ~30 s), so every kill lands
    // mid-stream however fast the pipeline is; the last run finishes at max speed.
    const times = fixture.lines.flatMap((l) => {
      const t = /"createdAt":"([^"]+)"/.exec(l)?.[1]
      const ms = t === undefined ? Number.NaN : Date.parse(t)
      return Number.isFinite(ms) ? [ms] : []
    })
    const spanMs = Math.max(...times) - Math.min(...times)
    const pace = String(Math.max(1, Math.round(spanMs / 30_000)))
    const killedAt: number[] = []
    for (let i = 0; i < KILLS; i++) {
      const run = startPulse(dataDir, file, 100, pace)
      // Kill at a random moment after this run has made progress of its own (the checkpoint moved).
      const before = readReplayCheckpoint(dataDir)?.line ?? 0
      const extra = Math.floor(rnd() * 700)
      let progressedAt: number | undefined
      const poll = setInterval(() => {
        const now = Date.now()
        if (progressedAt === undefined && (readReplayCheckpoint(dataDir)?.line ?? 0) > before)
          progressedAt = now
        if (progressedAt !== undefined && now - progressedAt >= extra) run.kill9()
      }, 50)
      const exit = await run.exited
      clearInterval(poll)
      expect(exit.signal, `run ${i} should have been killed, output:\n${run.output()}`).toBe('SIGKILL')
      killedAt.push(readReplayCheckpoint(dataDir)?.line ?? 0)
    }
    // Every kill landed before the end, and the checkpoint only ever moves forward.
    expect(killedAt.every((l) => l < lines)).toBe(true)
    expect([...killedAt].sort((a, b) => a - b)).toEqual(killedAt)
    expect(killedAt.at(-1)).toBeGreaterThan(0)

    const last = startPulse(dataDir, file)
    const exit = await last.exited
    expect(exit, last.output()).toEqual({ code: 0, signal: null })
    expect(readReplayCheckpoint(dataDir)).toEqual({ line: lines, done: true })

    const [counts] = await queryJson(
      dataDir,
      'SELECT (SELECT count() FROM mentions) AS mentions, (SELECT uniqExact(id) FROM mentions) AS ids, ' +
        "(SELECT count() FROM dead_letters) AS letters, (SELECT countIf(reason = '') FROM dead_letters) AS unexplained",
    )
    expect({
      mentions: num(counts?.mentions),
      ids: num(counts?.ids),
      letters: num(counts?.letters),
      unexplained: num(counts?.unexplained),
    }).toEqual({
      mentions: fixture.distinctValidIds,
      ids: fixture.distinctValidIds,
      letters: fixture.invalidSeqs.length,
      unexplained: 0,
    })

    // The MV arrayJoins topics, so compare per (minute, topic) with a recount from raw rows.
    const aggregated = await queryJson(
      dataDir,
      'SELECT toString(minute) AS m, topic AS t, uniqExactMerge(mentions) AS n FROM mentions_per_minute ' +
        'GROUP BY m, t ORDER BY m, t',
    )
    const recount = await queryJson(
      dataDir,
      "SELECT toString(toDateTime(toStartOfMinute(created_at), 'UTC')) AS m, " +
        "arrayJoin(if(empty(topics), [''], topics)) AS t, count() AS n FROM mentions GROUP BY m, t ORDER BY m, t",
    )
    const norm = (rows: Record<string, unknown>[]): string[] => rows.map((r) => `${r.m}|${r.t}|${num(r.n)}`)
    expect(recount.length).toBeGreaterThan(1_000)
    expect(norm(aggregated)).toEqual(norm(recount))
    console.info(`crash-proof: checkpoints at kills ${killedAt.join(', ')} of ${lines} lines`)
  })
})
