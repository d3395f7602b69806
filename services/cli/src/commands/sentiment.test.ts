import { describe, expect, it } from 'vitest'
import { jsonLines, runCommand } from '../test-support.ts'
import { sentimentCommand } from './sentiment.ts'

async function run(input: string): Promise<{ code: number; lines: unknown[]; err: string }> {
  const { code, out, err } = await runCommand(sentimentCommand, { input })
  return { code, lines: jsonLines(out), err }
}

describe('pulse sentiment', () => {
  it('writes one {"id","score","label"} line per input line, in order', async () => {
    const { code, lines, err } = await run(
      [
        '{"id":"a","text":"I love this clinic!"}',
        '{"id":2,"text":"The wait was horrible"}',
        '{"id":"c","text":"Opening hours are 9 to 5"}',
      ].join('\n'),
    )
    expect(code).toBe(0)
    expect(err).toBe('')
    expect(lines).toEqual([
      { id: 'a', score: expect.any(Number), label: 'positive' },
      { id: 2, score: expect.any(Number), label: 'negative' },
      { id: 'c', score: 0, label: 'neutral' },
    ])
  })

  it('reports malformed lines on stderr with their number and carries on', async () => {
    const { code, lines, err } = await run(
      ['not json', '{"id":"x"}', '[1,2]', '', '{"id":"ok","text":"great"}'].join('\n'),
    )
    expect(code).toBe(0)
    expect(lines).toEqual([{ id: 'ok', score: expect.any(Number), label: 'positive' }])
    expect(err).toMatch(/^line 1: not JSON/m)
    expect(err).toMatch(/^line 2: "text" must be a string/m)
    expect(err).toMatch(/^line 3: expected an object/m)
  })

  it('honours "lang": unsupported languages score null, supported ones skip detection', async () => {
    const { lines } = await run(
      [
        '{"id":"fr","text":"great","lang":"fr"}',
        '{"id":"es","text":"horrible","lang":"es-MX"}',
        '{"id":"de","text":"Das ist wirklich nicht gut"}',
      ].join('\n'),
    )
    expect(lines).toEqual([
      { id: 'fr', score: null, label: null },
      { id: 'es', score: expect.any(Number), label: 'negative' },
      { id: 'de', score: null, label: null },
    ])
  })
})
