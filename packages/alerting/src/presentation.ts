import type { Severity, SignalKind, SignalState } from '@pulse/core'

export const SEVERITY_STYLE: Record<Severity, { emoji: string; slackEmoji: string; color: string }> = {
  info: { emoji: '🔵', slackEmoji: ':large_blue_circle:', color: '#2E86DE' },
  warning: { emoji: '🟠', slackEmoji: ':large_orange_circle:', color: '#F2A900' },
  critical: { emoji: '🔴', slackEmoji: ':red_circle:', color: '#D0021B' },
}

export const KIND_LABEL: Record<SignalKind, string> = {
  volume_spike: 'Volume spike',
  emerging_term: 'Emerging term',
  sentiment_shift: 'Sentiment shift',
  misinformation_surge: 'Misinformation surge',
  information_void: 'Information void',
  phi_exposure: 'Possible PHI / self-disclosure',
}

export const STATE_LABEL: Record<SignalState, string> = {
  opened: 'New',
  escalating: 'Escalating',
  resolved: 'Resolved',
}

/** Compact number: 1234 → "1,234", 2.345 → "2.3". */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return '–'
  const digits = Number.isInteger(n) || Math.abs(n) >= 100 ? 0 : 1
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 })
}

export function formatRatio(ratio: number): string {
  return Number.isFinite(ratio) ? `${formatNumber(ratio)}×` : '–'
}

export function formatShare(share: number): string {
  return `${Math.round(share * 100)}%`
}

/** `${feedUrl}/#/signals/${id}` with the id URL-encoded, or undefined when no feed URL is set. */
export function signalLink(feedUrl: string | undefined, signalId: string): string | undefined {
  if (feedUrl === undefined || feedUrl.trim() === '') return undefined
  return `${feedUrl.replace(/\/+$/, '')}/#/signals/${encodeURIComponent(signalId)}`
}

/** Only http(s) URLs within Slack's button limit are linked; anything else is left out. */
export function safeUrl(url: string | undefined, max = 3000): string | undefined {
  if (url === undefined || url.length > max) return undefined
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined
  } catch {
    return undefined
  }
}
