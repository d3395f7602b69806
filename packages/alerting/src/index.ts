/**
 * @pulse/alerting: turns signals into Slack alerts (Block Kit), routes them by the watchlist,
 * respects quiet hours and cooldowns, and delivers them exactly once through webhook, bot-token or
 * console mode, with retries, a bounded outbox and an injected delivery log.
 */
export { type Alerter, type AlerterStats, createAlerter } from './alerter.ts'
export type { AlerterMode, AlerterOptions } from './alerter-options.ts'
export {
  type ActionsBlock,
  BLOCK_LIMITS,
  type ButtonElement,
  type ContextBlock,
  type DividerBlock,
  type HeaderBlock,
  type MrkdwnText,
  type PlainText,
  type SectionBlock,
  type SlackBlock,
  type SlackMessage,
} from './block-kit.ts'
export { type ConsoleAlertOptions, formatConsoleAlert } from './console-alert.ts'
export { createConsoleTransport } from './console-transport.ts'
export { AlertDeliveryError, type FailureKind, parseRetryAfter } from './delivery-error.ts'
export {
  createMemoryDeliveryLog,
  type DeliveryLog,
  type DeliveryMode,
  type DeliveryRecord,
  type DeliveryStatus,
  deliveryKey,
  type MemoryDeliveryLog,
} from './delivery-log.ts'
export { buildDigestBlocks, type DigestInput } from './digest.ts'
export { escapeMrkdwn, safePlainText, truncateMrkdwn } from './mrkdwn.ts'
export { DEFAULT_PLAYBOOKS, type ResolvedPlaybook, resolvePlaybook } from './playbook.ts'
export { KIND_LABEL, SEVERITY_STYLE } from './presentation.ts'
export { DEFAULT_RETRY_POLICY, type RetryPolicy, type Sleep } from './retry.ts'
export { type AlertsConfig, isQuietTime, type QuietHours, routeChannel } from './routing.ts'
export {
  buildSignalBlocks,
  buildSignalUpdateBlocks,
  type SignalMessageOptions,
  signalFallbackText,
} from './signal-message.ts'
export { sparkline, trendLines } from './sparkline.ts'
export type { OutgoingMessage, PostResult, SlackTransport } from './transport.ts'
export { createWebApiTransport, type WebApiTransportOptions } from './web-api-transport.ts'
export { createWebhookTransport, type WebhookTransportOptions } from './webhook-transport.ts'
