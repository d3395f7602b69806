import { describe, expect, it } from 'vitest'
import { createSentimentScorer } from './scorer.ts'

// Labels come from the shipped scorer; comparisons of strength use the rules alone, so that the
// calibration layer cannot hide (or cause) a difference.
const scorer = createSentimentScorer()
const rules = createSentimentScorer({ calibration: null })
const label = (text: string): string | undefined => scorer.score(text)?.label
const ruleScore = (text: string): number => {
  const s = rules.score(text)
  if (s === null) throw new Error(`no score for ${text}`)
  return s.score
}

describe('negation scope', () => {
  it.each([
    // The negation governs its nearest sentiment word, not a later one: the talk is not praised.
    ["You aren't good at dirty talk.", 'negative'],
    ["I don't like bad movies", 'negative'],
    // Articles and copulas do not use up the reach: "bad" is negated four words on.
    ["Getting a cat wouldn't be such a bad idea", 'positive'],
    ['No fue una comida buena', 'negative'],
    // An emoticon is the writer's attitude, outside the sentence's negation.
    ['@pat Nope :-)', 'positive'],
    // "no" negates across a booster instead of counting as a sentiment of its own.
    ['No more wasted time developing rolls of film', 'positive'],
  ] as const)('%j → %s', (text, expected) => {
    expect(label(text)).toBe(expected)
  })

  it.each([
    ["I couldn't be happier with the clinic", 'positive'],
    ['It could not be easier to book', 'positive'],
    ["It doesn't get any better than this", 'positive'],
    ['I cannot recommend this pharmacy enough!', 'positive'],
    ['I cannot say enough good things about the nurses', 'positive'],
    ["Haven't been this sore in a while", 'negative'],
    ["I haven't felt so happy in years", 'positive'],
    // Without "than", a failure to improve; without "in a while", a plain negation.
    ["The pain doesn't get any better", 'negative'],
    ["I haven't been this happy", 'negative'],
  ] as const)('a negation that asserts the most: %j → %s', (text, expected) => {
    expect(label(text)).toBe(expected)
  })

  it('"couldn\'t be happier" is stronger than "happier"', () => {
    expect(ruleScore("I couldn't be happier")).toBeGreaterThan(ruleScore('I am happier'))
  })
})

describe('discourse and constructions', () => {
  it('a clause-initial response particle weighs less than an evaluative use', () => {
    expect(ruleScore('yeah I will call the clinic tomorrow')).toBeGreaterThan(0)
    expect(ruleScore('yeah I will call the clinic tomorrow')).toBeLessThan(
      ruleScore('I will call the clinic tomorrow, it is yeah'),
    )
  })

  it.each([
    ['Well, the appointment is at 9', 'neutral'],
    ['The appointment went well', 'positive'],
    ['Well done to the whole ward!', 'positive'],
  ] as const)('"well" as a discourse marker or an adverb: %j → %s', (text, expected) => {
    expect(label(text)).toBe(expected)
  })

  it.each([
    ['Thanks for ruining my week', 'negative'],
    ['Thanks for nothing', 'negative'],
    ['Thanks for the help today', 'positive'],
  ] as const)('ironic thanks: %j → %s', (text, expected) => {
    expect(label(text)).toBe(expected)
  })

  it('surprise takes the polarity of what surprised', () => {
    expect(label('Wow. Struck out again. Never done that before. #awful')).toBe('negative')
    expect(label('Wow, what a view')).toBe('positive')
  })

  it.each([
    ['pretty damn good', 'good'],
    ['a bloody brilliant nurse', 'a brilliant nurse'],
    ['wicked good chowder', 'good chowder'],
    ['tired af', 'tired'],
  ])('a degree word intensifies instead of counting on its own: %j beyond %j', (strong, plain) => {
    expect(Math.abs(ruleScore(strong))).toBeGreaterThan(Math.abs(ruleScore(plain)))
    expect(Math.sign(ruleScore(strong))).toBe(Math.sign(ruleScore(plain)))
  })

  it('a past counterfactual is not asserted', () => {
    expect(ruleScore('It would have been nice')).toBeGreaterThan(0)
    expect(ruleScore('It would have been nice')).toBeLessThan(ruleScore('It was nice'))
    expect(ruleScore("It would've been nice")).toBeLessThan(ruleScore('It was nice'))
  })

  it('a sentence opening with "But" demotes the sentence before it', () => {
    expect(ruleScore('The morning was fun. But then it rained.')).toBeGreaterThan(0)
    expect(ruleScore('The morning was fun. But then it rained.')).toBeLessThan(
      ruleScore('The morning was fun. Then it rained.'),
    )
  })

  it('a Title-Case word before a number is part of a name', () => {
    expect(ruleScore('We watched Magnificent 7')).toBeLessThan(ruleScore('We watched magnificent 7'))
  })

  it('an exclamation without sentiment words is enthusiasm; with a question it is not', () => {
    expect(ruleScore('See you tonight!')).toBeGreaterThan(0.05)
    expect(ruleScore('See you tonight!!')).toBeGreaterThan(ruleScore('See you tonight!'))
    expect(ruleScore('See you tonight')).toBe(0)
    expect(ruleScore('See you tonight?!')).toBe(0)
  })
})

describe('idioms and vocabulary', () => {
  it.each([
    ['Gonna kill some time before the appointment', 'neutral'],
    ['It scared the shit out of me', 'negative'],
    ["I'm looking forward to my checkup", 'positive'],
    ["Don't waste your money on this clinic", 'negative'],
    ['hell yeah, booster done', 'positive'],
    ['that is pretty much it', 'neutral'],
    ['so stoked for the weekend', 'positive'],
    ['hungover again', 'negative'],
    ['bummed about the news', 'negative'],
    ['huzzah!', 'positive'],
    ['the DVD player arrived', 'neutral'],
  ] as const)('%j → %s', (text, expected) => {
    expect(label(text)).toBe(expected)
  })

  it.each([
    [':DD', 'positive'],
    ['=(((', 'negative'],
    ['=(', 'negative'],
    ['🫶', 'positive'],
    ['🦠', 'negative'],
  ] as const)('emoticon or emoji %j → %s', (text, expected) => {
    expect(label(text)).toBe(expected)
  })
})
