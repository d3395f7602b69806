import type { z } from 'zod'
import { formatIssues } from './errors.ts'
import { LIMITS } from './limits.ts'
import { dlq, type Outcome, ok } from './outcome.ts'

const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * Depth of nested arrays/objects in a JSON text, counted without parsing. Strings are jumped over
 * with `indexOf` (a closing quote counts when an even number of backslashes precedes it), so the
 * cost is in the structure, not in the text of a post.
 */
export function jsonDepth(text: string): number {
  let depth = 0
  let max = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 34) {
      let end = i
      for (;;) {
        end = text.indexOf('"', end + 1)
        if (end < 0) return max // unterminated: JSON.parse refuses it
        let slashes = 0
        while (text.charCodeAt(end - 1 - slashes) === 92) slashes++
        if (slashes % 2 === 0) break
      }
      i = end
    } else if (c === 123 || c === 91) {
      depth++
      if (depth > max) max = depth
    } else if (c === 125 || c === 93) depth--
  }
  return max
}

/**
 * Outcomes by message bytes. The embedded bus hands every consumer group the same bytes object, so
 * when two services in one process read a topic (detect and sink both read enriched mentions), the
 * second reuses the first's decode instead of parsing and validating the same JSON again. An entry
 * serves one more read and is then dropped: kept until the message itself goes (it stays on the
 * bus until every group commits, after the sink's flush), each decoded mention outlived young
 * collections, and these were most of what the process promoted. A third reader (three services
 * read signals) parses again. Decoded values are shared between consumers and must be treated as
 * read-only (no service mutates a decoded message).
 *
 * Kept on the bytes object itself, under a symbol, like the voucher below: an entry then lives
 * exactly as long as the message, as in a WeakMap, at a tenth of the cost per message (a WeakMap
 * write grows an ephemeron table that every full collection must also walk).
 */
const DECODED = Symbol('pulse.decoded')

/**
 * Bytes this process built itself from a value it had already validated against a schema. The
 * embedded bus hands consumers the very same bytes object, so they can skip validating it again;
 * a copy (from Kafka, from a file) is never vouched for and is always validated in full.
 */
const VOUCHED = Symbol('pulse.vouched')

interface Marked {
  [DECODED]?: { readonly schema: z.ZodType; readonly outcome: Outcome<unknown> } | undefined
  [VOUCHED]?: z.ZodType
}

/**
 * Vouches that `bytes` is the JSON of a value that passed `schema` (its parsed output, serialised
 * by this process). Decoding these bytes with the same schema then only parses them.
 */
export function vouchFor(bytes: Uint8Array, schema: z.ZodType): void {
  ;(bytes as Uint8Array & Marked)[VOUCHED] = schema
}

/**
 * Decodes one raw message (bytes or text) into a value of the schema, or a dead-letter outcome
 * whose reason names the problem: invalid UTF-8, too large, too deep, not JSON, or the schema
 * fields that failed.
 */
export function decodeJson<S extends z.ZodType>(schema: S, raw: string | Uint8Array): Outcome<z.output<S>> {
  if (typeof raw === 'string') return decodeText(schema, raw)
  const marked = raw as Uint8Array & Marked
  const hit = marked[DECODED]
  if (hit && hit.schema === schema) {
    // Set to undefined rather than deleted: a deleted property turns the object's shape into a dictionary.
    marked[DECODED] = undefined
    return hit.outcome as Outcome<z.output<S>>
  }
  const outcome = (marked[VOUCHED] === schema && parseVouched<z.output<S>>(raw)) || decodeText(schema, raw)
  marked[DECODED] = { schema, outcome }
  return outcome
}

/**
 * `decodeJson` without the by-bytes memo, for bytes no other consumer will see (the copy of a
 * message handed to a worker thread). There the memo is never read, and adding an entry per
 * message to a WeakMap costs about as much as validating the message.
 */
export function decodeJsonOnce<S extends z.ZodType>(
  schema: S,
  raw: string | Uint8Array,
): Outcome<z.output<S>> {
  return decodeText(schema, raw)
}

/** Parses bytes vouched for; undefined if they somehow do not parse (then they are decoded in full). */
function parseVouched<T>(raw: Uint8Array): Outcome<T> | undefined {
  try {
    return ok(JSON.parse(utf8.decode(raw)) as T)
  } catch {
    return undefined
  }
}

function decodeText<S extends z.ZodType>(schema: S, raw: string | Uint8Array): Outcome<z.output<S>> {
  const parsed = parseJson(raw)
  if (parsed.kind !== 'ok') return parsed
  const valid = schema.safeParse(parsed.value)
  return valid.success ? ok(valid.data) : dlq(`schema: ${formatIssues(valid.error)}`)
}

/**
 * Parses one raw message (bytes or text) as JSON within the message limits, or a dead-letter
 * outcome whose reason names the problem: invalid UTF-8, too large, too deep, empty, not JSON.
 */
export function parseJson(raw: string | Uint8Array): Outcome<unknown> {
  const size = typeof raw === 'string' ? Buffer.byteLength(raw) : raw.byteLength
  if (size > LIMITS.maxMessageBytes) {
    return dlq(`message too large: ${size} bytes (limit ${LIMITS.maxMessageBytes})`)
  }
  let text: string
  if (typeof raw === 'string') text = raw
  else {
    try {
      text = utf8.decode(raw)
    } catch {
      return dlq('invalid UTF-8')
    }
  }
  if (text.trim() === '') return dlq('empty message')
  if (jsonDepth(text) > LIMITS.maxJsonDepth) return dlq(`JSON nested deeper than ${LIMITS.maxJsonDepth}`)
  try {
    return ok(JSON.parse(text))
  } catch (err) {
    return dlq(`not JSON: ${err instanceof Error ? err.message : String(err)}`)
  }
}

/** Bounds a raw payload for storage with its dead letter. */
export function truncatePayload(raw: string | Uint8Array): string {
  const text = typeof raw === 'string' ? raw : Buffer.from(raw).toString('utf8')
  return text.length > LIMITS.maxDeadLetterPayloadChars
    ? `${text.slice(0, LIMITS.maxDeadLetterPayloadChars)}…[truncated ${text.length - LIMITS.maxDeadLetterPayloadChars} chars]`
    : text
}
