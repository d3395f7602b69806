import { describe, expect, it } from 'vitest'
import { formatOrigin, originLine, parseOrigin } from './origin.ts'

describe('origins', () => {
  it('round-trips a source position, and names replayed lines by their line number only', () => {
    const header = formatOrigin({ source: 'replay:3fa2c1d09e8b', seq: 17 })
    expect(parseOrigin(header)).toEqual({ source: 'replay:3fa2c1d09e8b', seq: 17 })
    expect(originLine(header)).toBe('line 17')
    expect(originLine('replay:stdin-1795000000000#3')).toBe('line 3')
    expect(originLine(formatOrigin({ source: 'bluesky', seq: 9 }))).toBeUndefined()
    expect(originLine(undefined)).toBeUndefined()
    expect(originLine('replay:abc#not-a-number')).toBeUndefined()
  })
})
