import { describe, expect, it } from 'vitest'
import { createRedactor } from './redactor.ts'

const redactor = createRedactor({ keepHandles: ['StMarysHealth'] })

describe('self-disclosure', () => {
  it.each([
    ['I was diagnosed with type 2 diabetes last month', true],
    ["I've been diagnosed with breast cancer", true],
    ["I'm a patient at @StMarysHealth and my test came back positive", true],
    ['my MRN is 00482913, please call', true],
    ['I tested positive for COVID-19 this morning', true],
    ["I'm 12 weeks pregnant, can I get the Tdap?", true],
    ['I have HIV and your staff announced my meds out loud', true],
    ['my biopsy results are still not in the portal', true],
    ['My oncologist said chemo starts Monday', true],
    ['I need my insulin refill today', true],
    ['call me at 555-123-4567 about my bill', true],
    ['DOB 03/14/1985 — still cannot log in', true],
    ['Ruf mich an: +49 30 123456', true],
    ['If you have been diagnosed with diabetes, join our class', false],
    ['Get your flu shot! 1 in 3 adults skip it', false],
    ['I had the flu shot yesterday, arm is sore', false],
    ['My friend says vaccines cause autism', false],
    ['COVID-19 cases rising; wash your hands', false],
    ['Leaked doc shows patient John Carter, MRN 88213304', false],
    ['Our fax is 212-555-0199, please resend', false],
    ['I love the new cafeteria', false],
    ['', false],
  ])('%s → %s', (text, expected) => {
    expect(redactor.redact(text).selfDisclosure).toBe(expected)
  })
})

describe('self-disclosure: where a word starts', () => {
  // The patterns open with `(?<!\w)` instead of `\b`: the same boundary before a letter, under the
  // `iu` flags too (where `ſ` and the Kelvin sign `K` are word characters).
  it.each([
    ['(i was diagnosed with flu)', true],
    ['🤒i was diagnosed with flu', true],
    ['ok,MY biopsy results came back', true],
    ['Xi was diagnosed with flu', false],
    ['_i was diagnosed with flu', false],
    ['\u017fi was diagnosed with flu', false],
    ['\u212ai was diagnosed with flu', false],
    ['9my biopsy results came back', false],
    ['\u00e9my biopsy results came back', true],
  ])('%s → %s', (text, expected) => {
    expect(redactor.redact(text).selfDisclosure).toBe(expected)
  })
})
