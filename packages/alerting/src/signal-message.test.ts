import type { SignalKind } from '@pulse/core'
import { describe, expect, it } from 'vitest'
import { BLOCK_LIMITS, type SlackBlock } from './block-kit.ts'
import { buildSignalBlocks, buildSignalUpdateBlocks } from './signal-message.ts'
import { allStrings, buildSignal } from './test-support.ts'

const HOSTILE_TEXTS = [
  '<!channel> the hospital is hiding deaths',
  '<!here> <!everyone> RT now',
  'ask <@U0ADMIN> or <#C0GENERAL>',
  '<!subteam^S0COMMS|@comms> look',
  'official statement: <http://evil.example/phish|https://hospital.org/statement>',
  '@channel @here @everyone',
  '<!date^1392734382^{date}|spoof>',
]

function textOf(blocks: SlackBlock[]): string {
  return allStrings(blocks).join('\n')
}

/** Ours: the feed and debunk links are only ever buttons, so no `<` may appear in any text. */
function assertNoInjection(strings: string[]): void {
  for (const s of strings) {
    expect(s).not.toMatch(/<[!@#]/)
    expect(s).not.toMatch(/<https?:/)
    expect(s).not.toMatch(/(^|[^\u2060])@(channel|here|everyone)\b/i)
  }
}

describe('buildSignalBlocks', () => {
  it('shows what spiked, by how much, the trend, terms, sources, samples, playbook and link', () => {
    const msg = buildSignalBlocks(buildSignal(), { feedUrl: 'https://pulse.example.org/' })
    const text = textOf(msg.blocks)
    expect(msg.blocks[0]).toMatchObject({ type: 'header' })
    expect(text).toContain('Volume spike: Flu vaccine mentions spiking')
    expect(text).toContain('*Observed*\n412')
    expect(text).toContain('*Expected*\n96')
    expect(text).toContain('4.3×')
    expect(text).toMatch(/`[▁▂▃▄▅▆▇█]{3}` observed/)
    expect(text).toContain('side effects (40)')
    expect(text).toContain('reddit (200)')
    expect(text).toContain('> Is the flu shot safe this year?')
    expect(text).toContain('*Recommended next step*')
    const actions = msg.blocks.find((b) => b.type === 'actions')
    expect(actions).toMatchObject({
      elements: [{ type: 'button', url: 'https://pulse.example.org/#/signals/sig-1' }],
    })
    expect(msg.text).toBe(
      '🟠 [warning] New Volume spike: Flu vaccine mentions spiking - observed 412 vs expected 96 (4.3×)',
    )
  })

  it('has no link button without a feed URL', () => {
    const msg = buildSignalBlocks(buildSignal())
    expect(msg.blocks.some((b) => b.type === 'actions')).toBe(false)
  })

  it.each(HOSTILE_TEXTS)('cannot ping or spoof a link from post text %j', (hostile) => {
    const signal = buildSignal({
      title: hostile,
      summary: hostile,
      key: { dimension: 'hashtag', value: hostile },
      evidence: {
        sampleTexts: [hostile, hostile, hostile],
        topTerms: [{ value: hostile, count: 3 }],
        topSources: [{ value: hostile, count: 2 }],
      },
    })
    for (const msg of [buildSignalBlocks(signal), buildSignalUpdateBlocks(signal)]) {
      assertNoInjection([msg.text, ...allStrings(msg.blocks)])
    }
  })

  it('keeps every text inside Block Kit limits for huge input', () => {
    const huge = `${'🤒 <!channel> & fever '.repeat(2000)}end`
    const signal = buildSignal({
      title: huge,
      summary: huge,
      evidence: {
        sampleTexts: [huge, huge, huge, huge, huge, huge],
        topTerms: Array.from({ length: 50 }, (_, i) => ({ value: `${huge}${i}`, count: i })),
        series: Array.from({ length: 500 }, (_, i) => ({
          t: '2025-03-14T10:00:00.000Z',
          observed: i,
          expected: 10,
          upper: 20,
        })),
      },
    })
    const msg = buildSignalBlocks(signal)
    expect(msg.blocks.length).toBeLessThanOrEqual(BLOCK_LIMITS.maxBlocks)
    expect(msg.text.length).toBeLessThanOrEqual(BLOCK_LIMITS.fallbackText)
    for (const block of msg.blocks) {
      if (block.type === 'header') expect(block.text.text.length).toBeLessThanOrEqual(BLOCK_LIMITS.headerText)
      if (block.type === 'section') {
        expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(BLOCK_LIMITS.sectionText)
        for (const f of block.fields ?? []) expect(f.text.length).toBeLessThanOrEqual(BLOCK_LIMITS.fieldText)
      }
    }
    const trend = textOf(msg.blocks).match(/`([▁▂▃▄▅▆▇█]+)` observed/)
    expect(trend?.[1]?.length).toBe(24)
  })

  it('shows at most 3 samples by default, collapsed to one line each', () => {
    const msg = buildSignalBlocks(buildSignal({ evidence: { sampleTexts: ['a\nb', 'c', 'd', 'e', ''] } }))
    const samples = textOf(msg.blocks).match(/^> .*/gm)
    expect(samples).toEqual(['> a b', '> c', '> d'])
  })

  it.each<[SignalKind, RegExp]>([
    ['volume_spike', /Assess/],
    ['emerging_term', /Assess/],
    ['sentiment_shift', /brand-crisis checklist/],
    ['misinformation_surge', /debunk link/],
    ['information_void', /publish a clear answer/],
    ['phi_exposure', /reply privately[\s\S]*Never confirm or deny/],
  ])('has a built-in next step for %s', (kind, expected) => {
    expect(textOf(buildSignalBlocks(buildSignal({ kind })).blocks)).toMatch(expected)
  })

  it('uses the watchlist playbook, and the claim debunk and approved wording', () => {
    const signal = buildSignal({
      kind: 'misinformation_surge',
      key: { dimension: 'claim', value: 'vaccine-autism' },
    })
    const msg = buildSignalBlocks(signal, {
      playbooks: { misinformation_surge: { nextStep: 'Page the <!channel> myth desk', template: 'Generic' } },
      claims: [
        {
          id: 'vaccine-autism',
          claim: 'Vaccines cause autism',
          patterns: [],
          keywords: [],
          debunkUrl: 'https://hospital.example.org/myths/autism',
          response: 'Vaccines do not cause autism. Large studies show this.',
        },
      ],
    })
    const text = textOf(msg.blocks)
    expect(text).toContain('Page the &lt;!channel&gt; myth desk')
    expect(text).toContain('> Vaccines do not cause autism.')
    expect(msg.blocks.find((b) => b.type === 'actions')).toMatchObject({
      elements: [{ text: { text: 'Debunk source' }, url: 'https://hospital.example.org/myths/autism' }],
    })
  })

  it('gives medical questions the contact-us / book-an-appointment wording', () => {
    const signal = buildSignal({
      kind: 'information_void',
      key: { dimension: 'intent', value: 'medical_question' },
    })
    expect(textOf(buildSignalBlocks(signal).blocks)).toMatch(/contact us or book an appointment/)
  })

  it('marks a resolved signal and drops the playbook', () => {
    const msg = buildSignalBlocks(buildSignal({ state: 'resolved' }))
    expect(msg.blocks[0]).toMatchObject({ text: { text: expect.stringMatching(/^✅ Resolved: /) } })
    expect(textOf(msg.blocks)).not.toContain('Recommended next step')
  })

  it('uses the severity emoji', () => {
    expect(buildSignalBlocks(buildSignal({ severity: 'critical' })).text).toMatch(/^🔴/)
    expect(buildSignalBlocks(buildSignal({ severity: 'info' })).text).toMatch(/^🔵/)
  })
})

describe('buildSignalUpdateBlocks', () => {
  it('summarises an escalation in one short reply', () => {
    const msg = buildSignalUpdateBlocks(
      buildSignal({ state: 'escalating', severity: 'critical', revision: 3 }),
    )
    expect(textOf(msg.blocks)).toContain(
      '🔴 *Escalating*, severity *critical* (rev 3): observed 412 vs expected 96',
    )
  })
})
