import type { DigestInput } from '@pulse/alerting'
import type { Severity, SignalKind, SignalState } from '@pulse/core'
import { fromChTime, type Store } from '@pulse/store'

const DAY_MS = 86_400_000

/**
 * The daily digest's content for one UTC day, from ClickHouse: top topics against the day before,
 * hourly sentiment, the signals opened or updated that day, and the questions to the organisation
 * that got no reply from its accounts.
 */
export async function loadDigestInput(
  store: Store,
  date: string,
  organization: string,
): Promise<DigestInput> {
  const from = `${date} 00:00:00`
  const params = { from, prev: toDay(Date.parse(`${date}T00:00:00Z`) - DAY_MS) }
  const [topics, sentiment, signals, questions] = await Promise.all([
    store.queryRows<{ topic: string; today: string; before: string }>(
      `SELECT topic,
              uniqExactMergeIf(mentions, hour >= {from:DateTime}) AS today,
              uniqExactMergeIf(mentions, hour < {from:DateTime}) AS before
       FROM mentions_per_hour
       WHERE hour >= {prev:DateTime} AND hour < {from:DateTime} + INTERVAL 1 DAY AND topic != ''
       GROUP BY topic ORDER BY today DESC LIMIT 10`,
      params,
    ),
    store.queryRows<{ t: string; sentiment: string; n: string }>(
      `SELECT toString(hour) AS t, sentiment, uniqExactMerge(mentions) AS n
       FROM mentions_per_hour
       WHERE hour >= {from:DateTime} AND hour < {from:DateTime} + INTERVAL 1 DAY AND sentiment != ''
       GROUP BY t, sentiment ORDER BY t`,
      params,
    ),
    store.queryRows<{
      id: string
      title: string
      kind: string
      severity: string
      state: string
      ratio: string
    }>(
      `SELECT id, argMax(title, revision) AS title, argMax(kind, revision) AS kind,
              argMax(severity, revision) AS severity, argMax(state, revision) AS state,
              max(if(expected > 0, observed / expected, observed)) AS ratio
       FROM signals FINAL
       WHERE updated_at >= {from:DateTime} AND updated_at < {from:DateTime} + INTERVAL 1 DAY
       GROUP BY id ORDER BY max(score) DESC LIMIT 20`,
      params,
    ),
    store.queryRows<{ text: string; count: string; topic: string }>(
      `SELECT any(q.text) AS text, count() AS count, any(if(empty(q.topics), '', q.topics[1])) AS topic
       FROM mentions AS q
       WHERE q.created_at >= {from:DateTime} AND q.created_at < {from:DateTime} + INTERVAL 1 DAY
         AND has(q.intents, 'unanswered_question') AND NOT q.from_org
         AND q.id NOT IN (SELECT in_reply_to FROM mentions
                          WHERE from_org AND created_at >= {from:DateTime} AND in_reply_to != '')
       GROUP BY lower(left(q.text, 60)) ORDER BY count DESC LIMIT 10`,
      params,
    ),
  ])
  const byHour = new Map<string, { t: string; positive: number; neutral: number; negative: number }>()
  for (const r of sentiment) {
    const p = byHour.get(r.t) ?? { t: fromChTime(r.t), positive: 0, neutral: 0, negative: 0 }
    if (r.sentiment === 'positive' || r.sentiment === 'neutral' || r.sentiment === 'negative') {
      p[r.sentiment] += Number(r.n)
    }
    byHour.set(r.t, p)
  }
  return {
    date,
    organization,
    topTopics: topics.map((t) => ({
      label: t.topic,
      count: Number(t.today),
      ...(Number(t.before) > 0 ? { change: Number(t.today) / Number(t.before) } : {}),
    })),
    sentiment: [...byHour.values()],
    signals: signals.map((s) => ({
      id: s.id,
      title: s.title,
      kind: s.kind as SignalKind,
      severity: s.severity as Severity,
      state: s.state as SignalState,
      peakRatio: Math.round(Number(s.ratio) * 10) / 10,
    })),
    unansweredQuestions: questions.map((q) => ({
      text: q.text,
      count: Number(q.count),
      ...(q.topic ? { topic: q.topic } : {}),
    })),
  }
}

export function toDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

/** The local date and HH:MM of an instant in a time zone. */
export function localTime(ms: number, timeZone: string): { date: string; hhmm: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(ms))
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '00'
  return { date: `${get('year')}-${get('month')}-${get('day')}`, hhmm: `${get('hour')}:${get('minute')}` }
}
