import { describe, expect, it } from 'vitest'
import { formatConsoleAlert } from './console-alert.ts'
import { buildSignal } from './test-support.ts'

describe('formatConsoleAlert', () => {
  it('prints severity, kind, title, numbers, trend and next step in a few lines', () => {
    const out = formatConsoleAlert(buildSignal({ severity: 'critical' }), {
      feedUrl: 'http://localhost:3000',
    })
    expect(out.split('\n')).toEqual([
      '🔴 CRITICAL new Volume spike: Flu vaccine mentions spiking [topic=flu-vaccine]',
      expect.stringMatching(/^ {3}observed 412 vs expected 96 \(4\.3×\), 180 authors {2}[▁▂▃▄▅▆▇█]{3}$/),
      '   terms: side effects',
      expect.stringMatching(/^ {3}next: Assess/),
      '   http://localhost:3000/#/signals/sig-1',
    ])
  })

  it.each([
    ['ANSI colour', 'Title \u001b[31mRED\u001b[0m'],
    ['terminal title escape', 'x\u001b]0;pwned\u0007y'],
    ['carriage return overwrite', 'safe\rFAKE ALERT'],
    ['multi-line', 'line1\nline2\n\nline3'],
    ['bidi override', 'abc\u202Edcba'],
  ])('strips %s from post-derived text', (_name, title) => {
    const out = formatConsoleAlert(buildSignal({ title, key: { dimension: 'hashtag', value: title } }))
    const controls = [...out].filter((ch) => {
      const code = ch.codePointAt(0) ?? 0
      return (code < 0x20 && ch !== '\n') || code === 0x7f || code === 0x202e
    })
    expect(controls).toEqual([])
    // a newline in the title cannot fake extra alert lines: only our own lines start the output
    for (const line of out.split('\n').slice(1)) expect(line).toMatch(/^ {3}\S/)
    expect(out.split('\n')).toHaveLength(4)
  })

  it('leaves out the next step once resolved', () => {
    expect(formatConsoleAlert(buildSignal({ state: 'resolved' }))).not.toContain('next:')
  })
})
