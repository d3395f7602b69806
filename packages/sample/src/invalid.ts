import type { MentionInput } from '@pulse/core'
import { type Rng, Weighted } from './random.ts'

/** A line the ingest must dead-letter, and why. */
export interface InvalidLine {
  readonly kind: 'invalid'
  readonly raw: string
  readonly problem: string
}

type Corruption = (m: MentionInput, rng: Rng) => InvalidLine

const GARBAGE = [
  '<html><body><h1>502 Bad Gateway</h1></body></html>',
  'HTTP/1.1 429 Too Many Requests',
  'undefined',
  "{id: 'x:1', text: 'unquoted keys'}",
  '{"id":"x:1","text":"trailing comma",}',
  'ok',
]

const withField = (m: MentionInput, patch: Record<string, unknown>): string =>
  JSON.stringify({ ...m, ...patch })

const CORRUPTIONS: ReadonlyArray<readonly [Corruption, number]> = [
  [(_, rng) => ({ kind: 'invalid', raw: rng.pick(GARBAGE), problem: 'not JSON' }), 3],
  [
    (m, rng) => {
      const json = JSON.stringify(m)
      return { kind: 'invalid', raw: json.slice(0, 8 + rng.int(json.length - 10)), problem: 'truncated JSON' }
    },
    4,
  ],
  [
    (m) => ({
      kind: 'invalid',
      raw: withField(m, { author: { handle: m.author.handle, followers: m.author.followers } }),
      problem: 'schema: author.id missing',
    }),
    3,
  ],
  [
    (m, rng) => ({
      kind: 'invalid',
      raw: withField(m, {
        createdAt: rng.pick(['yesterday 3pm', '2026-13-45T25:61:00Z', '17/11/2026 14:03', '']),
      }),
      problem: 'schema: createdAt is not an ISO-8601 instant',
    }),
    3,
  ],
  [
    (m) => ({
      kind: 'invalid',
      raw: withField(m, { createdAt: Date.parse(m.createdAt) }),
      problem: 'schema: createdAt is a number',
    }),
    1,
  ],
  [
    (m) => ({
      kind: 'invalid',
      raw: withField(m, { source: 'Twitter/X' }),
      problem: 'schema: source is not a token',
    }),
    1,
  ],
  [(m) => ({ kind: 'invalid', raw: withField(m, { id: '' }), problem: 'schema: empty id' }), 1],
  [(m) => ({ kind: 'invalid', raw: withField(m, { text: null }), problem: 'schema: text missing' }), 1],
  [
    (m) => ({
      kind: 'invalid',
      raw: withField(m, { engagement: { likes: -3, reposts: 0, replies: 0, quotes: 0 } }),
      problem: 'schema: negative like count',
    }),
    1,
  ],
  [(m) => ({ kind: 'invalid', raw: JSON.stringify([m]), problem: 'schema: array instead of object' }), 1],
]
const TABLE = new Weighted(CORRUPTIONS)

/** A broken delivery modelled on a real mention: garbage, truncation or a schema violation. */
export function invalidLine(m: MentionInput, rng: Rng): InvalidLine {
  return TABLE.draw(rng)(m, rng)
}
