import type { Clock } from '@pulse/core'
import { type FetchFunction, IncomingWebhook, IncomingWebhookHTTPError } from '@slack/webhook'
import { AlertDeliveryError, parseRetryAfter } from './delivery-error.ts'
import type { OutgoingMessage, PostResult, SlackTransport } from './transport.ts'

export interface WebhookTransportOptions {
  /** Incoming webhook URL for the default channel. */
  url: string
  /** Per-channel webhook URLs (a webhook is bound to one channel); unknown channels use `url`. */
  channelUrls?: Readonly<Record<string, string>>
  /** Request timeout (default 10 s). */
  timeoutMs?: number
  clock: Clock
}

function classify(err: unknown, retryAfter: string | null, nowMs: number): AlertDeliveryError {
  if (err instanceof IncomingWebhookHTTPError) {
    const reason =
      typeof err.body === 'string' && err.body.trim() !== ''
        ? err.body.trim().slice(0, 200)
        : `http_${err.statusCode}`
    if (err.statusCode === 429) {
      const retryAfterMs = parseRetryAfter(retryAfter, nowMs)
      return new AlertDeliveryError('rate_limited', reason, {
        cause: err,
        ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      })
    }
    return new AlertDeliveryError(err.statusCode >= 500 ? 'transient' : 'permanent', reason, { cause: err })
  }
  // IncomingWebhookRequestError: no response (network, timeout).
  return new AlertDeliveryError('transient', err instanceof Error ? err.message : String(err), { cause: err })
}

/** Webhook mode: one message per state change through `@slack/webhook`; no threads, no edits. */
export function createWebhookTransport(options: WebhookTransportOptions): SlackTransport {
  const timeout = options.timeoutMs ?? 10_000
  return {
    mode: 'webhook',
    threads: false,
    async post(out: OutgoingMessage): Promise<PostResult> {
      const url = options.channelUrls?.[out.channel] ?? options.url
      let retryAfter: string | null = null
      // The SDK's HTTP error carries no headers, so Retry-After is read on the way through.
      const capture: FetchFunction = async (input, init) => {
        const response = await fetch(input, init)
        retryAfter = response.headers.get('retry-after')
        return response
      }
      const webhook = new IncomingWebhook(url, { timeout, fetch: capture, retryConfig: { retries: 0 } })
      try {
        await webhook.send({
          text: out.message.text,
          blocks: out.message.blocks,
          unfurl_links: false,
          unfurl_media: false,
        })
        return {}
      } catch (err) {
        throw classify(err, retryAfter, options.clock.now())
      }
    },
    async update() {},
  }
}
