import { type Claim, type Clock, type Logger, PulseError, type Severity, type Watchlist } from '@pulse/core'
import type { ConsoleAlertOptions } from './console-alert.ts'
import { createConsoleTransport } from './console-transport.ts'
import type { DeliveryLog } from './delivery-log.ts'
import type { RetryPolicy, Sleep } from './retry.ts'
import type { AlertsConfig } from './routing.ts'
import type { SlackTransport } from './transport.ts'
import { createWebApiTransport, type WebApiTransportOptions } from './web-api-transport.ts'
import { createWebhookTransport, type WebhookTransportOptions } from './webhook-transport.ts'

/** How alerts leave Pulse. */
export type AlerterMode =
  | ({ kind: 'webhook' } & Omit<WebhookTransportOptions, 'clock'>)
  | ({ kind: 'bot' } & Omit<WebApiTransportOptions, 'logger'>)
  | { kind: 'console'; write: (text: string) => void }

export interface AlerterOptions {
  mode: AlerterMode
  /** The watchlist's `alerts`: routes, default channel, cooldown, quiet hours, feed URL. */
  alerts: AlertsConfig
  /** The watchlist's `playbooks`; kinds without one use the built-in defaults. */
  playbooks?: Watchlist['playbooks']
  /** The claim catalog, for a misinformation signal's debunk link and approved response. */
  claims?: readonly Claim[]
  deliveryLog: DeliveryLog
  logger: Logger
  clock: Clock
  /** Injected waiting (Retry-After, backoff, pacing, background loop). Defaults to timers. */
  sleep?: Sleep
  /** Jitter source in [0, 1). Defaults to Math.random. */
  random?: () => number
  retry?: Partial<RetryPolicy>
  /** Most alerts kept while Slack is unavailable (default 500). */
  outboxSize?: number
  /** Background outbox flush period; 0 disables the loop (call `flush()` yourself). Default 15 s. */
  flushIntervalMs?: number
  /** Minimum gap between two posts to one channel (Slack allows about 1 per second). Default 1000. */
  channelIntervalMs?: number
  /** Signals below this severity are not sent (default `info`: everything). */
  minSeverity?: Severity
  /** Most held (quiet-hours) alerts kept for the digest (default 1000). */
  maxHeld?: number
  /** Most signals remembered for threading, cooldown and dedup in memory (default 10 000). */
  maxTrackedSignals?: number
}

export function createTransport(
  mode: AlerterMode,
  deps: { clock: Clock; logger: Logger; console: ConsoleAlertOptions },
): SlackTransport {
  switch (mode.kind) {
    case 'webhook': {
      const { kind: _kind, ...rest } = mode
      return createWebhookTransport({ ...rest, clock: deps.clock })
    }
    case 'bot': {
      const { kind: _kind, ...rest } = mode
      return createWebApiTransport({ ...rest, logger: deps.logger })
    }
    case 'console':
      return createConsoleTransport({ ...deps.console, write: mode.write })
  }
}

/** Fails fast on settings that would only break at 3 a.m. (an unknown quiet-hours time zone). */
export function validateAlerts(alerts: AlertsConfig): void {
  const tz = alerts.quietHours?.timezone
  if (tz === undefined) return
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz })
  } catch (err) {
    throw new PulseError('CONFIG_INVALID', `alerts.quietHours.timezone: unknown time zone "${tz}"`, {
      cause: err,
    })
  }
}
