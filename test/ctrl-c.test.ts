/**
 * Ctrl-C on `pnpm pulse start`, as a terminal sends it (SIGINT to the whole foreground process
 * group: pnpm and pulse both get it, and pnpm relays it once more): pulse drains, and the command
 * the user typed exits 0. A second run over the same data directory picks up where the first
 * stopped, and every mention ends up stored exactly once.
 */
import { generateMentions } from '@pulse/sample'
import { describe, expect, it } from 'vitest'
import { queryCount, replayWorkspace, runCli, spawnCli } from './support/cli.ts'

describe('Ctrl-C on pnpm pulse start', () => {
  const mentions = [...generateMentions(3_000, 777)]
  const ws = replayWorkspace(
    'ctrl-c',
    mentions.map((m) => JSON.stringify(m)),
  )

  it('drains, exits 0, and a restart stores the rest exactly once', { timeout: 180_000 }, async () => {
    // Replayed at 600× real time, the file (about four days of posts) takes minutes: Ctrl-C lands mid-stream.
    const run = spawnCli(['start', '--replay', ws.file, '--speed', '600'], ws.env, { via: 'pnpm' })
    try {
      await run.waitFor(/mentions [\d,]+ read .* [1-9][\d,]* stored/, 90_000)
      const pid = run.child.pid
      if (pid === undefined) throw new Error('no pid')
      process.kill(-pid, 'SIGINT')
      const stopped = await run.exitWithin(60_000)
      expect(stopped.stdout).toMatch(/Stopping: draining and committing/)
      expect({ code: stopped.code, signal: stopped.signal }).toEqual({ code: 0, signal: null })
    } finally {
      run.killAll()
    }
    const before = await queryCount('SELECT count() AS n FROM mentions', ws.env)
    expect(before).toBeGreaterThan(0)
    expect(before).toBeLessThan(mentions.length)

    const resumed = await runCli(['start', '--replay', ws.file, '--speed', 'max', '--exit-when-done'], ws.env)
    expect(resumed.code).toBe(0)
    expect(await queryCount('SELECT count() AS n FROM mentions', ws.env)).toBe(mentions.length)
    expect(await queryCount('SELECT uniqExact(id) AS n FROM mentions', ws.env)).toBe(mentions.length)
  })
})
