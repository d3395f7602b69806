import { describe, expect, it } from 'vitest'
import { applyFilter, compareSignals, parseSignalFilter } from './filters.ts'
import { buildSignal } from './testing/build-signal.ts'

const at = (min: number) => new Date(Date.parse('2025-03-01T12:00:00Z') + min * 60_000).toISOString()

const signals = [
  buildSignal({ id: 'old-critical', severity: 'critical', updatedAt: at(0) }),
  buildSignal({ id: 'new-info', severity: 'info', updatedAt: at(30), kind: 'emerging_term' }),
  buildSignal({ id: 'new-critical', severity: 'critical', updatedAt: at(20), state: 'escalating' }),
  buildSignal({
    id: 'warning-flu',
    severity: 'warning',
    updatedAt: at(10),
    key: { dimension: 'hashtag', value: 'FluSeason' },
    evidence: { topSources: [{ value: 'Mastodon', count: 3 }] },
  }),
  buildSignal({ id: 'resolved', severity: 'warning', updatedAt: at(5), state: 'resolved' }),
]

describe('ordering', () => {
  it('puts severity first, then the most recently updated, then id', () => {
    expect([...signals].sort(compareSignals).map((s) => s.id)).toEqual([
      'new-critical',
      'old-critical',
      'warning-flu',
      'resolved',
      'new-info',
    ])
    const twins = [buildSignal({ id: 'b' }), buildSignal({ id: 'a' })]
    expect(twins.sort(compareSignals).map((s) => s.id)).toEqual(['a', 'b'])
  })
})

describe('filters', () => {
  const cases: Array<[string, string, string[]]> = [
    ['no filter', '', ['new-critical', 'old-critical', 'warning-flu', 'resolved', 'new-info']],
    ['kind', 'kind=emerging_term', ['new-info']],
    ['severity list', 'severity=critical,info', ['new-critical', 'old-critical', 'new-info']],
    ['open states', 'state=opened,escalating', ['new-critical', 'old-critical', 'warning-flu', 'new-info']],
    ['key substring, any case', 'key=flus', ['warning-flu']],
    ['key with dimension', 'dimension=hashtag&key=flu', ['warning-flu']],
    ['dimension excludes', 'dimension=claim', []],
    ['source exact, any case', 'source=mastodon', ['warning-flu']],
    ['source is not a substring match', 'source=masto', []],
    ['combined', 'severity=critical&state=escalating', ['new-critical']],
    ['limit after ordering', 'limit=2', ['new-critical', 'old-critical']],
    ['unicode key matches nothing', 'key=%F0%9F%A6%A0%E2%80%AE', []],
  ]
  it.each(cases)('%s', (_name, query, expected) => {
    const parsed = parseSignalFilter(new URLSearchParams(query))
    if (!parsed.ok) throw new Error(parsed.error)
    expect(applyFilter(signals, parsed.filter).map((s) => s.id)).toEqual(expected)
  })

  const invalid: Array<[string, string]> = [
    ['unknown parameter', 'sevrity=critical'],
    ['unknown kind', 'kind=volume_spike,bogus'],
    ['unknown severity', 'severity=urgent'],
    ['repeated parameter', 'kind=volume_spike&kind=emerging_term'],
    ['limit zero', 'limit=0'],
    ['limit huge', 'limit=1000000'],
    ['limit not a number', 'limit=ten'],
    ['key too long', `key=${'x'.repeat(201)}`],
    ['bad dimension', 'dimension=everything'],
  ]
  it.each(invalid)('refuses %s', (_name, query) => {
    const parsed = parseSignalFilter(new URLSearchParams(query))
    expect(parsed.ok).toBe(false)
  })
})
