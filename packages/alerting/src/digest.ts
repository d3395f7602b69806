import type { Severity, Signal, SignalKind, SignalState } from '@pulse/core'
import { BLOCK_LIMITS, type SectionBlock, type SlackBlock, type SlackMessage } from './block-kit.ts'
import { escapeMrkdwn, mrkdwnLink, oneLine, safePlainText, truncatePlain, userText } from './mrkdwn.ts'
import {
  formatNumber,
  formatRatio,
  formatShare,
  KIND_LABEL,
  SEVERITY_STYLE,
  safeUrl,
  signalLink,
} from './presentation.ts'
import { mrkdwn, section } from './signal-message.ts'
import { sparkline } from './sparkline.ts'

/** One day's digest, from plain rows (the alert service fills it from ClickHouse queries). */
export interface DigestInput {
  /** The day covered, as shown (e.g. `2025-03-14`). */
  date: string
  organization?: string
  topTopics: readonly { label: string; count: number /** Today / yesterday. */; change?: number }[]
  /** Sentiment counts per time bucket, oldest first. */
  sentiment: readonly { t: string; positive: number; neutral: number; negative: number }[]
  signals: readonly {
    id: string
    title: string
    kind: SignalKind
    severity: Severity
    state: SignalState
    peakRatio?: number
  }[]
  unansweredQuestions: readonly { text: string; count: number; topic?: string }[]
  /** Non-critical alerts held during quiet hours (see `Alerter.takeHeld()`). */
  held?: readonly Signal[]
  feedUrl?: string
}

const MAX_ROWS = 10

/** A titled bullet list that keeps whole rows within the section limit and counts the rest. */
function listSection(title: string, rows: readonly string[], total: number, empty: string): SectionBlock {
  if (rows.length === 0) return section(`${title}\n_${empty}_`)
  const reserve = 40 // room for "…and N more"
  let text = title
  let shown = 0
  for (const row of rows) {
    const next = `${text}\n• ${row}`
    if (next.length > BLOCK_LIMITS.sectionText - reserve) break
    text = next
    shown += 1
  }
  return section(total > shown ? `${text}\n_…and ${total - shown} more_` : text)
}

function negativeShare(p: DigestInput['sentiment'][number]): number {
  const total = p.positive + p.neutral + p.negative
  return total > 0 ? p.negative / total : Number.NaN
}

function sentimentText(points: DigestInput['sentiment']): string {
  const shares = points.map(negativeShare)
  const valid = shares.filter((s) => Number.isFinite(s))
  const first = valid[0]
  const last = valid[valid.length - 1]
  if (first === undefined || last === undefined) return '_No sentiment data._'
  const delta = Math.round((last - first) * 100)
  const arrow = delta > 2 ? '↗ more negative' : delta < -2 ? '↘ less negative' : '→ stable'
  return (
    `\`${sparkline(shares, { width: 24, min: 0, max: 1 })}\` negative share ` +
    `${formatShare(first)} → ${formatShare(last)} (${arrow})`
  )
}

function signalRow(s: DigestInput['signals'][number], feedUrl: string | undefined): string {
  const title = userText(oneLine(s.title), 150)
  const link = safeUrl(signalLink(feedUrl, s.id))
  const label = link !== undefined ? mrkdwnLink(link, title) : title
  const ratio = s.peakRatio !== undefined ? ` · peak ${formatRatio(s.peakRatio)}` : ''
  return `${SEVERITY_STYLE[s.severity].emoji} ${KIND_LABEL[s.kind]}: ${label} (${s.state}${ratio})`
}

/** The daily digest as Block Kit: top topics, sentiment trend, signals of the day, unanswered questions. */
export function buildDigestBlocks(input: DigestInput): SlackMessage {
  const org = input.organization !== undefined ? ` - ${oneLine(input.organization)}` : ''
  const header = truncatePlain(
    safePlainText(`📊 Daily digest${org} - ${oneLine(input.date)}`),
    BLOCK_LIMITS.headerText,
  )
  const topics = input.topTopics.slice(0, MAX_ROWS).map((t) => {
    const change =
      t.change !== undefined && Number.isFinite(t.change) ? ` (${formatRatio(t.change)} vs yesterday)` : ''
    return `${userText(oneLine(t.label), 100)}: ${formatNumber(t.count)}${change}`
  })
  const signals = input.signals.slice(0, 15).map((s) => signalRow(s, input.feedUrl))
  const questions = input.unansweredQuestions.slice(0, MAX_ROWS).map((q) => {
    const topic = q.topic !== undefined ? ` _${userText(oneLine(q.topic), 60)}_` : ''
    return `${userText(oneLine(q.text), 200)} (${formatNumber(q.count)}×)${topic}`
  })
  const held = input.held ?? []
  const blocks: SlackBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: header, emoji: true } },
    listSection('*Top topics*', topics, input.topTopics.length, 'No topic activity.'),
    section(`*Sentiment trend*\n${sentimentText(input.sentiment)}`),
    listSection(
      `*Signals of the day* (${input.signals.length})`,
      signals,
      input.signals.length,
      'No signals today.',
    ),
    listSection('*Unanswered questions*', questions, input.unansweredQuestions.length, 'None, nice work.'),
  ]
  if (held.length > 0) {
    const rows = held
      .slice(0, MAX_ROWS)
      .map((s) => signalRow({ ...s, peakRatio: s.evidence.ratio }, input.feedUrl))
    blocks.push(listSection(`*Held during quiet hours* (${held.length})`, rows, held.length, ''))
  }
  blocks.push({
    type: 'context',
    elements: [
      mrkdwn(`Pulse daily digest for ${escapeMrkdwn(oneLine(input.date))}`, BLOCK_LIMITS.contextText),
    ],
  })
  const text = userText(
    `Daily digest${org} - ${oneLine(input.date)}: ${input.signals.length} signals, ` +
      `${input.unansweredQuestions.length} unanswered questions`,
    BLOCK_LIMITS.fallbackText,
  )
  return { text, blocks: blocks.slice(0, BLOCK_LIMITS.maxBlocks) }
}
