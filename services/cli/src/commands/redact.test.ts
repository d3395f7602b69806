import { describe, expect, it } from 'vitest'
import { jsonLines, runCommand } from '../test-support.ts'
import { redactCommand } from './redact.ts'

async function run(
  input: string,
  args: string[] = [],
): Promise<{ code: number; lines: unknown[]; err: string }> {
  const { code, out, err } = await runCommand(redactCommand, { input, args })
  return { code, lines: jsonLines(out), err }
}

describe('pulse redact', () => {
  it('writes redacted text with entity offsets into the input, one line per input line', async () => {
    const { code, lines, err } = await run(
      `${JSON.stringify({ id: 'a', text: 'call (555) 123-4567 about COVID-19' })}\n${JSON.stringify({ id: 7, text: 'no PHI' })}\n`,
    )
    expect(code).toBe(0)
    expect(err).toBe('')
    expect(lines).toEqual([
      { id: 'a', text: 'call [PHONE] about COVID-19', entities: [{ kind: 'PHONE', start: 5, end: 19 }] },
      { id: 7, text: 'no PHI', entities: [] },
    ])
  })

  it('reports malformed lines on stderr by line number and carries on', async () => {
    const { code, lines, err } = await run(
      `not json\n{"id":"b"}\n[1]\n\n${JSON.stringify({ id: 'c', text: 'SSN 123-45-6789' })}\n`,
    )
    expect(code).toBe(0)
    expect(err).toMatch(/^line 1: not JSON/m)
    expect(err).toMatch(/^line 2: "text" must be a string/m)
    expect(err).toMatch(/^line 3: expected an object/m)
    expect(lines).toEqual([{ id: 'c', text: 'SSN [SSN]', entities: [{ kind: 'SSN', start: 4, end: 15 }] }])
  })

  it('leaves published hotlines alone when told', async () => {
    const input = `${JSON.stringify({ id: 'h', text: 'call 1-800-232-4636 or 555-123-4567' })}\n`
    const { lines } = await run(input, ['--published-phones', '(800) 232-4636'])
    expect(lines).toEqual([
      { id: 'h', text: 'call 1-800-232-4636 or [PHONE]', entities: [{ kind: 'PHONE', start: 23, end: 35 }] },
    ])
  })
})
