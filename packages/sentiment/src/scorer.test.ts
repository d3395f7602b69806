import { describe, expect, it } from 'vitest'
import { createSentimentScorer } from './scorer.ts'

const scorer = createSentimentScorer()
const score = (text: string, lang?: string): number => {
  const s = scorer.score(text, lang)
  if (s === null) throw new Error(`no score for ${text}`)
  return s.score
}

describe('createSentimentScorer: polarity and label', () => {
  it.each([
    ['I love this hospital, the nurses were wonderful', 'positive'],
    ['The wait in the ER was horrible and the staff were rude', 'negative'],
    ['The clinic opens at 9am on Monday', 'neutral'],
    ['', 'neutral'],
    ['   \n\t ', 'neutral'],
    ['😍😍😍', 'positive'],
    ['😭💔', 'negative'],
    [':-( :(', 'negative'],
    ['<3', 'positive'],
    ['&lt;3 the nurses', 'positive'],
    ['wait time &gt; 2h &amp; counting', 'neutral'],
    ['D: D:', 'negative'],
    ['T_T', 'negative'],
    [':-P', 'positive'],
    ['XD', 'positive'],
  ] as const)('%j → %s', (text, label) => {
    expect(scorer.score(text)?.label).toBe(label)
  })

  it('keeps every score in [-1, 1] even for extreme texts', () => {
    for (const text of ['love '.repeat(5000), 'HATE!!!! '.repeat(3000), '😡'.repeat(10_000)]) {
      const s = score(text)
      expect(s).toBeGreaterThanOrEqual(-1)
      expect(s).toBeLessThanOrEqual(1)
    }
  })
})

describe('VADER rules', () => {
  it.each([
    // [description, stronger, weaker]: the first text must score higher than the second.
    ['booster', 'The care was very good', 'The care was good'],
    ['dampener', 'The care was good', 'The care was kind of good'],
    ['ALL-CAPS emphasis', 'The care was GREAT today', 'The care was great today'],
    ['exclamation', 'Great service!!!', 'Great service'],
    ['elongation', 'sooo goood', 'so good'],
    ['slang', 'lmao this is dope', 'this is'],
    [
      'but shifts weight to what follows',
      'The food was bad but the nurses were great',
      'The nurses were great but the food was bad',
    ],
  ] as const)('%s', (_rule, stronger, weaker) => {
    expect(score(stronger)).toBeGreaterThan(score(weaker))
  })

  it.each([
    ['not good', 'good'],
    ["isn't great", 'great'],
    ['never happy', 'happy'],
    ['not very good', 'very good'],
    ['no good', 'good'],
  ] as const)('negation flips %j below zero', (negated, plain) => {
    expect(score(plain)).toBeGreaterThan(0)
    expect(score(negated)).toBeLessThan(0)
  })

  it('negation does not cross a clause boundary', () => {
    expect(score("I don't know, great job")).toBeGreaterThan(0)
  })

  it.each([
    // [rule, asserted, hedged]: both positive, the hedged one weaker.
    ['a question asks rather than asserts', 'The new clinic is good.', 'Is the new clinic good?'],
    ['a question closed by "!?"', 'The new clinic is good!', 'Is the new clinic good!?'],
    ['"hope" governs an unreal state', 'The new clinic is good', 'I hope the new clinic is good'],
    ['"if" governs an unreal state', 'The clinic is good, we go', 'If the clinic is good, we go'],
    [
      'a shared link reads as a headline',
      'Great new clinic opening',
      'Great new clinic opening http://x.co/a',
    ],
    ['a Title-Case name is not a feeling', 'we played with great joy', 'we played Great Joy Tour'],
  ] as const)('%s', (_rule, asserted, hedged) => {
    expect(score(hedged)).toBeGreaterThan(0)
    expect(score(hedged)).toBeLessThan(score(asserted))
  })

  it('a sentence-initial capital is not a name', () => {
    expect(score('Great news from the clinic')).toBe(score('great news from the clinic'))
  })

  it('repeated praise still adds, with diminishing returns', () => {
    const [one, two, three] = [score('good'), score('good good'), score('good good good')]
    expect(two).toBeGreaterThan(one)
    expect(three).toBeGreaterThan(two)
    expect(three - two).toBeLessThan(two - one)
  })

  it('a negated negative is not strongly negative', () => {
    expect(score('not bad at all')).toBeGreaterThan(-0.1)
  })
})

