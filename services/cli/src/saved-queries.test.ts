import { describe, expect, it } from 'vitest'
import {
  bindParams,
  findSavedQuery,
  loadSavedQueries,
  parseParamFlag,
  parseSavedQuery,
  parseSince,
  parseUntil,
} from './saved-queries.ts'

const WINDOW =
  "-- @param since DateTime64(3, 'UTC') window start\n-- @param until DateTime64(3, 'UTC') window end\n"

const sample = `-- Share of voice: brand vs competitors,
-- per entity.
${WINDOW}-- @param top UInt32 = 25 rows to return
SELECT topic FROM mentions_per_hour
WHERE hour >= {since:DateTime64(3, 'UTC')} AND hour <= {until:DateTime64(3,'UTC')}
LIMIT {top:UInt32};
`

describe('parseSavedQuery', () => {
  it('reads the description, the parameters and the SQL without the trailing semicolon', () => {
    const q = parseSavedQuery('share-of-voice', sample)
    expect(q.description).toBe('Share of voice: brand vs competitors, per entity.')
    expect(q.params).toEqual([
      { name: 'since', type: "DateTime64(3, 'UTC')", description: 'window start' },
      { name: 'until', type: "DateTime64(3, 'UTC')", description: 'window end' },
      { name: 'top', type: 'UInt32', defaultValue: '25', description: 'rows to return' },
    ])
    expect(q.sql.startsWith('SELECT topic')).toBe(true)
    expect(q.sql.endsWith('{top:UInt32}')).toBe(true)
  })

  it.each([
    ['no description', `${WINDOW}SELECT 1`, /no description/],
    ['no SQL', '-- Just words\n', /no SQL/],
    ['an undeclared placeholder', '-- D\nSELECT {limit:UInt32}', /\{limit\} is used but not declared/],
    [
      'a type mismatch',
      '-- D\n-- @param n UInt32 = 1 n\nSELECT {n:String}',
      /is String in the SQL but UInt32/,
    ],
    [
      'a non-window parameter without default',
      '-- D\n-- @param n UInt32 n\nSELECT {n:UInt32}',
      /needs a default/,
    ],
    ['a malformed @param', '-- D\n-- @param\nSELECT 1', /cannot parse/],
  ])('refuses %s', (_label, text, error) => {
    expect(() => parseSavedQuery('q', text)).toThrow(error)
  })

  it('loads every shipped saved query, each with a description and bound (not spliced) window', () => {
    const queries = loadSavedQueries()
    expect(queries.map((q) => q.name)).toEqual([
      'emerging-terms',
      'misinformation-narratives',
      'response-time',
      'sentiment-trend',
      'share-of-voice',
      'unanswered-questions',
    ])
    for (const q of queries) {
      expect(q.description.length).toBeGreaterThan(20)
      expect(q.sql).toContain('{since:DateTime64(3, ')
      expect(q.sql).not.toMatch(/\$\{|%s/)
    }
  })
})

describe('findSavedQuery', () => {
  const queries = [parseSavedQuery('share-of-voice', sample), parseSavedQuery('b', '-- B\nSELECT 1')]
  it('finds by exact name', () => {
    expect(findSavedQuery(queries, 'b').sql).toBe('SELECT 1')
  })
  it('names every saved query when the name is unknown', () => {
    expect(() => findSavedQuery(queries, 'share')).toThrow(
      'no saved query "share"; saved queries are: share-of-voice, b (see --saved list)',
    )
  })
})

describe('parseSince', () => {
  it.each([
    ['90m', 90 * 60_000],
    ['24h', 86_400_000],
    ['7d', 7 * 86_400_000],
    ['2w', 14 * 86_400_000],
    [' 1h ', 3_600_000],
  ])('%s', (value, ms) => {
    expect(parseSince(value)).toBe(ms)
  })
  it.each(['', '7', 'd', '0h', '-1d', '1.5h', '7 d', '7D', '1y', '900d', '7d; DROP TABLE mentions', '７d'])(
    'refuses %j',
    (value) => {
      expect(() => parseSince(value)).toThrow(/--since/)
    },
  )
})

describe('parseUntil', () => {
  it('defaults to now and knows latest', () => {
    expect(parseUntil(undefined)).toEqual({ kind: 'now' })
    expect(parseUntil('latest')).toEqual({ kind: 'latest' })
  })
  it.each([
    ['2026-11-19', '2026-11-19T00:00:00.000Z'],
    ['2026-11-19 12:30', '2026-11-19T12:30:00.000Z'],
    ['2026-11-19T12:30:05Z', '2026-11-19T12:30:05.000Z'],
    ['2026-11-19T12:30:05+02:00', '2026-11-19T10:30:05.000Z'],
  ])('%s is read as UTC unless it says otherwise', (value, iso) => {
    const a = parseUntil(value)
    expect(a.kind === 'at' ? a.at.toISOString() : a.kind).toBe(iso)
  })
  it.each(['yesterday', '19/11/2026', '2026-13-45', "2026-11-19' OR 1=1"])('refuses %j', (value) => {
    expect(() => parseUntil(value)).toThrow(/--until/)
  })
})

describe('bindParams', () => {
  const q = parseSavedQuery('share-of-voice', sample)
  const window = { since: new Date('2026-11-18T00:00:00Z'), until: new Date('2026-11-19T00:00:00.5Z') }

  it('binds the window as UTC DateTime64 strings and defaults the rest', () => {
    expect(bindParams(q, window, {})).toEqual({
      since: '2026-11-18 00:00:00.000',
      until: '2026-11-19 00:00:00.500',
      top: '25',
    })
  })
  it('takes overrides for declared parameters only', () => {
    expect(bindParams(q, window, parseParamFlag('top=5')).top).toBe('5')
    expect(() => bindParams(q, window, { nope: '1' })).toThrow(/no parameter "nope" \(it takes top\)/)
    expect(() => bindParams(q, window, { since: '2020-01-01' })).toThrow(/--since\/--until/)
  })
  it('parses --param lists and refuses pairs without a name', () => {
    expect(parseParamFlag('a=1, b=x=y')).toEqual({ a: '1', b: 'x=y' })
    expect(parseParamFlag(undefined)).toEqual({})
    expect(() => parseParamFlag('=1')).toThrow(/name=value/)
  })
})
