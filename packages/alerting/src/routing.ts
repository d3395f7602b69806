import { SEVERITY_RANK, type Signal, topicOfKey, type Watchlist } from '@pulse/core'

export type AlertsConfig = Watchlist['alerts']
export type QuietHours = NonNullable<AlertsConfig['quietHours']>

/**
 * The channel for a signal: the first route whose kinds, topics and minimum severity all match,
 * else the default channel. A route's `topics` match a signal keyed by that topic id, in any
 * place or in one (`place` keys: a symptom cluster in a city goes where its topic goes).
 */
export function routeChannel(
  signal: Signal,
  alerts: Pick<AlertsConfig, 'routes' | 'defaultChannel'>,
): string {
  for (const route of alerts.routes) {
    if (route.kinds !== undefined && !route.kinds.includes(signal.kind)) continue
    if (route.topics !== undefined) {
      const topic = topicOfKey(signal.key)?.toLowerCase()
      if (topic === undefined || !route.topics.some((t) => t.toLowerCase() === topic)) continue
    }
    if (SEVERITY_RANK[signal.severity] < SEVERITY_RANK[route.minSeverity]) continue
    return route.channel
  }
  return alerts.defaultChannel
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':')
  return Number(h) * 60 + Number(m)
}

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone)
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    formatters.set(timeZone, f)
  }
  return f
}

/** Local minutes after midnight (0–1439) at `nowMs` in an IANA time zone. */
export function localMinutes(nowMs: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(nowMs))
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? '0')
  const minute = Number(parts.find((p) => p.type === 'minute')?.value ?? '0')
  return (hour % 24) * 60 + minute
}

/**
 * Whether `nowMs` falls inside the quiet hours, in their time zone. `from` is inclusive and `to`
 * exclusive; a window that wraps midnight (22:00–07:00) is handled; from === to means never quiet.
 */
export function isQuietTime(nowMs: number, quiet: QuietHours | undefined): boolean {
  if (quiet === undefined) return false
  const from = minutesOf(quiet.from)
  const to = minutesOf(quiet.to)
  if (from === to) return false
  const now = localMinutes(nowMs, quiet.timezone)
  return from < to ? now >= from && now < to : now >= from || now < to
}
