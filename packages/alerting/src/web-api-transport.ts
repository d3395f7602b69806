import type { Logger } from '@pulse/core'
import {
  LogLevel,
  type Logger as SlackLogger,
  WebAPIHTTPError,
  WebAPIPlatformError,
  WebAPIRateLimitedError,
  WebClient,
} from '@slack/web-api'
import { AlertDeliveryError, isTransientSlackError } from './delivery-error.ts'
import type { OutgoingMessage, PostResult, SlackTransport } from './transport.ts'

export interface WebApiTransportOptions {
  /** Bot token (`xoxb-…`). */
  token: string
  /** Defaults to Slack's `https://slack.com/api/`; tests point it at a local server. */
  slackApiUrl?: string
  /** Channel names to ids (`#pulse-alerts` → `C0123`); unknown names are passed to Slack as is. */
  channelIds?: Readonly<Record<string, string>>
  /** Request timeout (default 10 s). */
  timeoutMs?: number
  logger: Logger
}

/** Routes the SDK's own logging into ours; its debug output (request bodies) is dropped. */
function sdkLogger(log: Logger): SlackLogger {
  let level = LogLevel.WARN
  return {
    debug: () => {},
    info: () => {},
    warn: (...msg: unknown[]) => log.warn({ sdk: 'web-api' }, msg.map(String).join(' ')),
    error: (...msg: unknown[]) => log.error({ sdk: 'web-api' }, msg.map(String).join(' ')),
    setLevel: (l) => {
      level = l
    },
    getLevel: () => level,
    setName: () => {},
  }
}

function classify(err: unknown): AlertDeliveryError {
  if (err instanceof WebAPIRateLimitedError) {
    return new AlertDeliveryError('rate_limited', 'ratelimited', {
      cause: err,
      retryAfterMs: err.retryAfter * 1000,
    })
  }
  if (err instanceof WebAPIPlatformError) {
    const reason = err.data.error
    return new AlertDeliveryError(isTransientSlackError(reason) ? 'transient' : 'permanent', reason, {
      cause: err,
    })
  }
  if (err instanceof WebAPIHTTPError) {
    return new AlertDeliveryError(
      err.statusCode >= 500 ? 'transient' : 'permanent',
      `http_${err.statusCode}`,
      {
        cause: err,
      },
    )
  }
  // WebAPIRequestError (network, timeout) or a 429 without a usable Retry-After.
  return new AlertDeliveryError('transient', err instanceof Error ? err.message : String(err), { cause: err })
}

/**
 * Bot-token mode through `@slack/web-api`: `chat.postMessage` (with `thread_ts` for replies) and
 * `chat.update`. The SDK's own retries are off (`retries: 0`, `rejectRateLimitedCalls`), so 429s
 * surface with their Retry-After and the alerter decides.
 */
export function createWebApiTransport(options: WebApiTransportOptions): SlackTransport {
  const client = new WebClient(options.token, {
    ...(options.slackApiUrl !== undefined ? { slackApiUrl: options.slackApiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: options.timeoutMs ?? 10_000,
    logger: sdkLogger(options.logger),
  })
  const channelId = (channel: string): string => options.channelIds?.[channel] ?? channel
  return {
    mode: 'bot',
    threads: true,
    async post(out: OutgoingMessage): Promise<PostResult> {
      try {
        const result = await client.chat.postMessage({
          channel: channelId(out.channel),
          text: out.message.text,
          blocks: out.message.blocks,
          unfurl_links: false,
          unfurl_media: false,
          ...(out.threadTs !== undefined ? { thread_ts: out.threadTs } : {}),
        })
        return {
          ...(result.ts !== undefined ? { ts: result.ts } : {}),
          ...(result.channel !== undefined ? { channelId: result.channel } : {}),
        }
      } catch (err) {
        throw classify(err)
      }
    },
    async update(target, message): Promise<void> {
      try {
        await client.chat.update({
          channel: target.channelId,
          ts: target.ts,
          text: message.text,
          blocks: message.blocks,
        })
      } catch (err) {
        throw classify(err)
      }
    },
  }
}