describe('health language', () => {
  it.each([
    'I tested positive for COVID',
    'My mom is covid positive',
    'test came back positive',
    'She is HIV-positive',
  ])('%j is not positive', (text) => {
    expect(score(text)).toBeLessThan(0.05)
  })

  it.each(['My test came back negative', 'negative results on the PCR', 'I tested negative'])(
    '%j is not negative',
    (text) => {
      expect(score(text)).toBeGreaterThan(-0.05)
    },
  )

  it.each([
    ['I have a fever and a bad cough', 'negative'],
    ['headache and nausea all day', 'negative'],
    ['that beat is sick', 'positive'],
    ["I'm so sick of waiting", 'negative'],
    ['I feel sick', 'negative'],
    ['what a killer workout', 'positive'],
    ['the serial killer was caught', 'negative'],
    ['patients waited in the lobby', 'neutral'],
    ['urgent care is open on Sunday', 'neutral'],
  ] as const)('%j → %s', (text, label) => {
    expect(scorer.score(text)?.label).toBe(label)
  })

  it('still reads positive feelings near health words', () => {
    expect(score('So grateful, my dad recovered and the nurses were amazing')).toBeGreaterThan(0.5)
  })
})

describe('languages', () => {
  it.each([
    ['Me encanta este hospital, el personal es muy amable', 'positive'],
    ['Odio esperar tanto en urgencias, es horrible', 'negative'],
    ['La atención no fue buena', 'negative'],
    ['No me gusta nada este servicio', 'negative'],
    ['Dio positivo a covid', 'negative'],
    ['El resultado de la prueba fue negativo', 'neutral'],
  ] as const)('Spanish %j → %s', (text, label) => {
    expect(scorer.score(text)?.label).toBe(label)
  })

  it.each([
    ['Je suis très content de ce service', undefined],
    ['Das ist wirklich nicht gut', undefined],
    ['Привет, как дела? Всё плохо', undefined],
    ['great', 'fr'],
    ['great', 'de-DE'],
  ])('unsupported language %j (lang %s) → null', (text, lang) => {
    expect(scorer.score(text, lang)).toBeNull()
  })

  it('an explicit lang overrides detection', () => {
    expect(scorer.score('horrible', 'es')?.label).toBe('negative')
    expect(scorer.score('great', 'en-GB')?.label).toBe('positive')
  })

  it('emoji-only text (undetermined language) falls back to English rules unless disabled', () => {
    expect(scorer.score('😂😂')?.label).toBe('positive')
    expect(createSentimentScorer({ fallbackLanguage: null }).score('😂😂')).toBeNull()
  })

  it('can be limited to English', () => {
    const en = createSentimentScorer({ languages: ['en'] })
    expect(en.score('Me encanta este hospital, el personal es muy amable')).toBeNull()
    expect(en.score('I love it')?.label).toBe('positive')
  })

  it('accepts custom lexicon entries', () => {
    const custom = createSentimentScorer({ lexicon: { en: { longwait: -2.5 } } })
    expect(custom.score('another longwait today')?.label).toBe('negative')
  })
})

describe('hostile and huge input', () => {
  it.each([
    ['mathematical bold letters', '𝐈 𝐥𝐨𝐯𝐞 𝐭𝐡𝐢𝐬', 'positive'],
    ['fullwidth letters', 'ｉ ｈａｔｅ ｉｔ', 'negative'],
    ['zero-width joiners inside a word', 'ha\u200bte this', 'negative'],
    ['right-to-left override', '\u202egood day', 'positive'],
    ['lone surrogates', '\ud83d good \udc00', 'positive'],
    ['control characters', 'great\u0000\u0007 job', 'positive'],
  ] as const)('%s', (_case, text, label) => {
    expect(scorer.score(text)?.label).toBe(label)
  })

  it('scores a 1 MB text quickly, bounded to its opening', () => {
    const huge = 'the service was terrible. '.repeat(40_000)
    const start = performance.now()
    expect(scorer.score(huge)?.label).toBe('negative')
    expect(performance.now() - start).toBeLessThan(2000)
  })

  it('is deterministic', () => {
    const text = 'Not bad at all, but the WAIT was awful!!! 😡'
    expect(scorer.score(text)).toEqual(scorer.score(text))
    expect(createSentimentScorer().score(text)).toEqual(scorer.score(text))
  })
})
