import { type TopicRule, topicRuleSchema, type Watchlist, watchlistSchema } from '@pulse/core'
import { describe, expect, it } from 'vitest'
import { brandTopics } from './brand-topics.ts'
import { DEFAULT_TOPICS } from './default-topics.ts'
import { createTopicMatcher } from './topic-matcher.ts'

const rule = (r: Partial<TopicRule> & Pick<TopicRule, 'id'>): TopicRule =>
  topicRuleSchema.parse({ label: r.id, category: 'illness', ...r })

const rules: TopicRule[] = [
  rule({ id: 'fever', any: ['fever'] }),
  rule({ id: 'er-wait', all: ['wait'], any: ['er', 'emergency room'], hashtags: ['erwait'] }),
  rule({ id: 'billing', any: ['bill'], not: ['bill gates'] }),
  rule({ id: 'brand', any: ["St. Mary's"], handles: ['@StMarysHealth'] }),
  rule({ id: 'vaccines', any: ['vacuna', 'vaccine'], hashtags: ['#VaccinesWork'] }),
]

const input = (text: string, hashtags: string[] = [], mentions: string[] = []) => ({
  text,
  hashtags,
  mentions,
})

describe('createTopicMatcher', () => {
  const m = createTopicMatcher(rules)
  it.each([
    ['empty text', input(''), []],
    ['stemming and case folding', input('Two FEVERS this week'), ['fever']],
    ['ALL and ANY together', input('Waited 6 hours in the ER tonight'), ['er-wait']],
    ['ALL missing', input('6 hours in the ER tonight'), []],
    ['phrase across words', input('the emergency room wait was awful'), ['er-wait']],
    ['phrase broken by sentence end', input('I waited at the emergency. Room 4 was free'), []],
    ['NOT excludes', input('Bill Gates funds the vaccine'), ['vaccines']],
    ['NOT absent', input('surprise bill from radiology'), ['billing']],
    ['rule hashtag from connector', input('so slow tonight', ['ERWait']), ['er-wait']],
    ['rule hashtag written in text', input('so slow tonight #erwait'), ['er-wait']],
    ['hashtag body counts as a word', input('#Fever again'), ['fever']],
    ['connector hashtag counts as a word', input('ugh', ['fevers']), ['fever']],
    ['handle from connector', input('thanks for the help', [], ['stmaryshealth']), ['brand']],
    ['handle written in text', input('thanks @StMarysHealth!'), ['brand']],
    ['possessive and punctuation phrase', input('waited at St Marys… no, St. Mary’s'), ['brand']],
    ['accents folded (Spanish)', input('¿Dónde me pongo la VACUNA?'), ['vaccines']],
    ['emoji and unicode noise', input('🤒🤒 fever 🔥 ２ days'), ['fever']],
    ['results in rule order', input('fever after the vaccine, now a bill'), ['fever', 'billing', 'vaccines']],
    ['hostile regex characters are plain text', input('(.*)+$ [fever] \\d{99999}'), ['fever']],
  ])('%s', (_name, post, expected) => {
    expect(m.match(post)).toEqual(expected)
  })

  it('matches in a huge post', () => {
    const text = `${'lorem ipsum '.repeat(2_000)} fever`
    expect(m.match(input(text))).toEqual(['fever'])
  })

  it('rules made only of stopwords or punctuation never match', () => {
    const odd = createTopicMatcher([rule({ id: 'odd', any: ['!!!'] }), ...rules])
    expect(odd.match(input('!!! fever'))).toEqual(['fever'])
  })

  it('scales to hundreds of rules with the same results', () => {
    const many = [...rules]
    for (let i = 0; i < 500; i++) many.push(rule({ id: `filler-${i}`, any: [`zzterm${i}`, `qq${i} phrase`] }))
    const big = createTopicMatcher(many)
    expect(big.match(input('fever and qq7 phrase, zzterm42'))).toEqual(['fever', 'filler-7', 'filler-42'])
  })
})

describe('DEFAULT_TOPICS', () => {
  it('is a valid taxonomy of about 30 topics with unique ids covering every WHO category', () => {
    for (const t of DEFAULT_TOPICS) topicRuleSchema.parse(t)
    expect(new Set(DEFAULT_TOPICS.map((t) => t.id)).size).toBe(DEFAULT_TOPICS.length)
    expect(DEFAULT_TOPICS.length).toBeGreaterThanOrEqual(28)
    expect(new Set(DEFAULT_TOPICS.map((t) => t.category))).toEqual(
      new Set(['cause', 'illness', 'treatment', 'interventions', 'information']),
    )
  })

  const m = createTopicMatcher(DEFAULT_TOPICS)
  it.each([
    ['Waited 6 hours in the ER with a broken wrist', ['er-wait']],
    ['My daughter has a fever of 103 and a rash on her chest', ['fever', 'rash', 'rash-with-fever']],
    ['Can’t get an appointment for 3 weeks', ['access']],
    ['Charged twice by billing, insurance won’t answer', ['billing']],
    ['Half the office has norovirus, vomiting all night', ['gi-illness']],
    ['Got my flu shot today', ['respiratory', 'vaccines']],
    ['Bill Gates put microchips in it', []],
    ['This traffic is killing me', []],
  ])('%s', (text, expected) => {
    expect(m.match(input(text))).toEqual(expected)
  })
})

describe('brandTopics', () => {
  const wl: Watchlist = watchlistSchema.parse({
    organization: { name: "St. Mary's Health", handles: ['@StMarysHealth'], terms: ['St Marys Hospital'] },
    competitors: [
      { name: 'Mercy General', terms: ['Mercy ER'], handles: ['mercygeneral'] },
      { name: 'Mercy  General!', handles: [] },
      { name: '', terms: [], handles: [] },
    ],
  })
  const topics = brandTopics(wl)
  const m = createTopicMatcher(topics)

  it('derives valid, unique brand and competitor topics', () => {
    for (const t of topics) topicRuleSchema.parse(t)
    expect(topics.map((t) => t.id)).toEqual([
      'brand',
      'competitor.mercy-general',
      'competitor.mercy-general-2',
    ])
  })
  it.each([
    ["Shout out to St Mary's Health nurses", ['brand']],
    ['@stmaryshealth why is the portal down', ['brand']],
    ['Went to Mercy ER instead, seen in 20 minutes', ['competitor.mercy-general']],
    [
      'mercy general vs st marys hospital?',
      ['brand', 'competitor.mercy-general', 'competitor.mercy-general-2'],
    ],
    ['Mary had a little lamb', []],
  ])('%s', (text, expected) => {
    expect(m.match(input(text))).toEqual(expected)
  })
})

describe('abbreviations are not sentence ends', () => {
  it.each([
    ["St. Mary's ER is ridiculous", true],
    ["everyone's talking about the st. mary's er story", true],
    ['We went to St. Then Mary came', false],
  ])('%s → brand %s', (text, expected) => {
    const m = createTopicMatcher([
      {
        id: 'brand',
        label: "St. Mary's",
        category: 'information',
        all: [],
        any: ["St. Mary's ER"],
        not: [],
        hashtags: [],
        handles: [],
      },
    ])
    expect(m.match({ text, hashtags: [], mentions: [] }).includes('brand')).toBe(expected)
  })
})
