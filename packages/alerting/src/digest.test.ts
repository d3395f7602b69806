import { describe, expect, it } from 'vitest'
import { BLOCK_LIMITS } from './block-kit.ts'
import { buildDigestBlocks, type DigestInput } from './digest.ts'
import { allStrings, buildSignal } from './test-support.ts'

const input: DigestInput = {
  date: '2025-03-14',
  organization: 'General Hospital',
  topTopics: [
    { label: 'Flu vaccine', count: 1200, change: 2.5 },
    { label: 'ER wait times', count: 300 },
  ],
  sentiment: [
    { t: '2025-03-14T00:00:00Z', positive: 50, neutral: 40, negative: 10 },
    { t: '2025-03-14T12:00:00Z', positive: 30, neutral: 30, negative: 40 },
  ],
  signals: [
    {
      id: 'sig-1',
      title: 'Flu spike',
      kind: 'volume_spike',
      severity: 'warning',
      state: 'resolved',
      peakRatio: 4.3,
    },
  ],
  unansweredQuestions: [{ text: 'Where can I get a flu shot?', count: 17, topic: 'flu-vaccine' }],
  feedUrl: 'https://pulse.example.org',
}

describe('buildDigestBlocks', () => {
  it('lists top topics, sentiment trend, signals of the day and unanswered questions', () => {
    const msg = buildDigestBlocks(input)
    const text = allStrings(msg.blocks).join('\n')
    expect(msg.blocks[0]).toMatchObject({
      type: 'header',
      text: { text: '📊 Daily digest - General Hospital - 2025-03-14' },
    })
    expect(text).toContain('• Flu vaccine: 1,200 (2.5× vs yesterday)')
    expect(text).toContain('negative share 10% → 40% (↗ more negative)')
    expect(text).toContain('<https://pulse.example.org/#/signals/sig-1|Flu spike> (resolved · peak 4.3×)')
    expect(text).toContain('• Where can I get a flu shot? (17×) _flu-vaccine_')
    expect(msg.text).toBe('Daily digest - General Hospital - 2025-03-14: 1 signals, 1 unanswered questions')
  })

  it('says so when a section is empty', () => {
    const msg = buildDigestBlocks({
      date: 'd',
      topTopics: [],
      sentiment: [],
      signals: [],
      unansweredQuestions: [],
    })
    const text = allStrings(msg.blocks).join('\n')
    expect(text).toContain('_No topic activity._')
    expect(text).toContain('_No sentiment data._')
    expect(text).toContain('_No signals today._')
  })

  it('includes alerts held during quiet hours', () => {
    const msg = buildDigestBlocks({ ...input, held: [buildSignal({ id: 'night-1', title: 'Night spike' })] })
    expect(allStrings(msg.blocks).join('\n')).toMatch(/Held during quiet hours\* \(1\)\n• .*Night spike/)
  })

  it('escapes hostile text and stays inside limits', () => {
    const hostile = '<!channel> <@U1> <http://evil|ok> @here '.repeat(200)
    const msg = buildDigestBlocks({
      date: hostile,
      organization: hostile,
      topTopics: Array.from({ length: 100 }, () => ({ label: hostile, count: 1 })),
      sentiment: [],
      signals: Array.from({ length: 100 }, (_, i) => ({
        id: `<!here>${i}`,
        title: hostile,
        kind: 'misinformation_surge' as const,
        severity: 'critical' as const,
        state: 'opened' as const,
      })),
      unansweredQuestions: Array.from({ length: 100 }, () => ({ text: hostile, count: 1, topic: hostile })),
      feedUrl: 'https://pulse.example.org',
    })
    for (const s of [msg.text, ...allStrings(msg.blocks)]) {
      expect(s).not.toMatch(/<[!@#]/)
      expect(s).not.toMatch(/<http:\/\/evil/)
      expect(s).not.toMatch(/(^|[^\u2060])@here\b/)
      expect(s.length).toBeLessThanOrEqual(BLOCK_LIMITS.sectionText)
    }
    const text = allStrings(msg.blocks).join('\n')
    expect(text).toMatch(/Signals of the day\* \(100\)(\n• [^\n]+)+\n_…and \d+ more_/)
    expect(text).toMatch(/Top topics\*(\n• [^\n]+)+\n_…and \d+ more_/)
  })
})
