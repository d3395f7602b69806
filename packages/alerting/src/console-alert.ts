import type { Signal } from '@pulse/core'
import { oneLine, stripUnsafe, truncatePlain } from './mrkdwn.ts'
import { type PlaybookSources, resolvePlaybook } from './playbook.ts'
import {
  formatNumber,
  formatRatio,
  KIND_LABEL,
  SEVERITY_STYLE,
  STATE_LABEL,
  signalLink,
} from './presentation.ts'
import { trendLines } from './sparkline.ts'

export interface ConsoleAlertOptions extends PlaybookSources {
  feedUrl?: string
}

/** Terminal-safe single line: control characters (ANSI escapes) removed, whitespace collapsed. */
function clean(text: string, max: number): string {
  return truncatePlain(oneLine(stripUnsafe(text)), max)
}

/**
 * A few readable lines for the terminal (`pulse start`): severity, kind, title, the numbers, the
 * trend and the next step. Post-derived text cannot inject terminal escape sequences.
 */
export function formatConsoleAlert(signal: Signal, options: ConsoleAlertOptions = {}): string {
  const e = signal.evidence
  const style = SEVERITY_STYLE[signal.severity]
  const head =
    `${style.emoji} ${signal.severity.toUpperCase()} ${STATE_LABEL[signal.state].toLowerCase()} ` +
    `${KIND_LABEL[signal.kind]}: ${clean(signal.title, 120)} ` +
    `[${signal.key.dimension}=${clean(signal.key.value, 60)}]`
  const trend = e.series.length >= 2 ? `  ${trendLines(e.series).observed}` : ''
  const numbers =
    `   observed ${formatNumber(e.observed)} vs expected ${formatNumber(e.expected)} ` +
    `(${formatRatio(e.ratio)}), ${formatNumber(e.uniqueAuthors)} authors${trend}`
  const lines = [head, numbers]
  if (e.topTerms.length > 0) {
    lines.push(
      `   terms: ${clean(
        e.topTerms
          .slice(0, 5)
          .map((t) => t.value)
          .join(', '),
        160,
      )}`,
    )
  }
  if (signal.state !== 'resolved') {
    lines.push(`   next: ${clean(resolvePlaybook(signal, options).nextStep, 200)}`)
  }
  const link = signalLink(options.feedUrl, signal.id)
  if (link !== undefined) lines.push(`   ${clean(link, 300)}`)
  return lines.join('\n')
}
