import type { Signal } from '@pulse/core'
import {
  type ActionsBlock,
  BLOCK_LIMITS,
  type ButtonElement,
  type MrkdwnText,
  type SectionBlock,
  type SlackBlock,
  type SlackMessage,
} from './block-kit.ts'
import { escapeMrkdwn, oneLine, safePlainText, truncateMrkdwn, truncatePlain, userText } from './mrkdwn.ts'
import { type PlaybookSources, resolvePlaybook } from './playbook.ts'
import {
  formatNumber,
  formatRatio,
  formatShare,
  KIND_LABEL,
  SEVERITY_STYLE,
  STATE_LABEL,
  safeUrl,
  signalLink,
} from './presentation.ts'
import { trendLines } from './sparkline.ts'

export interface SignalMessageOptions extends PlaybookSources {
  /** Base URL of the Pulse feed; adds an "Open in Pulse" button. */
  feedUrl?: string
  /** Sample posts shown (default 3, at most 5). */
  maxSamples?: number
  /** Characters per sample post (default 280). */
  maxSampleChars?: number
}

const MAX_RANKED = 8

export function mrkdwn(text: string, max: number = BLOCK_LIMITS.sectionText): MrkdwnText {
  return { type: 'mrkdwn', text: truncateMrkdwn(text, max), verbatim: true }
}

export function section(text: string): SectionBlock {
  return { type: 'section', text: mrkdwn(text) }
}

function ranked(items: readonly { value: string; count: number }[]): string {
  return items
    .slice(0, MAX_RANKED)
    .map((i) => `${userText(oneLine(i.value), 80)} (${formatNumber(i.count)})`)
    .join(', ')
}

/** The one-line plain summary used as the `text` fallback (notifications, screen readers). */
export function signalFallbackText(signal: Signal): string {
  const e = signal.evidence
  const line =
    `${SEVERITY_STYLE[signal.severity].emoji} [${signal.severity}] ${STATE_LABEL[signal.state]} ` +
    `${KIND_LABEL[signal.kind]}: ${oneLine(signal.title)} - observed ${formatNumber(e.observed)} ` +
    `vs expected ${formatNumber(e.expected)} (${formatRatio(e.ratio)})`
  return userText(line, BLOCK_LIMITS.fallbackText)
}

function headline(signal: Signal): string {
  const prefix = signal.state === 'resolved' ? '✅ Resolved: ' : `${SEVERITY_STYLE[signal.severity].emoji} `
  return truncatePlain(
    safePlainText(`${prefix}${KIND_LABEL[signal.kind]}: ${oneLine(signal.title)}`),
    BLOCK_LIMITS.headerText,
  )
}

function metricFields(signal: Signal): MrkdwnText[] {
  const e = signal.evidence
  const fields = [
    `*Observed*\n${formatNumber(e.observed)}`,
    `*Expected*\n${formatNumber(e.expected)}`,
    `*Ratio*\n${formatRatio(e.ratio)}`,
    `*Unique authors*\n${formatNumber(e.uniqueAuthors)}`,
  ]
  if (e.negativeShare !== undefined && e.negativeShare !== null) {
    fields.push(`*Negative*\n${formatShare(e.negativeShare)}`)
  }
  if (e.amplification >= 0.5)
    fields.push(`*Amplification*\n${formatShare(e.amplification)} (looks coordinated)`)
  return fields.slice(0, BLOCK_LIMITS.maxFields).map((f) => mrkdwn(f, BLOCK_LIMITS.fieldText))
}

function trendSection(signal: Signal): SectionBlock | undefined {
  if (signal.evidence.series.length < 2) return undefined
  const lines = trendLines(signal.evidence.series)
  return section(
    `*Trend* (observed vs expected)\n\`${lines.observed}\` observed\n\`${lines.expected}\` expected`,
  )
}

function samplesSection(signal: Signal, options: SignalMessageOptions): SectionBlock | undefined {
  const max = Math.min(options.maxSamples ?? 3, 5)
  const perSample = options.maxSampleChars ?? 280
  const samples = signal.evidence.sampleTexts
    .map((t) => oneLine(t))
    .filter((t) => t !== '')
    .slice(0, max)
  if (samples.length === 0) return undefined
  const quoted = samples.map((t) => `> ${userText(t, perSample)}`).join('\n')
  return section(`*Sample posts* (redacted)\n${quoted}`)
}

