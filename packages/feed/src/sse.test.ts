import { describe, expect, it } from 'vitest'
import { formatSseComment, formatSseEvent, formatSseRetry } from './sse.ts'

/** Parses frames the way EventSource does: blank line ends a frame; data lines join with \n. */
function parseFrames(text: string): Array<{ event: string; data: string }> {
  return text
    .split('\n\n')
    .filter((frame) => frame !== '' && !frame.startsWith(':'))
    .map((frame) => {
      let event = 'message'
      const data: string[] = []
      for (const line of frame.split('\n')) {
        if (line.startsWith('event: ')) event = line.slice(7)
        if (line.startsWith('data: ')) data.push(line.slice(6))
      }
      return { event, data: data.join('\n') }
    })
}

describe('SSE framing', () => {
  it('frames a JSON signal as one event', () => {
    const frame = formatSseEvent('signal', JSON.stringify({ title: 'a\nb', text: '🦠 "quoted"' }))
    expect(frame).toBe('event: signal\ndata: {"title":"a\\nb","text":"🦠 \\"quoted\\""}\n\n')
    expect(JSON.parse(parseFrames(frame)[0]?.data ?? '')).toEqual({ title: 'a\nb', text: '🦠 "quoted"' })
  })

  it('keeps raw line breaks inside the data of a single frame', () => {
    const hostile = 'line1\n\nevent: admin\r\ndata: injected\rend'
    const frames = parseFrames(formatSseEvent('note', hostile))
    expect(frames).toHaveLength(1)
    expect(frames[0]?.event).toBe('note')
    expect(frames[0]?.data).toBe('line1\n\nevent: admin\ndata: injected\nend')
  })

  it('frames empty data', () => {
    expect(formatSseEvent('ready', '')).toBe('event: ready\ndata: \n\n')
  })

  it('refuses event names that could break framing', () => {
    for (const name of ['', 'sig\nnal', 'a b', 'événement'])
      expect(() => formatSseEvent(name, '{}')).toThrow()
  })

  it('writes comments on one line and a whole-millisecond retry', () => {
    expect(formatSseComment('heart\nbeat')).toBe(': heart beat\n\n')
    expect(formatSseRetry(2500.7)).toBe('retry: 2500\n\n')
  })
})
