import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { decodeJson } from './decode.ts'
import { LIMITS } from './limits.ts'

const schema = z.object({ id: z.string(), n: z.number() })
const other = z.object({ id: z.string() })
const bytes = (text: string): Uint8Array => Buffer.from(text, 'utf8')

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

  it('decodes the same bytes once per schema (consumer groups sharing an embedded message)', () => {
    const message = bytes('{"id":"a","n":1,"extra":true}')
    const first = decodeJson(schema, message)
    expect(decodeJson(schema, message)).toBe(first)
    // Another schema over the same bytes is its own decode, with its own result.
    const narrow = decodeJson(other, message)
    expect(narrow).toEqual({ kind: 'ok', value: { id: 'a' } })
    // Equal bytes in another buffer (a Kafka consumer's copy) are decoded afresh.
    const copy = decodeJson(schema, bytes('{"id":"a","n":1,"extra":true}'))
    expect(copy).not.toBe(first)
    expect(copy).toEqual(first)
    // A refusal is remembered too, with its reason.
    const bad = bytes('{"id":1}')
    expect(decodeJson(schema, bad)).toBe(decodeJson(schema, bad))
  })
})
