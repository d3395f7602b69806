import { describe, expect, it } from 'vitest'
import { escapeMrkdwn, mrkdwnLink, safePlainText, truncateMrkdwn, truncatePlain, userText } from './mrkdwn.ts'

const HOSTILE = [
  '<!channel> urgent',
  '<!here|here> look',
  '<!everyone>',
  'hi <@U123ABC>',
  'join <#C123|general>',
  'ping <!subteam^S1|@oncall>',
  'click <http://evil.example|https://hospital.org/official>',
  '<https://evil.example>',
  '<mailto:x@evil.example|Contact us>',
  '<!date^1392734382^{date}|Feb 18>',
  '&lt;!channel&gt; pre-escaped',
  '&#60;!here&#62;',
  '<<!channel>>',
  '<\u0000!channel>',
  '<\u202e!here>',
]

describe('escapeMrkdwn', () => {
  it.each([
    ['', ''],
    ['plain text', 'plain text'],
    ['a & b', 'a &amp; b'],
    ['1 < 2 > 0', '1 &lt; 2 &gt; 0'],
    ['&amp;', '&amp;amp;'],
    ['<!channel>', '&lt;!channel&gt;'],
    ['<@U123>', '&lt;@U123&gt;'],
    ['<http://evil|trusted>', '&lt;http://evil|trusted&gt;'],
    ['emoji 🤒 ok', 'emoji 🤒 ok'],
    ['tab\tand\nnewline', 'tab\tand\nnewline'],
    ['bell\u0007 esc\u001b[31m', 'bell esc[31m'],
    ['rtl \u202eevil', 'rtl evil'],
  ])('%j → %j', (input, expected) => {
    expect(escapeMrkdwn(input)).toBe(expected)
  })

  it.each(['@channel', '@here', '@everyone', 'hey @Channel!', '@HERE now'])(
    'neutralises broadcast word %j',
    (input) => {
      const out = escapeMrkdwn(input)
      expect(out).not.toMatch(/@(channel|here|everyone)\b/i)
      expect(out.replace(/\u2060/g, '')).toBe(input)
    },
  )

  it.each(HOSTILE)('no mention, link or special token survives from %j', (input) => {
    const out = escapeMrkdwn(input)
    expect(out).not.toContain('<')
    expect(out).not.toContain('>')
    expect(out).not.toMatch(/&(?!amp;|lt;|gt;)/)
  })

  it('keeps ordinary words containing here/channel', () => {
    expect(escapeMrkdwn('email me@hereford.org about the channel')).toBe(
      'email me@hereford.org about the channel',
    )
  })
})

describe('safePlainText', () => {
  it.each(HOSTILE)('replaces angle brackets in %j', (input) => {
    const out = safePlainText(input)
    expect(out).not.toMatch(/[<>]/)
  })
})

describe('truncateMrkdwn', () => {
  it.each([
    ['short', 10, 'short'],
    ['abcdefghij', 5, 'abcd…'],
    // would cut inside "&amp;": the whole entity goes
    ['abc&amp;def', 6, 'abc…'],
    ['abc&lt;def', 7, 'abc…'],
    ['abc&gt;', 7, 'abc&gt;'],
    // would cut inside a link Pulse wrote: the link goes
    ['see <https://x.org|docs> now', 15, 'see …'],
    // would split a surrogate pair
    ['ab😀cd', 4, 'ab…'],
    ['x', 0, ''],
  ])('%j to %i → %j', (input, max, expected) => {
    const out = truncateMrkdwn(input, max)
    expect(out).toBe(expected)
    expect(out.length).toBeLessThanOrEqual(Math.max(max, 0))
  })

  it('never leaves a lone surrogate or a broken entity, at any length', () => {
    const escaped = escapeMrkdwn('🤒 <!channel> & 💉 fever <@U1> 😷'.repeat(3))
    for (let max = 1; max <= escaped.length; max++) {
      const out = truncateMrkdwn(escaped, max)
      expect(out.length).toBeLessThanOrEqual(max)
      expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/)
      expect(out).not.toMatch(/&(?!amp;|lt;|gt;)/)
    }
  })

  it('handles huge input', () => {
    const out = userText('<!channel>'.repeat(100_000), 3000)
    expect(out.length).toBeLessThanOrEqual(3000)
    expect(out).not.toContain('<')
  })
})

describe('truncatePlain', () => {
  it.each([
    ['header', 150, 'header'],
    ['😀😀😀', 4, '😀…'],
  ])('%j to %i → %j', (input, max, expected) => {
    expect(truncatePlain(input, max)).toBe(expected)
  })
})

describe('mrkdwnLink', () => {
  it('percent-encodes characters that would end or split the link', () => {
    expect(mrkdwnLink('https://x.org/a|b>c?q=1&r=2', 'label')).toBe(
      '<https://x.org/a%7Cb%3Ec?q=1&amp;r=2|label>',
    )
  })
})