function playbookBlocks(signal: Signal, options: SignalMessageOptions): SectionBlock[] {
  const playbook = resolvePlaybook(signal, options)
  const blocks = [section(`*Recommended next step*\n${escapeMrkdwn(playbook.nextStep)}`)]
  if (playbook.template !== undefined) {
    blocks.push(section(`*Pre-approved response*\n> ${escapeMrkdwn(oneLine(playbook.template))}`))
  }
  return blocks
}

function button(text: string, url: string, actionId: string, primary = false): ButtonElement {
  return {
    type: 'button',
    text: { type: 'plain_text', text: truncatePlain(safePlainText(text), BLOCK_LIMITS.buttonText) },
    url,
    action_id: actionId,
    ...(primary ? { style: 'primary' as const } : {}),
  }
}

function actions(signal: Signal, options: SignalMessageOptions): ActionsBlock | undefined {
  const elements: ButtonElement[] = []
  const feed = safeUrl(signalLink(options.feedUrl, signal.id))
  if (feed !== undefined) elements.push(button('Open in Pulse', feed, 'pulse_open_signal', true))
  const debunk = safeUrl(resolvePlaybook(signal, options).debunkUrl)
  if (debunk !== undefined) elements.push(button('Debunk source', debunk, 'pulse_open_debunk'))
  return elements.length > 0 ? { type: 'actions', elements } : undefined
}

function contextLine(signal: Signal): SlackBlock {
  const text =
    `${escapeMrkdwn(signal.key.dimension)} \`${userText(oneLine(signal.key.value), 200)}\` · ` +
    `signal ${userText(signal.id, 200)} rev ${signal.revision} · opened ${escapeMrkdwn(signal.openedAt)} · ` +
    `updated ${escapeMrkdwn(signal.updatedAt)}`
  return { type: 'context', elements: [mrkdwn(text, BLOCK_LIMITS.contextText)] }
}

/**
 * The full alert for a signal: what spiked, by how much against expected, the trend, top terms and
 * sources, sample posts, the kind's playbook and links. All post-derived text is escaped.
 */
export function buildSignalBlocks(signal: Signal, options: SignalMessageOptions = {}): SlackMessage {
  const e = signal.evidence
  const status =
    `*${STATE_LABEL[signal.state]}* · severity *${signal.severity}* · score ${formatNumber(signal.score)}` +
    (signal.summary.trim() !== '' ? `\n${escapeMrkdwn(signal.summary.trim())}` : '')
  const blocks: (SlackBlock | undefined)[] = [
    { type: 'header', text: { type: 'plain_text', text: headline(signal), emoji: true } },
    section(status),
    { type: 'section', fields: metricFields(signal) },
    trendSection(signal),
    e.topTerms.length > 0 ? section(`*Top terms*: ${ranked(e.topTerms)}`) : undefined,
    e.topSources.length > 0 ? section(`*Top sources*: ${ranked(e.topSources)}`) : undefined,
    samplesSection(signal, options),
    ...(signal.state === 'resolved'
      ? []
      : [{ type: 'divider' as const }, ...playbookBlocks(signal, options)]),
    actions(signal, options),
    contextLine(signal),
  ]
  return {
    text: signalFallbackText(signal),
    blocks: blocks.filter((b) => b !== undefined).slice(0, BLOCK_LIMITS.maxBlocks),
  }
}

/** A short thread reply for a later revision (escalation or resolution) of an already-posted signal. */
export function buildSignalUpdateBlocks(signal: Signal, options: SignalMessageOptions = {}): SlackMessage {
  const e = signal.evidence
  const verb =
    signal.state === 'resolved'
      ? '✅ *Resolved*'
      : `${SEVERITY_STYLE[signal.severity].emoji} *${STATE_LABEL[signal.state]}*, severity *${signal.severity}*`
  const lines = [
    `${verb} (rev ${signal.revision}): observed ${formatNumber(e.observed)} vs expected ` +
      `${formatNumber(e.expected)} (${formatRatio(e.ratio)})`,
  ]
  if (e.series.length >= 2) lines.push(`\`${trendLines(e.series).observed}\``)
  if (signal.summary.trim() !== '') lines.push(escapeMrkdwn(signal.summary.trim()))
  const blocks: (SlackBlock | undefined)[] = [section(lines.join('\n')), actions(signal, options)]
  return { text: signalFallbackText(signal), blocks: blocks.filter((b) => b !== undefined) }
}
