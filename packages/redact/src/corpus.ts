import { address, contact, dob, mrn, personName } from './corpus-context.ts'
import { CORPUS_ORG, HOTLINES, PROTECTED_TERMS } from './corpus-terms.ts'
import { card, email, intlPhone, ipv4, ipv6, ssn, usPhone } from './corpus-values.ts'
import { assemble, type LabelledText, type Part } from './labelled.ts'
import { createRng, type Rng } from './rng.ts'

/**
 * Seeded generator of realistic social posts to a health organisation, labelled with the
 * identifiers they contain, the protected terms they contain and whether they are
 * self-disclosures. Templates are posts people write (complaints, questions, updates, pleas for
 * help); slots are filled with identifiers in varied formats and with protected health terms.
 */

type Slot = (rng: Rng) => Part[]

const SLOTS: Record<string, Slot> = {
  PHONE: (rng) => [{ kind: 'PHONE', value: rng.chance(0.6) ? usPhone(rng) : intlPhone(rng) }],
  EMAIL: (rng) => [{ kind: 'EMAIL', value: email(rng) }],
  SSN: (rng) => [
    rng.pick(['SSN ', 'SSN: ', 'social security number ', 'ss# ', '']),
    { kind: 'SSN', value: ssn(rng) },
  ],
  CARD: (rng) => [
    rng.pick(['card ', 'card number ', 'my visa ', 'cc: ', '']),
    { kind: 'CARD', value: card(rng) },
  ],
  IP: (rng) => [{ kind: 'IP', value: rng.chance(0.7) ? ipv4(rng) : ipv6(rng) }],
  MRN: mrn,
  DOB: dob,
  ADDRESS: address,
  NAME: personName,
  PERSON: (rng) => personName(rng, true),
  CONTACT: contact,
  TERM: (rng) => [{ keep: rng.pick(PROTECTED_TERMS) }],
  HOTLINE: (rng) => [{ keep: rng.pick(HOTLINES) }],
  HANDLE: (rng) => [{ keep: `@${rng.pick(CORPUS_ORG.keepHandles)}` }],
  BADCARD: (rng) => [{ keep: card(rng, false).replace(/^(\d{13,19})$/, '$1') }],
  ANY: (rng) =>
    (
      SLOTS[rng.pick(['PHONE', 'EMAIL', 'SSN', 'CARD', 'IP', 'MRN', 'DOB', 'ADDRESS', 'NAME'])] ??
      SLOTS.TERM ??
      (() => [])
    )(rng),
}

