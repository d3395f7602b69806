import { type Watchlist, watchlistSchema } from '@pulse/core'
import { describe, expect, it } from 'vitest'
import { isQuietTime, localMinutes, routeChannel } from './routing.ts'
import { buildSignal } from './test-support.ts'

function alerts(input: unknown): Watchlist['alerts'] {
  return watchlistSchema.parse({ organization: { name: 'General Hospital' }, alerts: input }).alerts
}

describe('routeChannel', () => {
  const config = alerts({
    defaultChannel: '#pulse',
    routes: [
      { channel: '#privacy', kinds: ['phi_exposure'], minSeverity: 'info' },
      { channel: '#myths', kinds: ['misinformation_surge'], minSeverity: 'warning' },
      { channel: '#vaccines', topics: ['Flu-Vaccine'], minSeverity: 'critical' },
      { channel: '#all-critical', minSeverity: 'critical' },
    ],
  })

  it.each([
    ['phi info → privacy route', { kind: 'phi_exposure', severity: 'info' }, '#privacy'],
    ['myth warning', { kind: 'misinformation_surge', severity: 'warning' }, '#myths'],
    ['myth info is below the route minimum', { kind: 'misinformation_surge', severity: 'info' }, '#pulse'],
    ['topic match, case-insensitive', { severity: 'critical' }, '#vaccines'],
    ['topic match but severity too low', { severity: 'warning' }, '#pulse'],
    [
      'other topic, critical → catch-all',
      { severity: 'critical', key: { dimension: 'topic', value: 'er-wait' } },
      '#all-critical',
    ],
    [
      'a topic in one city goes where its topic goes',
      { severity: 'critical', key: { dimension: 'place', value: 'flu-vaccine@Westerville' } },
      '#vaccines',
    ],
    [
      'hashtag key never matches a topic route',
      { severity: 'critical', key: { dimension: 'hashtag', value: 'flu-vaccine' } },
      '#all-critical',
    ],
  ] as const)('%s', (_name, overrides, channel) => {
    expect(routeChannel(buildSignal(overrides), config)).toBe(channel)
  })

  it('uses the default channel when there are no routes', () => {
    expect(routeChannel(buildSignal(), alerts({}))).toBe('#pulse-alerts')
  })
})

describe('quiet hours', () => {
  const at = (iso: string) => Date.parse(iso)

  it.each([
    // 22:00–07:00 in New York (EST, UTC-5 in January; EDT, UTC-4 in July)
    ['2025-01-15T03:30:00Z', '22:00', '07:00', 'America/New_York', true], // 22:30 local
    ['2025-01-15T02:59:00Z', '22:00', '07:00', 'America/New_York', false], // 21:59 local
    ['2025-01-15T11:59:00Z', '22:00', '07:00', 'America/New_York', true], // 06:59 local
    ['2025-01-15T12:00:00Z', '22:00', '07:00', 'America/New_York', false], // 07:00 local
    ['2025-07-15T11:30:00Z', '22:00', '07:00', 'America/New_York', false], // 07:30 EDT
    ['2025-07-15T10:30:00Z', '22:00', '07:00', 'America/New_York', true], // 06:30 EDT
    // same-day window
    ['2025-01-15T13:00:00Z', '12:00', '14:00', 'UTC', true],
    ['2025-01-15T14:00:00Z', '12:00', '14:00', 'UTC', false],
    // half-hour zone
    ['2025-01-15T17:00:00Z', '22:00', '23:00', 'Asia/Kolkata', true], // 22:30 IST
    // empty window
    ['2025-01-15T13:00:00Z', '09:00', '09:00', 'UTC', false],
  ] as const)('%s in %s–%s %s → %s', (iso, from, to, timezone, quiet) => {
    expect(isQuietTime(at(iso), { from, to, timezone })).toBe(quiet)
  })

  it('is never quiet without quiet hours', () => {
    expect(isQuietTime(0, undefined)).toBe(false)
  })

  it('reads local midnight as 0', () => {
    expect(localMinutes(at('2025-01-15T05:00:00Z'), 'America/New_York')).toBe(0)
  })
})
