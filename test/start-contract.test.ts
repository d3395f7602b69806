/**
 * The `pulse start --replay` contract, end to end in separate processes: every distinct valid
 * mention is stored once (exact and reformatted re-deliveries included), every invalid line becomes
 * exactly one dead letter whose reason names the problem, and a second run over the same data
 * directory is a no-op (the checkpoint says done).
 */
import { generateMentions } from '@pulse/sample'
import { describe, expect, it } from 'vitest'
import { queryCount, queryJson, replayWorkspace, runCli } from './support/cli.ts'

interface Fixture {
  readonly lines: string[]
  readonly validIds: Set<string>
  /** Line number (1-based) → what its dead letter's reason must say. */
  readonly invalid: Map<number, RegExp>
}

function buildFixture(): Fixture {
  const mentions = [...generateMentions(60, 4242)]
  const lines: string[] = []
  const validIds = new Set<string>()
  const invalid = new Map<number, RegExp>()
  const bad = (text: string, reason: RegExp): void => {
    lines.push(text)
    invalid.set(lines.length, reason)
  }
  const withField = (i: number, patch: Record<string, unknown>): string =>
    JSON.stringify({ ...mentions[i], ...patch })
  for (const [i, m] of mentions.entries()) {
    const json = JSON.stringify(m)
    lines.push(json)
    validIds.add(m.id)
    // Exact re-delivery: the same bytes again, right away and much later.
    if (i % 10 === 3) lines.push(json)
    // The same mention again, formatted differently (spaces after separators, padding).
    if (i % 15 === 7) lines.push(`  ${JSON.stringify(m, null, 1).replace(/\n/g, ' ')}\t `)
    if (i === 5) bad('this is not JSON at all', /not JSON/)
    if (i === 11) bad('{"id":"x:1","text":"trailing comma",}', /not JSON/)
    if (i === 17) bad('<html><body><h1>502 Bad Gateway</h1></body></html>', /not JSON/)
    if (i === 23) bad(json.slice(0, 40), /not JSON/)
    if (i === 29) {
      const { id: _drop, ...author } = m.author
      bad(withField(i, { id: `${m.id}-noauthorid`, author }), /schema: .*author\.id/)
    }
    if (i === 35)
      bad(withField(i, { id: `${m.id}-baddate`, createdAt: 'yesterday 3pm' }), /schema: .*createdAt/)
    if (i === 41)
      bad(withField(i, { id: `${m.id}-numdate`, createdAt: 1_795_000_000_000 }), /schema: .*createdAt/)
    if (i === 47) bad(withField(i, { id: 12345 }), /schema: .*\bid\b/)
    if (i === 53) bad(withField(i, { id: `${m.id}-nosource`, source: 'Carrier Pigeon!' }), /schema: .*source/)
  }
  lines.push(lines[0] ?? '')
  return { lines, validIds, invalid }
}

describe('pulse start --replay FILE --speed max --exit-when-done', () => {
  const fixture = buildFixture()
  const ws = replayWorkspace('start', fixture.lines)
  const start = () =>
    runCli(['start', '--replay', ws.file, '--speed', 'max', '--exit-when-done'], ws.env, 120_000)

  it('stores each distinct valid mention once and dead-letters each invalid line with its reason', async () => {
    // The fixture really contains what the test claims, or the counts below prove nothing.
    expect(fixture.lines.length).toBeGreaterThan(fixture.validIds.size + fixture.invalid.size)
    expect(fixture.invalid.size).toBe(9)

    const run = await start()
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toContain('Replay fully processed and stored.')

    const raw = await runCli(
      ['query', '--format', 'json', 'SELECT count() AS n FROM mentions'],
      ws.env,
      60_000,
    )
    expect(raw.code, raw.stderr).toBe(0)
    expect(raw.stdout).toMatch(/^\[\{"n":"?\d+"?\}\]\n$/)
    expect(await queryCount('SELECT count() AS n FROM mentions', ws.env)).toBe(fixture.validIds.size)
    expect(await queryCount('SELECT uniqExact(id) AS n FROM mentions', ws.env)).toBe(fixture.validIds.size)
    expect(await queryCount('SELECT count() AS n FROM dead_letters', ws.env)).toBe(fixture.invalid.size)

    const letters = await queryJson('SELECT reason, payload FROM dead_letters ORDER BY reason', ws.env)
    const seen = new Set<number>()
    for (const letter of letters) {
      const reason = String(letter.reason)
      const line = Number(/^line (\d+):/.exec(reason)?.[1])
      const expected = fixture.invalid.get(line)
      expect(expected, `dead letter for unexpected line: ${reason}`).toBeDefined()
      expect(reason).toMatch(expected ?? /^$/)
      expect(String(letter.payload)).toBe(fixture.lines[line - 1])
      seen.add(line)
    }
    expect([...seen].sort((a, b) => a - b)).toEqual([...fixture.invalid.keys()].sort((a, b) => a - b))
  })

  it('a second run on the same data dir exits 0 and changes nothing (checkpoint done)', async () => {
    const again = await start()
    expect(again.code, again.stderr).toBe(0)
    expect(again.stdout).toContain('Replay fully processed and stored.')
    expect(await queryCount('SELECT count() AS n FROM mentions', ws.env)).toBe(fixture.validIds.size)
    expect(await queryCount('SELECT count() AS n FROM dead_letters', ws.env)).toBe(fixture.invalid.size)
  })
})

describe('pulse start --replay - (JSONL piped on stdin) into a fresh data dir', () => {
  const fixture = buildFixture()
  const ws = replayWorkspace('start-stdin', [])

  it('stores each distinct valid mention once and dead-letters each invalid line', async () => {
    const run = await runCli(
      ['start', '--replay', '-', '--speed', 'max', '--exit-when-done'],
      ws.env,
      120_000,
      `${fixture.lines.join('\n')}\n`,
    )
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toContain('Replaying stdin')
    expect(await queryCount('SELECT count() AS n FROM mentions', ws.env)).toBe(fixture.validIds.size)
    expect(await queryCount('SELECT count() AS n FROM dead_letters', ws.env)).toBe(fixture.invalid.size)
  })
})
