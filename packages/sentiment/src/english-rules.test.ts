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

  it.each([
    // "not only … (also)" is a correlative: it adds, it does not deny.
    ['Not only is the nurse kind, she is also quick', 1],
    ['The nurse is not kind', -1],
    // "no more than", "no less than": a quantity, not a lack.
    ['The refill takes no more than 2 days', 0],
    ['The refill takes no less than 2 days', 0],
    ['No more pain after the surgery', 1],
    // "no idea", "no clue": not knowing, neither a lack nor a complaint.
    ['I have no idea what time it opens', 0],
    ['no clue about that, ask the desk', 0],
  ] as const)('a negator that does not negate here: %j → sign %d', (text, sign) => {
    expect(Math.sign(ruleScore(text))).toBe(sign)
  })

  it('"but also" adds to what came before instead of contrasting with it', () => {
    expect(ruleScore('The nurses were great but also the food was good')).toBe(
      ruleScore('The nurses were great and also the food was good'),
    )
    expect(ruleScore('The nurses were great but the food was good')).not.toBe(
      ruleScore('The nurses were great and the food was good'),
    )
  })

  it.each([
    ["The app doesn't work", -1],
    ['My inhaler is not working properly', -1],
    ['It never worked', -1],
    ["The portal won't even function", -1],
    // A person not working is a day off, not a failure; asserted, "work" is no sentiment.
    ["I don't work on Fridays", 0],
    ["We're not working tomorrow", 0],
    ['It works', 0],
    ['Back to work tomorrow', 0],
  ] as const)('a device or remedy that does not work: %j → sign %d', (text, sign) => {
    expect(Math.sign(ruleScore(text))).toBe(sign)
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
    // The "!" after a mention still counts (only the handle is skipped).
    expect(ruleScore('See you tonight, @sam!')).toBe(ruleScore('See you tonight!'))
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

  it.each([
    // A service desk is called, not help given; support itself is still positive.
    ['Called customer support about my refill', 0],
    ['The support line opens at 9', 0],
    ['Thanks for your support', 1],
    // Advice against, warnings, an obvious choice.
    ["I'd recommend against this pharmacy", -1],
    ['I recommend this pharmacy', 1],
    ["Don't buy this brand of test kits", -1],
    ['Switching clinics was a no-brainer', 1],
    ['Switching clinics was a no brainer', 1],
    // Defects of products and services; laughter.
    ['flimsy, overpriced junk', -1],
    ['the app is buggy and laggy', -1],
    ['hehe', 1],
  ] as const)('%j → sign %d', (text, sign) => {
    expect(Math.sign(ruleScore(text))).toBe(sign)
  })

  it.each([
    ['the tech support team was rude', 'the team was rude'],
    ['customer support never called back', 'they never called back'],
  ])('"support" as a service does not soften a complaint: %j like %j', (text, plain) => {
    expect(ruleScore(text)).toBe(ruleScore(plain))
  })

  it.each([
    // An illness naming an intervention, a service or a season is not being ill.
    ['Got my flu shot today', 0],
    ['Flu season is here, book your vaccine', 0],
    ['Our infection control team', 0],
    ['Join our breast cancer awareness walk!', 1],
    ['Thank you to the cancer care team', 1],
    // Being ill still is.
    ['I have the flu', -1],
    ['cancer took my dad', -1],
    ['this flu is brutal', -1],
  ] as const)('illness as a modifier: %j → sign %d', (text, sign) => {
    expect(Math.sign(ruleScore(text))).toBe(sign)
  })

  it.each([['Called customer support about my refill', 'neutral']] as const)(
    'shipped scorer: %j → %s',
    (text, expected) => {
      expect(label(text)).toBe(expected)
    },
  )
})

describe('service failures (long waits, calls never returned)', () => {
  it.each([
    'ER wait at @StMarysHealth was 6 hours last night and nobody called back about my results',
    'Still waiting for someone from billing to call me back. Third week.',
    'They discharged him without explaining anything',
    'Nobody told us anything for hours',
    'No one ever checked on my mother overnight',
    'I still haven’t heard back from the clinic',
    "I still haven't heard back from the clinic",
    'On hold with the pharmacy for 2 hours',
    'They never called back with the biopsy results',
    'Sat in the waiting room for five hours',
  ])('%j → negative', (text) => {
    expect(label(text)).toBe('negative')
  })

  it.each([
    // A short wait, eagerness, the speaker's own call, an idiom of "never tell", news never heard of.
    ['The wait was only 10 minutes, in and out', 'neutral'],
    ['Got my flu shot at the pharmacy, took 5 minutes', 'neutral'],
    ['I never called them about the appointment', 'neutral'],
    ['Never tell people how to do things', 'neutral'],
    ['I had never heard of the clinic before', 'neutral'],
    ['I still hear from my old doctor every Christmas', 'neutral'],
  ] as const)('%j → %s', (text, expected) => {
    expect(label(text)).toBe(expected)
  })

  it('eagerness is not a wait: "can\'t wait 3 days" is not a complaint', () => {
    expect(ruleScore("Can't wait 3 days until the new clinic opens")).toBeGreaterThanOrEqual(0)
  })
})
