import { allMatches } from './all-matches.ts'
import { FIRST_NAMES } from './first-names.ts'
import { type Candidate, PRIORITY } from './types.ts'

/**
 * Personal names where the text introduces a person. Strong cues (`my name is`, `Name:`,
 * `my husband`, `Mrs.`) accept a capitalised word that is not a common word, or a known given name
 * in lower case; weak cues (`I'm`, `this is`, `patient`) need a known given name, capitalised. The
 * name runs on over capitalised surnames, initials and particles (`Maria de la Cruz`, `John D. Smith`).
 */

const RELATIONS =
  'husband|hubby|wife|spouse|partner|son|daughter|kid|child|baby|toddler|newborn|infant|mom|mum|mother|mommy|mama|dad|father|daddy|papa|brother|sister|sibling|grandma|grandmother|granny|nana|grandpa|grandfather|granddad|grandson|granddaughter|grandchild|aunt|auntie|uncle|niece|nephew|cousin|fianc[ée]e?|boyfriend|girlfriend|bf|gf|stepson|stepdaughter|stepmom|stepmother|stepdad|stepfather|twin|friend|bestie|neighbou?r|roommate|coworker|co-worker|colleague|caregiver|father-in-law|mother-in-law|son-in-law|daughter-in-law|brother-in-law|sister-in-law'

const CUE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(?<strong>my\\s+name\\s+is|my\\s+name['’]?s|name['’]s|(?:full\\s+|patient\\s+)?name\\s*[:=]|patient\\s*[:=]|(?:my|our)\\s+(?:late\\s+|little\\s+|older\\s+|younger\\s+|elderly\\s+|\\d{1,2}[- ]?(?:y\\.?o\\.?|year[- ]old|month[- ]old)\\s+)?(?:${RELATIONS})(?:\\s*,\\s*|\\s+(?:named|called|is\\s+named)\\s+|\\s+)|(?:mr|mrs|ms|miss|mx)\\.?\\s+)|(?<weak>i\\s+am\\s+|i['’]m\\s+|this\\s+is\\s+|(?:patient|pt\\.?|resident)\\s+(?:named\\s+)?))\\s*`,
  'giu',
)

const TOKEN = /@[\p{L}\p{N}_]{1,30}(?:@[\p{L}\p{N}.-]{1,60})?|\p{L}[\p{L}\p{M}'’-]*\.?/uy
const CAPITALISED = /^\p{Lu}(?=.*\p{Ll})/u
const INITIAL = /^\p{Lu}\.$/u
const PARTICLES = new Set([
  'de',
  'da',
  'del',
  'della',
  'di',
  'du',
  'la',
  'le',
  'van',
  'von',
  'der',
  'den',
  'bin',
  'ibn',
  'al',
  'el',
  'st.',
])

const STOP = new Set(
  `a about after again all also always am an and any are as at away back be because been before being both but by
came can can't cannot come comes could covid covid-19 daily dear did didn't do does doing don't done down dr during each
er even ever every finally first for from get gets getting go goes going gone got had has hasn't have having he hello
her here hey hi him his home hospital how i i'm icu if in into is isn't it its just last left like made many may me
might more most mr mrs ms much must my never new next no not now of off oh ok okay on once one only or other our out
over passed please pt really right said same says she should since so some still such sure than thank thanks that the
their them then there these they this those through to today told tomorrow tonight too took two under until up us
very was wasn't we went were what when where which while who why will with won't would yes yesterday yet you your
monday tuesday wednesday thursday friday saturday sunday january february march april june july august september
october november december doctor nurse clinic patient care team portal services center centre health medical
emergency urgent room ward unit surgery cancer flu fever pain test tested diagnosed admitted discharged died
needs needed started stopped waited waiting spent takes taking loves love hates feels felt fell broke asked tried
turned called calls visited lives lived works worked has had is was gets got just also always
experience advocate advocacy relations safety access financial support education information satisfaction
transport transportation registration billing rights coordinator navigator account records services
so super totally completely absolutely glad happy sad sorry tired sick scared worried angry upset frustrated
vaccinated pregnant positive negative fine good great okay better worse new old here there`.split(/\s+/),
)

function stripPossessive(token: string): string {
  return /['’]s$/u.test(token) ? token.slice(0, -2) : token
}

const isHandle = (token: string): boolean => token.charCodeAt(0) === 64
const isNameWord = (w: string): boolean => CAPITALISED.test(w) && !STOP.has(w.toLowerCase())

/**
 * Reads the name after a cue at `at`: the first word, then up to three surnames, initials or
 * particles. Returns the span end and how many capitalised words it holds, or undefined.
 */
function readName(text: string, at: number): { end: number; words: number; first: string } | undefined {
  TOKEN.lastIndex = at
  const first = TOKEN.exec(text)
  if (!first) return undefined
  const raw = first[0].replace(/\.$/, '')
  const firstWord = stripPossessive(raw)
  let end = at + firstWord.length
  let words = 1
  if (firstWord !== raw) return { end, words, first: firstWord }
  for (let more = 0; more < 3; more++) {
    if (text[end] !== ' ' && !(text[end] === '.' && text[end + 1] === ' ')) break
    TOKEN.lastIndex = text[end] === '.' ? end + 2 : end + 1
    const next = TOKEN.exec(text)
    if (!next || isHandle(next[0])) break
    if (INITIAL.test(next[0])) {
      end = next.index + next[0].length
      continue
    }
    let from = next.index
    let word = next[0].replace(/\.$/, '')
    if (PARTICLES.has(word.toLowerCase()) && text[from + word.length] === ' ') {
      TOKEN.lastIndex = from + word.length + 1
      const after = TOKEN.exec(text)
      if (!after) break
      from = after.index
      word = after[0].replace(/\.$/, '')
    }
    const clean = stripPossessive(word)
    if (!isNameWord(clean)) break
    end = from + clean.length
    words++
    if (clean !== word) break
  }
  return { end, words, first: firstWord }
}

/** Finds introduced names; `keepHandle` says whether an `@handle` is an organisation's. */
export function detectNames(text: string, out: Candidate[], keepHandle: (handle: string) => boolean): void {
  for (const m of allMatches(CUE, text)) {
    const strong = m.groups?.strong !== undefined
    const at = m.index + m[0].length
    TOKEN.lastIndex = at
    const head = TOKEN.exec(text)
    if (!head) continue
    if (isHandle(head[0])) {
      if (strong && !keepHandle(head[0])) {
        out.push({ kind: 'NAME', start: at, end: at + head[0].length, priority: PRIORITY.name })
      }
      continue
    }
    const name = readName(text, at)
    if (!name) continue
    const lower = name.first.toLowerCase()
    if (STOP.has(lower)) continue
    const cap = CAPITALISED.test(name.first)
    const known = FIRST_NAMES.has(lower)
    // Strong cue: a capitalised word or a known given name. Weak cue: a capitalised known given
    // name, or a capitalised given name and surname.
    const accept = strong ? cap || known : cap && (known || name.words >= 2)
    if (!accept) continue
    out.push({
      kind: 'NAME',
      start: at,
      end: cap ? name.end : at + name.first.length,
      priority: PRIORITY.name,
    })
  }
}
