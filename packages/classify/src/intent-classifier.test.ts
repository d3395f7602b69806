import { describe, expect, it } from 'vitest'
import { createIntentClassifier } from './intent-classifier.ts'
import { INTENT_IDS, INTENTS } from './intents.ts'

const c = createIntentClassifier()
const org = { orgHandles: ['@StMarysHealth'] }

describe('createIntentClassifier', () => {
  it.each([
    ['', []],
    ['🙂🙂🙂', []],
    // crisis: precision first
    ['I just want to die. I can’t do this anymore', ['crisis']],
    ['thinking about killing myself tonight', ['crisis']],
    ['my brother keeps talking about killing himself', ['crisis']],
    ['quiero morir, ya no aguanto más', ['crisis']],
    ['me quiero quitar la vida... quitarme la vida', ['crisis']],
    ['This traffic is killing me', []],
    ['Killer app for tracking my meds', []],
    ['lol I want to die of embarrassment 😂', []],
    ["I don't want to die from covid, so I got boosted", []],
    ['I hurt myself at the gym', []],
    ['Suicide prevention month: call or text 988', []],
    ["I'm not suicidal, just exhausted", []],
    // adverse events
    ['Broke out in hives after starting amoxicillin', ['adverse_event']],
    ['The vaccine gave my son a seizure', ['adverse_event']],
    ['My insulin pump malfunctioned after the update', ['adverse_event']],
    ['Got my booster yesterday, no side effects at all!', []],
    ['vaccines cause autism', []],
    ['What are the side effects of the new RSV shot?', ['medical_question']],
    // questions and advice
    ['My daughter has a fever of 103, should I take her to the ER?', ['medical_question', 'advice_request']],
    ['¿Es normal tener fiebre después de la vacuna?', ['medical_question']],
    // access, complaint, praise
    ["Can't get an appointment with a pediatrician for 3 weeks", ['access_problem']],
    ['The patient portal is down again and nobody answers the phone', ['access_problem']],
    ['no hay citas hasta marzo', ['access_problem']],
    ['The front desk staff were so rude to my mom', ['complaint']],
    ['Worst ER experience of my life', ['complaint']],
    ['Great, another 6 hour wait. Thanks for nothing 🙄', ['complaint']],
    ['Amazing nurses tonight 🙄', ['praise']],
    ['The staff were amazing, the wait was ridiculous', ['complaint', 'praise']],
    ['I got a rash after the flu shot?', ['medical_question']],
    ['Rash after the flu shot. Is that normal?', ['adverse_event']],
    ['Thank you to the nurses on 4 West ❤️', ['praise']],
    ['The staff were not kind at all', []],
    ['Los médicos fueron muy amables, gracias', ['praise']],
    // hostile input is text, not a pattern
    ['(.*)+$ \\1 [[[ ((( ???', []],
  ])('%s', (text, expected) => {
    expect(c.classify(text)).toEqual(expected)
  })

  it('tags a question addressed to the org as unanswered_question', () => {
    expect(c.classify('@StMarysHealth is the Main St urgent care open on Sundays?', org)).toEqual([
      'unanswered_question',
    ])
    expect(c.classify('is the Main St urgent care open on Sundays?', org)).toEqual([])
    expect(c.classify('is urgent care open Sunday?', { mentionsOrg: true })).toEqual(['unanswered_question'])
    expect(c.classify('@StMarysHealthFoundation open Sunday?', org)).toEqual([])
    expect(c.classify('@StMarysHealth thanks, all sorted', org)).toEqual(['praise'])
  })

  it('handles a huge post without slowing to a crawl or missing a late signal', () => {
    const text = `${'so tired of everything today. '.repeat(600)} I want to end my life`
    expect(c.classify(text)).toContain('crisis')
  })

  it('describes every intent with a next step', () => {
    expect(INTENTS.map((i) => i.id)).toEqual([...INTENT_IDS])
    for (const i of INTENTS) expect(i.nextStep.length).toBeGreaterThan(20)
    expect(INTENTS.find((i) => i.id === 'crisis')?.nextStep).toContain('988')
  })
})
