import type { IncomingMessage } from 'node:http'
import type { Clock, Logger } from '@pulse/core'
import { bearerToken } from './http-util.ts'
import type { AuditLog, Principal, SignalRepository } from './ports.ts'
import { readCookie, SESSION_COOKIE, type SessionSigner } from './session-cookie.ts'
import type { SseStream } from './sse.ts'
import type { TokenAuth } from './token-auth.ts'
import type { Triage } from './triage.ts'

/** What `createFeedServer` needs; the lead implements these over ClickHouse and the bus. */
export interface FeedServerDeps {
  signals: SignalRepository
  audit: AuditLog
  auth: TokenAuth
  clock: Clock
  logger: Logger
}

export interface FeedServerOptions {
  /** Heartbeat comment interval on the stream (default 15 s). */
  heartbeatMs?: number
  /** Reconnect delay the stream asks EventSource to use (default 3 s). */
  retryMs?: number
  /** Lifetime of the stream's session cookie (default 12 h). */
  sessionTtlMs?: number
  /** Mark the cookie `Secure`; set it whenever the feed is served over HTTPS. */
  secureCookies?: boolean
  /** HMAC key for session cookies (default: random per process, so a restart ends sessions). */
  sessionKey?: Buffer
  /** Concurrent stream connections allowed (default 200). */
  maxStreamClients?: number
  /** Most signals sent when a stream opens, and the default list limit (default 500). */
  snapshotLimit?: number
}

/** A live stream and how to tell whether it has a signal (for triage updates). */
export interface StreamClient {
  stream: SseStream
  knows(signalId: string): boolean
}

export interface FeedContext extends FeedServerDeps {
  options: Required<Omit<FeedServerOptions, 'sessionKey'>>
  sessions: SessionSigner
  streams: Set<StreamClient>
  broadcastTriage(signalId: string, triage: Triage): void
}

/** The principal behind a request: a bearer token, or (only where allowed) the session cookie. */
export async function authenticate(
  ctx: FeedContext,
  req: IncomingMessage,
  allowCookie: boolean,
): Promise<Principal | undefined> {
  const token = bearerToken(req)
  if (token !== undefined) return ctx.auth.verify(token)
  if (!allowCookie) return undefined
  const cookie = readCookie(req.headers.cookie, SESSION_COOKIE)
  const tokenId = cookie === undefined ? undefined : ctx.sessions.verify(cookie)
  return tokenId === undefined ? undefined : ctx.auth.principal(tokenId)
}
