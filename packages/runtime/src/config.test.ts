import { describe, expect, it } from 'vitest'
import { parseRuntimeEnv } from './config.ts'

describe('runtime environment', () => {
  it('defaults to the embedded bus and store', () => {
    const env = parseRuntimeEnv({})
    expect(env.KAFKA_BROKERS).toBeUndefined()
    expect(env.CLICKHOUSE_URL).toBeUndefined()
    expect(env.PULSE_DATA_DIR).toBe('./data')
    expect(env.PULSE_FEED_PORT).toBe(8787)
  })

  it('splits brokers and reads booleans strictly ("false" stays false)', () => {
    const env = parseRuntimeEnv({ KAFKA_BROKERS: 'a:9092, b:9092', KAFKA_SSL: 'false' })
    expect(env.KAFKA_BROKERS).toEqual(['a:9092', 'b:9092'])
    expect(env.KAFKA_SSL).toBe(false)
  })

  it('names every bad variable at once', () => {
    expect(() =>
      parseRuntimeEnv({ CLICKHOUSE_URL: 'not a url', PULSE_FEED_PORT: '99999', KAFKA_SSL: 'maybe' }),
    ).toThrow(/CLICKHOUSE_URL.*(\n|.)*PULSE_FEED_PORT|PULSE_FEED_PORT.*CLICKHOUSE_URL/)
  })

  it('requires SASL credentials with a SASL mechanism', () => {
    expect(() => parseRuntimeEnv({ KAFKA_SASL_MECHANISM: 'plain' })).toThrow(/KAFKA_SASL_USERNAME/)
  })

  it('refuses a database name that is not a plain identifier', () => {
    expect(() => parseRuntimeEnv({ CLICKHOUSE_DATABASE: 'pulse; DROP' })).toThrow(/CLICKHOUSE_DATABASE/)
  })
})
