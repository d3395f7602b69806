import { PulseError } from '@pulse/core'
import { type HttpRequest, HttpStatusError, readJson } from '../framework/http.ts'
import type { WatchTerms } from '../framework/match.ts'
import { arr, nonEmpty, rec } from '../framework/values.ts'

export interface StreamRule {
  readonly value: string
  readonly tag: string
}

/** Tag prefix of rules Pulse owns; rules without it (made by other tools) are never deleted. */
export const RULE_TAG_PREFIX = 'pulse:'

const quote = (term: string): string => (/[\s"]/.test(term) ? `"${term.replace(/"/g, '')}"` : term)

/** One filtered-stream rule per tracked term, hashtag and handle (replies to and posts by/at it). */
export function rulesFromWatch(watch: WatchTerms): StreamRule[] {
  const rules: StreamRule[] = []
  for (const t of watch.terms ?? [])
    rules.push({ value: quote(t.trim()), tag: `${RULE_TAG_PREFIX}term:${t.trim()}` })
  for (const h of watch.hashtags ?? []) {
    const tag = h.trim().replace(/^#/, '')
    rules.push({ value: `#${tag}`, tag: `${RULE_TAG_PREFIX}hashtag:${tag.toLowerCase()}` })
  }
  for (const h of watch.handles ?? []) {
    const handle = h.trim().replace(/^@/, '')
    rules.push({
      value: `from:${handle} OR @${handle}`,
      tag: `${RULE_TAG_PREFIX}handle:${handle.toLowerCase()}`,
    })
  }
  return rules
}

export interface RuleDiff {
  readonly add: StreamRule[]
  /** Ids of Pulse-owned rules no longer wanted. */
  readonly delete: string[]
}

/** What to add and delete so the stream's rules equal `wanted` (compared by value). */
export function diffRules(
  current: readonly { id: string; value: string; tag?: string | undefined }[],
  wanted: readonly StreamRule[],
): RuleDiff {
  const have = new Set(current.map((r) => r.value))
  const want = new Set(wanted.map((r) => r.value))
  return {
    add: wanted.filter((r) => !have.has(r.value)),
    delete: current.filter((r) => r.tag?.startsWith(RULE_TAG_PREFIX) && !want.has(r.value)).map((r) => r.id),
  }
}

/** X answers 200 with `errors` for rules it will not take; retrying cannot fix that, so it is fatal. */
function checkErrors(body: unknown, status: number, what: string): void {
  const errors = arr(rec(body).errors)
  if (errors.length > 0) {
    const detail = errors
      .map((e) => `${String(rec(e).title ?? 'error')}: ${String(rec(e).value ?? rec(e).detail ?? '')}`)
      .join('; ')
    throw new PulseError('SOURCE_FAILED', `x: ${what} refused: ${detail}`, {
      cause: new HttpStatusError(status, false),
    })
  }
}

/** Reads the stream's rules, then deletes stale Pulse rules and adds missing ones. Returns the diff applied. */
export async function syncRules(
  api: string,
  http: HttpRequest,
  headers: Record<string, string>,
  wanted: readonly StreamRule[],
  signal: AbortSignal,
): Promise<RuleDiff> {
  const url = `${api}/2/tweets/search/stream/rules`
  const current = arr(rec(await readJson(await http(url, { headers, signal }), 'x')).data).flatMap((r) => {
    const id = nonEmpty(rec(r).id)
    const value = nonEmpty(rec(r).value)
    return id && value ? [{ id, value, tag: nonEmpty(rec(r).tag) }] : []
  })
  const diff = diffRules(current, wanted)
  const post = async (body: unknown, what: string): Promise<void> => {
    const res = await http(url, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal,
    })
    checkErrors(await readJson(res, 'x'), res.status, what)
  }
  if (diff.delete.length > 0) await post({ delete: { ids: diff.delete } }, 'deleting rules')
  if (diff.add.length > 0) await post({ add: diff.add }, 'adding rules')
  return diff
}
