import { email, intlPhone, obfuscatedEmail, usPhone } from './corpus-values.ts'
import type { Part } from './labelled.ts'
import type { Rng } from './rng.ts'

/**
 * Identifiers that are only identifiers in context (record numbers, dates of birth, addresses,
 * names), each with the words people use to introduce them, plus the protected health terms that
 * must survive redaction.
 */

const d = (rng: Rng, n: number): string => Array.from({ length: n }, () => String(rng.int(0, 9))).join('')

export function mrn(rng: Rng): Part[] {
  const cue = rng.pick([
    'MRN ',
    'MRN: ',
    'MRN# ',
    'my MRN is ',
    'medical record number ',
    'medical record # ',
    'Med Rec #',
    'patient ID ',
    'patient id: ',
    'Patient #',
    'member ID ',
    'Member ID: ',
    'member number ',
    'record no. ',
    'account number ',
    'acct # ',
    'policy number is ',
    'insurance ID ',
    'NHS number ',
    'chart # ',
  ])
  const value = rng.pick([
    d(rng, 6),
    d(rng, 8),
    d(rng, 10),
    `00${d(rng, 6)}`,
    `A${d(rng, 7)}`,
    `${rng.pick(['XJH', 'MBR', 'W', 'ZGP'])}${d(rng, 9)}`,
    `${d(rng, 2)}-${d(rng, 3)}-${d(rng, 3)}`,
    `${d(rng, 3)} ${d(rng, 3)} ${d(rng, 4)}`,
    `MRN-${d(rng, 7)}`,
  ])
  return [cue, { kind: 'MRN', value }]
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

export function dob(rng: Rng): Part[] {
  const cue = rng.pick([
    'DOB ',
    'DOB: ',
    'D.O.B. ',
    'dob ',
    'date of birth ',
    'date of birth is ',
    'born on ',
    'born ',
    'birthdate: ',
    'Date of Birth - ',
  ])
  const y = rng.int(1930, 2023)
  const m = rng.int(1, 12)
  const day = rng.int(1, 28)
  const mm = String(m).padStart(2, '0')
  const dd = String(day).padStart(2, '0')
  const month = MONTHS[m - 1] ?? 'March'
  const ord = `${day}${day === 1 || day === 21 ? 'st' : day === 2 || day === 22 ? 'nd' : day === 3 || day === 23 ? 'rd' : 'th'}`
  const value = rng.pick([
    `${mm}/${dd}/${y}`,
    `${m}/${day}/${String(y).slice(2)}`,
    `${y}-${mm}-${dd}`,
    `${dd}.${mm}.${y}`,
    `${month} ${day}, ${y}`,
    `${day} ${month} ${y}`,
    `${month.slice(0, 3)} ${ord} ${y}`,
    `${ord} of ${month}, ${y}`,
    `${dd}-${mm}-${y}`,
  ])
  return [cue, { kind: 'DOB', value }]
}

const STREETS = [
  'Main',
  'Oak',
  'Maple',
  'Elm',
  'Cedar',
  'Washington',
  'Lincoln',
  'Park',
  'Lake',
  'Hill',
  'Sunset',
  'Martin Luther King Jr',
  'Baker',
  'High',
  'Church',
  'Mill Creek',
  '5th',
  '42nd',
]
const SUFFIXES = [
  'Street',
  'St',
  'St.',
  'Avenue',
  'Ave',
  'Road',
  'Rd',
  'Boulevard',
  'Blvd',
  'Lane',
  'Ln',
  'Drive',
  'Dr',
  'Court',
  'Ct',
  'Way',
  'Place',
  'Terrace',
  'Circle',
  'Parkway',
  'Highway',
]
const CITIES = [
  ['Springfield', 'IL', '62704'],
  ['Austin', 'TX', '78701'],
  ['Portland', 'OR', '97205'],
  ['Columbus', 'OH', '43215'],
  ['San Diego', 'CA', '92101'],
] as const

export function address(rng: Rng): Part[] {
  const num = rng.pick([
    String(rng.int(1, 99)),
    String(rng.int(100, 9999)),
    `${rng.int(10, 999)}${rng.pick(['A', 'B'])}`,
  ])
  const dir = rng.chance(0.15) ? `${rng.pick(['N', 'S', 'E', 'W', 'North', 'West'])} ` : ''
  let value = `${num} ${dir}${rng.pick(STREETS)} ${rng.pick(SUFFIXES)}`
  if (rng.chance(0.3))
    value += `, ${rng.pick(['Apt', 'Apt.', 'Unit', 'Suite', '#'])} ${rng.int(1, 40)}${rng.pick(['', 'B'])}`
  if (rng.chance(0.4)) {
    const [city, st, zip] = rng.pick(CITIES)
    value += `, ${city}, ${st} ${zip}`
  }
  if (rng.chance(0.12)) value = value.toLowerCase()
  const cue = rng.pick([
    'I live at ',
    'our address is ',
    'send it to ',
    'at ',
    'my home at ',
    'located at ',
    '',
  ])
  return [cue, { kind: 'ADDRESS', value }]
}

const GIVEN = [
  'Maria',
  'James',
  'Aisha',
  'José',
  'Emma',
  'Noah',
  'Priya',
  'Chinedu',
  'Sofia',
  'Kenji',
  'Zoë',
  'Liam',
  'Fatima',
  'Olivia',
  'Mohammed',
  'Grace',
  'Dmitri',
  'Mei',
]
const FAMILY = [
  'Garcia',
  'Smith',
  'Nguyen',
  'Khan',
  'Okafor',
  'Müller',
  'Rossi',
  "O'Brien",
  'Patel',
  'Johnson',
  'Kowalski',
  'Hernández',
]

export function personName(rng: Rng, thirdPerson = false): Part[] {
  const third = [
    'my husband ',
    'my wife ',
    'my daughter ',
    'my son ',
    'my mom ',
    'my dad ',
    'patient ',
    'Patient: ',
    'my grandmother ',
    'my partner ',
    'Mrs. ',
  ]
  const cue = thirdPerson
    ? rng.pick(third)
    : rng.pick([
        'my name is ',
        'My name is ',
        'my husband ',
        'my wife ',
        'my daughter ',
        'my son ',
        'my mom ',
        'my dad ',
        'patient ',
        'Patient: ',
        'my grandmother ',
        'my partner ',
        "I'm ",
        'Mrs. ',
      ])
  const value =
    cue === 'Mrs. '
      ? rng.pick(FAMILY)
      : rng.chance(0.5)
        ? `${rng.pick(GIVEN)} ${rng.pick(FAMILY)}`
        : rng.pick(GIVEN)
  return [cue, { kind: 'NAME', value }]
}

export function contact(rng: Rng): Part[] {
  return rng.pick<() => Part[]>([
    () => [
      rng.pick(['call me at ', 'my cell is ', 'phone: ', 'reach me on ', 'text ', '']),
      { kind: 'PHONE', value: usPhone(rng) },
    ],
    () => [rng.pick(['call me on ', 'my number is ', 'tel. ', '']), { kind: 'PHONE', value: intlPhone(rng) }],
    () => [rng.pick(['email me at ', 'my email is ', 'contact: ', '']), { kind: 'EMAIL', value: email(rng) }],
    () => ['email ', { kind: 'EMAIL', value: obfuscatedEmail(rng) }],
  ])()
}
