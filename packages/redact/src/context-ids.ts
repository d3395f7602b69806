import { allMatches } from './all-matches.ts'
import { type Candidate, PRIORITY } from './types.ts'

/**
 * Identifiers recognised by the words that introduce them: medical record / patient / member /
 * account numbers (`MRN 00482913`, `member ID: XJH123456789`), SSNs written without dashes after
 * `SSN`, and dates of birth (`DOB 03/14/1985`, `born on March 3rd, 1990`). A bare date or number
 * without such words is left alone, so appointment dates and case counts survive.
 */

const ID_CUE = [
  'mrn',
  'm\\.r\\.n\\.?',
  'medical\\s+record(?:s)?(?:\\s+(?:number|num|no\\.?|#|id))?',
  'med(?:ical)?\\.?\\s+rec(?:ord)?\\.?\\s*(?:#|no\\.?|number)',
  'record\\s+(?:number|num|no\\.?|#|id)',
  'hospital\\s+(?:number|no\\.?|#|id)',
  'chart\\s+(?:number|num|no\\.?|#|id)',
  'patient\\s+(?:id|identifier|number|num|no\\.?|#|account(?:\\s+(?:number|no\\.?|#))?|acct\\.?(?:\\s*#)?)',
  'pt\\.?\\s*(?:id|#|no\\.?)',
  'member(?:ship)?\\s+(?:id|number|num|no\\.?|#)',
  'subscriber\\s+(?:id|number|no\\.?|#)',
  'account\\s+(?:id|number|num|no\\.?|#)',
  'acct\\.?\\s*(?:#|no\\.?|number|num)?',
  'a/c\\s*(?:#|no\\.?)?',
  'policy\\s+(?:id|number|num|no\\.?|#)',
  'insurance\\s+(?:id|number|no\\.?|#)',
  'claim\\s+(?:id|number|no\\.?|#)',
  'group\\s+(?:id|number|no\\.?|#)',
  'medicaid\\s+(?:id|number|no\\.?|#)',
  'medicare\\s+(?:id|number|no\\.?|#)',
  'mbi',
  'nhs\\s+(?:number|no\\.?|#)',
  'health\\s+(?:card|insurance)\\s+(?:number|no\\.?|#)',
  'encounter\\s+(?:id|number|no\\.?|#)',
  'visit\\s+(?:id|number|no\\.?|#)',
  'confirmation\\s+(?:number|no\\.?|#)',
].join('|')

const FILLER =
  "(?:\\s*(?:[:#=]|-(?!\\d)|is|was|are|number|num|no\\.|of|it's|it’s|id|reads|says|ending\\s+in)\\s*){0,4}\\s*"
const TOKEN = '[A-Za-z]{0,4}-?\\d[A-Za-z0-9]*(?:[-./][A-Za-z0-9]+){0,4}(?:\\s\\d{3,}){0,3}'

const ID = new RegExp(`(?<![\\p{L}\\p{N}])(?:${ID_CUE})(?:(?<=[#.:])|(?![\\p{L}]))${FILLER}(${TOKEN})`, 'giu')

const SSN_CTX =
  /(?<![\p{L}\p{N}])(?:ssn|ss#|s\.s\.n\.?|social\s+security(?:\s+(?:number|num|no\.?|#))?|social\s*#)(?:\s*(?:[:#=]|-(?!\d)|is|was|number|no\.)\s*){0,3}\s*(\d{3}[- .]?\d{2}[- .]?\d{4}|x{3}-?x{2}-?\d{4})(?![\p{N}])/giu

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)'
const DAY = '(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?'
const YEAR = "(?:(?:19|20)\\d\\d|'?\\d\\d)"
const DATE = [
  `\\d{1,2}[/.\\-]\\d{1,2}[/.\\-](?:\\d{4}|\\d{2})`,
  `\\d{4}[/.\\-]\\d{1,2}[/.\\-]\\d{1,2}`,
  `${MONTH}\\.?\\s+${DAY}(?:,?\\s+${YEAR})?`,
  `${DAY}\\s+(?:of\\s+)?${MONTH}\\.?(?:,?\\s+${YEAR})?`,
  `\\d{1,2}/\\d{1,2}`,
  `\\d{8}`,
].join('|')

const DOB_CUE =
  'dob|d\\.o\\.b\\.?|date\\s+of\\s+birth|birth\\s*date|birth\\s+day|birthday|bday|b-day|born(?:\\s+on)?|n[ée]e?\\s+le'
const DOB = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${DOB_CUE})(?:\\s*(?:[:=\\-–]|is|was|on|of|'s|’s|the)\\s*){0,3}\\s*(${DATE})(?![\\p{L}\\p{N}]|[/.\\-]\\d)`,
  'giu',
)

function pushGroup(m: RegExpExecArray | RegExpMatchArray, kind: Candidate['kind'], out: Candidate[]): void {
  const value = m[1]
  if (value === undefined || m.index === undefined) return
  const start = m.index + m[0].length - value.length
  out.push({ kind, start, end: m.index + m[0].length, priority: PRIORITY.context })
}

// Cheap gates: substrings every cue contains, checked on the lower-cased text before any regex runs.
const ID_STEMS = [
  'mrn',
  'm.r.n',
  'rec',
  'chart',
  'pat',
  'pt',
  'member',
  'subscriber',
  'acc',
  'acct',
  'a/c',
  'polic',
  'insur',
  'claim',
  'group',
  'medica',
  'mbi',
  'nhs',
  'health',
  'encounter',
  'visit',
  'confirm',
  'hospital',
]
const SSN_STEMS = ['ss', 's.s.n', 'social']
const DOB_STEMS = ['dob', 'd.o.b', 'birth', 'born', 'bday', 'b-day', 'né']

/** "Contains one of these substrings" as one regex: a single scan instead of an `includes` per stem. */
export function containsAny(stems: readonly string[]): RegExp {
  return new RegExp(stems.map((s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|'))
}

const ID_GATE = containsAny(ID_STEMS)
const SSN_GATE = containsAny(SSN_STEMS)
const DOB_GATE = containsAny(DOB_STEMS)

export function detectContextIds(text: string, out: Candidate[]): void {
  const lower = text.toLowerCase()
  if (ID_GATE.test(lower)) scanIds(text, out)
  if (SSN_GATE.test(lower)) for (const m of allMatches(SSN_CTX, text)) pushGroup(m, 'SSN', out)
  if (DOB_GATE.test(lower)) for (const m of allMatches(DOB, text)) pushGroup(m, 'DOB', out)
}

function scanIds(text: string, out: Candidate[]): void {
  for (const m of allMatches(ID, text)) {
    const token = m[1] ?? ''
    const digits = token.replace(/\D/g, '').length
    // At least four digits, or a mixed letters+digits code of five or more characters.
    if (digits >= 4 || (digits >= 2 && token.replace(/[^\p{L}\p{N}]/gu, '').length >= 5))
      pushGroup(m, 'MRN', out)
  }
}
