import { describe, expect, it } from 'vitest'
import { parseNabTimestamp, parseSeriesCsv, parseSeriesLine } from './series-csv.ts'

describe('parseNabTimestamp', () => {
  it.each([
    ['2015-02-26 21:42:53', Date.UTC(2015, 1, 26, 21, 42, 53)],
    ['2015-03-03 04:37:53.000000', Date.UTC(2015, 2, 3, 4, 37, 53)],
    ['2015-03-03T04:37:53Z', Date.UTC(2015, 2, 3, 4, 37, 53)],
    ['2015-03-03 04:37', Date.UTC(2015, 2, 3, 4, 37)],
    ['2015-02-30 00:00:00', undefined],
    ['2015-13-01 00:00:00', undefined],
    ['2015-01-01 24:00:00', undefined],
    ['', undefined],
    ['😀', undefined],
    ['2015-01-01 00:00:00; DROP TABLE', undefined],
  ])('%s', (text, want) => {
    expect(parseNabTimestamp(text)).toBe(want)
  })
})

describe('parseSeriesLine', () => {
  it('keeps the text of both fields for echoing', () => {
    const r = parseSeriesLine('2015-02-26 21:42:53,104', 2)
    expect(r).toEqual({
      ok: true,
      row: {
        line: 2,
        timestampText: '2015-02-26 21:42:53',
        valueText: '104',
        timestampMs: Date.UTC(2015, 1, 26, 21, 42, 53),
        value: 104,
      },
    })
  })
  it.each([
    ['no comma', 'expected'],
    ['2015-02-26 21:42:53,', 'bad value'],
    ['2015-02-26 21:42:53,abc', 'bad value'],
    ['2015-02-26 21:42:53,Infinity', 'bad value'],
    ['yesterday,4', 'bad timestamp'],
  ])('%s → error naming the problem', (line, reason) => {
    const r = parseSeriesLine(line, 7)
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.line).toBe(7)
      expect(r.reason).toContain(reason)
    }
  })
  it('parses a CSV text, skipping the header and blank lines, with 1-based line numbers', () => {
    const rows = parseSeriesCsv('timestamp,value\r\n2015-02-26 21:42:53,1\n\nx,2\n')
    expect(rows.map((r) => (r.ok ? r.row.line : -r.line))).toEqual([2, -4])
  })
})
