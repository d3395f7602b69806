import type { IncomingMessage, ServerResponse } from 'node:http'
import { formatIssues } from '@pulse/core'
import { actionRequestSchema, toAuditEntry } from './actions.ts'
import { authenticate, type FeedContext } from './feed-context.ts'
import { parseSignalFilter } from './filters.ts'
import { HttpError, readJsonBody, sendJson } from './http-util.ts'
import type { Principal } from './ports.ts'
import { sessionCookieHeader } from './session-cookie.ts'
import { deriveTriage, triageBySignal } from './triage.ts'

const MAX_BODY_BYTES = 16 * 1024
const MAX_ID_CHARS = 512

async function requirePrincipal(ctx: FeedContext, req: IncomingMessage): Promise<Principal> {
  const principal = await authenticate(ctx, req, false)
  if (!principal) throw new HttpError(401, 'authentication required')
  return principal
}

/** `POST /api/session`: bearer token in, HttpOnly cookie for the stream out. `GET` says who you are. */
export async function handleSession(
  ctx: FeedContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const principal = await requirePrincipal(ctx, req)
  const who = { name: principal.name, role: principal.role }
  if (req.method === 'GET') return sendJson(res, 200, who)
  if (req.method === 'DELETE') {
    return sendJson(
      res,
      200,
      { ok: true },
      { 'Set-Cookie': sessionCookieHeader('', 0, ctx.options.secureCookies) },
    )
  }
  const { value, expiresAt } = ctx.sessions.issue(principal.tokenId)
  const cookie = sessionCookieHeader(value, ctx.options.sessionTtlMs / 1000, ctx.options.secureCookies)
  sendJson(res, 200, { ...who, expiresAt: new Date(expiresAt).toISOString() }, { 'Set-Cookie': cookie })
}

/** `GET /api/signals`: latest revision of each matching signal, ordered, with triage per id. */
export async function handleListSignals(
  ctx: FeedContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  await requirePrincipal(ctx, req)
  const parsed = parseSignalFilter(url.searchParams)
  if (!parsed.ok) throw new HttpError(400, parsed.error)
  const signals = await ctx.signals.list({ limit: ctx.options.snapshotLimit, ...parsed.filter })
  const ids = signals.map((s) => s.id)
  const triage = triageBySignal(ids, await ctx.audit.list(ids))
  sendJson(res, 200, { signals, triage: Object.fromEntries(triage) })
}

/** `GET /api/signals/:id`: the signal, its revisions (oldest first), audit entries and triage. */
export async function handleGetSignal(
  ctx: FeedContext,
  req: IncomingMessage,
  res: ServerResponse,
  id: string,
): Promise<void> {
  await requirePrincipal(ctx, req)
  const found = await ctx.signals.get(checkId(id))
  if (!found) throw new HttpError(404, 'no such signal')
  const audit = await ctx.audit.list([found.signal.id])
  sendJson(res, 200, { signal: found.signal, revisions: found.revisions, audit, triage: deriveTriage(audit) })
}

/** `POST /api/signals/:id/actions`: responders only; records the action and pushes the new triage to streams. */
export async function handleAction(
  ctx: FeedContext,
  req: IncomingMessage,
  res: ServerResponse,
  id: string,
): Promise<void> {
  const principal = await requirePrincipal(ctx, req)
  if (principal.role !== 'responder') throw new HttpError(403, 'responder role required')
  const parsed = actionRequestSchema.safeParse(await readJsonBody(req, MAX_BODY_BYTES))
  if (!parsed.success) throw new HttpError(400, formatIssues(parsed.error))
  const found = await ctx.signals.get(checkId(id))
  if (!found) throw new HttpError(404, 'no such signal')
  const at = new Date(ctx.clock.now()).toISOString()
  const entry = toAuditEntry(found.signal.id, found.signal.revision, parsed.data, principal, at)
  await ctx.audit.record(entry)
  const triage = deriveTriage(await ctx.audit.list([found.signal.id]))
  ctx.broadcastTriage(found.signal.id, triage)
  ctx.logger.info(
    { signalId: entry.signalId, action: entry.action, actor: entry.actor },
    'signal action recorded',
  )
  sendJson(res, 201, { entry, triage })
}

function checkId(raw: string): string {
  let id: string
  try {
    id = decodeURIComponent(raw)
  } catch {
    throw new HttpError(400, 'malformed signal id')
  }
  if (id === '' || id.length > MAX_ID_CHARS) throw new HttpError(400, 'malformed signal id')
  return id
}