/** `[template, self-disclosure]` (null: not judged); `{SLOT}` is filled at generation time. */
const TEMPLATES: readonly (readonly [string, boolean | null])[] = [
  ['Hi {HANDLE} I was diagnosed with {TERM} last week and nobody called me back. {CONTACT}', true],
  ["I'm a patient at {HANDLE} and my test came back positive for {TERM}. {MRN}, please help", true],
  ['{HANDLE} my bill is wrong again. {MRN}. {CONTACT}', true],
  ['Still waiting on my biopsy results. {DOB}, {MRN}. Call me {PHONE}', true],
  ['{PERSON} was admitted Tuesday with {TERM} and no one will tell us anything. {CONTACT}', null],
  ['Please update my address to {ADDRESS}. {MRN}', true],
  ['{HANDLE} charged my card twice for one visit: {CARD}. {CONTACT}', true],
  ['Your portal logged me out from {IP} three times today and I need my {TERM} refill', true],
  ['My doctor said I need {TERM} before surgery. My SSN on file is wrong: {SSN}', true],
  ['{HANDLE} reminder: flu clinics are open {TERM}. Questions? Call {HOTLINE}', false],
  ['New data: {TERM} of adults got {TERM}. Read more from {HANDLE}', false],
  ['Is {TERM} safe with {TERM}? asking for my mom', false],
  ['{HANDLE} the {TERM} guidance says {TERM} but my pharmacy says otherwise', false],
  ['Outbreak update: {TERM} cases up, {TERM} hospitalised. Hotline {HOTLINE}', false],
  ['Fever of {TERM} for {TERM} now, is that normal for {TERM}?', false],
  ['I have {TERM} and my insurance denied the claim. {MRN}, {DOB}. {CONTACT}', true],
  ['{PERSON} needs her meds refilled, {DOB}, please email {EMAIL}', null],
  ['Worst ER experience. Waited {TERM} with chest pain. {CONTACT}', null],
  ['Shoutout to the nurses at {HANDLE}! {TERM} care is amazing', false],
  ['Why does your site ask for my card {BADCARD}? It keeps saying invalid', false],
  ['Tried to pay with {CARD} and it failed, then {BADCARD} also failed', null],
  ['{HANDLE} can someone call me? {PHONE} or {EMAIL}. I was discharged without my {TERM} prescription', true],
  ['Mail the forms to {ADDRESS} please, {NAME}', null],
  ['{TERM}: get your {TERM} at any clinic {TERM}. Info line {HOTLINE}', false],
  ['Account locked again. Login attempts from {IP} and {IP}, not me! {EMAIL}', null],
  ['{HANDLE} help, the portal rejects my details: {ANY}', true],
  ['Reporting a data leak: a form showed {ANY} and {ANY} for another patient', null],
  ['my dad is 80, {DOB}, and got his {TERM} yesterday. {CONTACT}', null],
  ['{TERM} vaccine clinic moved to {TERM}. Parking is free {TERM}', false],
  ['I was told my {TERM} results would take {TERM}. It has been two weeks. {MRN}', true],
  ['Can you send my records to {EMAIL}? {NAME}, {DOB}', true],
  ['{CONTACT} about the job posting, thanks', null],
  ['Texted {HOTLINE} and {PHONE} but nobody answered. My son has {TERM}', null],
  ['{TERM} and {TERM} rates in our county: {TERM}, {TERM}', false],
  ['FYI {HANDLE}: {TERM} at {TERM}, ages {TERM}', false],
  ['{SSN} is my SSN, why is it printed on the envelope?!', true],
  ['From {IP}: error 502 on the appointment page', false],
  ['Our fax is {PHONE}; please resend the referral', false],
]

function fill(template: string, rng: Rng): Part[] {
  const parts: Part[] = []
  const re = /\{([A-Z]+)\}/g
  let at = 0
  for (const m of template.matchAll(re)) {
    if (m.index > at) parts.push(template.slice(at, m.index))
    const slot = SLOTS[m[1] ?? '']
    if (slot) parts.push(...slot(rng))
    at = m.index + m[0].length
  }
  if (at < template.length) parts.push(template.slice(at))
  return parts
}

/** Generates `count` labelled posts from `seed`; same seed, same corpus. */
export function generateCorpus(count: number, seed = 20240917): LabelledText[] {
  const rng = createRng(seed)
  const out: LabelledText[] = []
  for (let i = 0; i < count; i++) {
    const [template, self] = rng.pick(TEMPLATES)
    out.push(assemble(`gen-${i}`, fill(template, rng), self))
  }
  return out
}

/** Unlabelled plain posts (no identifiers), for measuring throughput on typical traffic. */
export function generatePlainPosts(count: number, seed = 7): string[] {
  const rng = createRng(seed)
  const opener = [
    'Just got my',
    'Anyone else waiting on',
    'So grateful for',
    'Why is',
    'Reminder:',
    'Thread on',
  ]
  const topic = [
    'flu shot',
    'the new COVID-19 booster',
    'measles outbreak news',
    'ER wait times',
    'mental health week',
    'RSV season',
  ]
  const tail = [
    'today',
    'this week, thanks team!',
    'so frustrating',
    'great info',
    'please share',
    'stay safe everyone',
  ]
  return Array.from(
    { length: count },
    () => `${rng.pick(opener)} ${rng.pick(topic)} ${rng.pick(tail)} ${rng.pick(PROTECTED_TERMS)}`,
  )
}
