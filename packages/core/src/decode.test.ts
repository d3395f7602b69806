import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { decodeJson, decodeJsonOnce, jsonDepth, vouchFor } from './decode.ts'
import { LIMITS } from './limits.ts'
import { seededRandom } from './random.ts'

const schema = z.object({ id: z.string(), n: z.number() })
const other = z.object({ id: z.string() })
const bytes = (text: string): Uint8Array => Buffer.from(text, 'utf8')

/** The obvious character-by-character scan, as the reference for the fast one. */
function referenceDepth(text: string): number {
  let depth = 0
  let max = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (inString) {
      if (c === '\\') i++
      else if (c === '"') inString = false
    } else if (c === '"') inString = true
    else if (c === '{' || c === '[') max = Math.max(max, ++depth)
    else if (c === '}' || c === ']') depth--
  }
  return max
}

describe('jsonDepth', () => {
  it('ignores brackets inside strings, whatever escapes precede their quotes', () => {
    expect(jsonDepth('{"a":[1,{"b":"[[[{"}]}')).toBe(3)
    expect(jsonDepth('["\\"]')).toBe(1)
    expect(jsonDepth('["\\\\",[["x"]]]')).toBe(3)
    expect(jsonDepth('["\\"[[[", [1]]')).toBe(2)
    expect(jsonDepth('"unterminated [[[')).toBe(0)
  })

  it('agrees with a character-by-character scan on random JSON-like texts', () => {
    const random = seededRandom(11)
    const alphabet = ['{', '}', '[', ']', '"', '\\', 'a', ',', ':', ' ']
    for (let n = 0; n < 2_000; n++) {
      let text = ''
      const length = Math.floor(random() * 40)
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)]
      expect([text, jsonDepth(text)]).toEqual([text, referenceDepth(text)])
    }
  })
})

describe('decodeJson', () => {
  it('names what is wrong: UTF-8, size, depth, JSON, schema fields', () => {
    expect(decodeJson(schema, new Uint8Array([0xff, 0xfe]))).toEqual({ kind: 'dlq', reason: 'invalid UTF-8' })
    expect(decodeJson(schema, ' ')).toEqual({ kind: 'dlq', reason: 'empty message' })
    expect(decodeJson(schema, 'x'.repeat(LIMITS.maxMessageBytes + 1))).toMatchObject({
      reason: expect.stringMatching(/^message too large/),
    })
    expect(decodeJson(schema, '['.repeat(LIMITS.maxJsonDepth + 1))).toMatchObject({
      reason: expect.stringMatching(/^JSON nested deeper than/),
    })
    expect(decodeJson(schema, '{oops')).toMatchObject({
      kind: 'dlq',
      reason: expect.stringMatching(/^not JSON/),
    })
    expect(decodeJson(schema, '{"id":"a"}')).toMatchObject({
      kind: 'dlq',
      reason: expect.stringMatching(/^schema: .*n/),
    })
    expect(decodeJson(schema, bytes('{"id":"a","n":1}'))).toEqual({ kind: 'ok', value: { id: 'a', n: 1 } })
  })

  it('decodes the same bytes once per schema for two readers (consumer groups sharing an embedded message)', () => {
    const message = bytes('{"id":"a","n":1,"extra":true}')
    const first = decodeJson(schema, message)
    expect(decodeJson(schema, message)).toBe(first)
    // The entry served its second reader and is gone: a third decodes again, to an equal value.
    const third = decodeJson(schema, message)
    expect(third).not.toBe(first)
    expect(third).toEqual(first)
    // Another schema over the same bytes is its own decode, with its own result.
    const narrow = decodeJson(other, message)
    expect(narrow).toEqual({ kind: 'ok', value: { id: 'a' } })
    // Equal bytes in another buffer (a Kafka consumer's copy) are decoded afresh.
    const copy = decodeJson(schema, bytes('{"id":"a","n":1,"extra":true}'))
    expect(copy).not.toBe(first)
    expect(copy).toEqual(first)
    // A refusal is remembered too, with its reason.
    const bad = bytes('{"id":1}')
    const refused = decodeJson(schema, bad)
    expect(decodeJson(schema, bad)).toBe(refused)
  })

  it('decodes once without remembering, and never trusts a voucher (bytes copied to a thread)', () => {
    const message = bytes('{"id":"a","n":1,"extra":true}')
    const first = decodeJsonOnce(schema, message)
    expect(first).toEqual(decodeJson(schema, bytes('{"id":"a","n":1,"extra":true}')))
    expect(decodeJsonOnce(schema, message)).not.toBe(first)
    const vouched = bytes('{"id":7}')
    vouchFor(vouched, schema)
    expect(decodeJsonOnce(schema, vouched)).toMatchObject({
      kind: 'dlq',
      reason: expect.stringMatching(/^schema/),
    })
    expect(decodeJsonOnce(schema, new Uint8Array([0xff]))).toEqual({ kind: 'dlq', reason: 'invalid UTF-8' })
  })

  it('only parses bytes this process vouched for, and only for the schema it vouched', () => {
    // Valid for neither schema, so a full decode would refuse it: the vouched decode shows itself.
    const message = bytes('{"id":7}')
    vouchFor(message, schema)
    expect(decodeJson(schema, message)).toEqual({ kind: 'ok', value: { id: 7 } })
    expect(decodeJson(other, message)).toMatchObject({
      kind: 'dlq',
      reason: expect.stringMatching(/^schema/),
    })
    // A copy of the same bytes (as Kafka would deliver them) is validated in full.
    expect(decodeJson(schema, bytes('{"id":7}'))).toMatchObject({ kind: 'dlq' })
    // Vouched bytes that do not parse fall back to the full decode and its reason.
    const broken = bytes('{oops')
    vouchFor(broken, schema)
    expect(decodeJson(schema, broken)).toMatchObject({
      kind: 'dlq',
      reason: expect.stringMatching(/^not JSON/),
    })
  })
})
