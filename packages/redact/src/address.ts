import { allMatches } from './all-matches.ts'
import { type Candidate, PRIORITY } from './types.ts'

/**
 * Street addresses: a house number, a capitalised street name and a street type
 * (`221B Baker Street`, `1600 Pennsylvania Ave NW, Washington, DC 20500`, `350 5th Ave, Apt 4B`),
 * the same in lower case after words that introduce an address (`i live at 42 elm st`), and PO boxes.
 */

const SUFFIX =
  '(?:street|st|avenue|ave|av|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|way|place|pl|terrace|ter|circle|cir|parkway|pkwy|highway|hwy|square|sq|trail|trl|crescent|cres|plaza|plz|expressway|expy|turnpike|tpke|pike|alley|aly|causeway|route|rte)'
const DIRECTION = '(?:n|s|e|w|ne|nw|se|sw|north|south|east|west)'
const NUMBER = '\\d{1,6}[A-Za-z]?(?:-\\d{1,5})?'
const ORDINAL = '\\d{1,3}(?:st|nd|rd|th)'
const UNIT_WORDS = [
  'apt',
  'apartment',
  'unit',
  'suite',
  'ste',
  'fl',
  'floor',
  'room',
  'rm',
  'bldg',
  'building',
]
  .map((w) => `${w[0]?.toUpperCase()}${w.slice(1)}|${w}|${w.toUpperCase()}`)
  .join('|')
const UNIT = `(?:,?\\s*(?:${UNIT_WORDS}|#)\\.?\\s*#?\\s*[A-Za-z0-9-]{1,6}(?![\\p{L}\\p{N}]))`
const STATE =
  '(?:A[LKZR]|C[AOT]|D[EC]|FL|GA|HI|I[DLNA]|K[SY]|LA|M[EDAINSOT]|N[EVHJMYCD]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[TA]|W[AVIY]|PR)'
const ZIP = '\\d{5}(?:-\\d{4})?'
const UK_POSTCODE = '[A-Z]{1,2}\\d[A-Z\\d]?\\s?\\d[A-Z]{2}'
const CITY = "\\p{Lu}[\\p{L}'’.-]+(?:\\s\\p{Lu}[\\p{L}'’.-]+){0,2}"
const TAIL = `(?:,?\\s+(?:N|S|E|W|NE|NW|SE|SW)\\.?(?![\\p{L}]))?${UNIT}?(?:,\\s*${CITY}(?:,?\\s+(?:${STATE}(?:\\s+${ZIP})?|${UK_POSTCODE}))|,?\\s+${STATE}\\s+${ZIP}|,?\\s+${UK_POSTCODE})?`

const LOWER_TAIL = `${UNIT}?(?:,\\s*[a-z]+(?:\\s[a-z]+){0,2},?\\s+[a-z]{2}\\s+${ZIP}|,?\\s+[a-z]{2}\\s+${ZIP})?`

// Street-name words: capitalised words or ordinals, one to four of them; the street type as written
// in title or lower case (`Main St`, `Main street`), so all-lowercase prose never matches here.
const NAME_WORD = `(?:\\p{Lu}[\\p{L}'’.-]*|${ORDINAL})`
const TITLE_SUFFIX = SUFFIX.slice(3, -1)
  .split('|')
  .map((w) => `${w[0]?.toUpperCase()}${w.slice(1)}|${w}`)
  .join('|')
const TITLE_DIRECTION = '(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)'
const CAPITALISED = new RegExp(
  `(?<![\\p{L}\\p{N}.,/-])${NUMBER}\\s+(?:${TITLE_DIRECTION}\\.?\\s+)?(?:(?:${NAME_WORD}\\s+){0,3}${NAME_WORD}\\s+(?:${TITLE_SUFFIX})|Broadway)\\.?(?![\\p{L}\\p{N}])${TAIL}`,
  'gu',
)

const ADDRESS_CUE =
  '(?:live[sd]?|living|reside[sd]?|address(?:\\s+is)?|located|staying|stay|moved|move|send\\s+(?:it|mail|them)|deliver(?:ed)?|ship(?:ped)?|mail(?:ed)?|house|home|apartment|place)\\s*(?:at|on|is|to|:|in)?\\s*(?:is|at)?\\s*'
const LOWERCASE = new RegExp(
  `(?<![\\p{L}])${ADDRESS_CUE}(${NUMBER}\\s+(?:${DIRECTION}\\.?\\s+)?(?:[\\p{L}\\d'’.-]+\\s+){0,4}?${SUFFIX}\\.?(?![\\p{L}\\p{N}])(?:${TAIL}|${LOWER_TAIL}))`,
  'giu',
)

// All lower case with no cue: one to four plain street-name words and an unambiguous street type;
// the words must not be function words or quantities (`walked 3 blocks down the street`).
const LOWER_STRONG = new RegExp(
  `(?<![\\p{L}\\p{N}.,/-])${NUMBER}\\s+(?:${DIRECTION}\\.?\\s+)?((?:[a-z\\d][a-z\\d'’-]*\\s+){1,4})(?:street|st\\.|st(?=\\s*(?:$|[,;!?\\n]|apt|unit|suite|ste|fl|#))|avenue|ave\\.?|road|rd\\.?|boulevard|blvd\\.?|lane|ln\\.?|drive|court|ct\\.?|way|place|circle|parkway|pkwy|highway|hwy|terrace)(?![\\p{L}\\p{N}])${LOWER_TAIL}`,
  'gu',
)
const NOT_STREET = new Set(
  `a an the of on in at to for from with by and or my your our his her their its this that down up across along over
under near off into onto past around through blocks block miles mile km kilometers minutes mins hours hrs days weeks
months years times kids people cars doors houses more other same whole entire long short quick few many
ambulances ambulance patients nurses doctors beds visits calls`.split(/\s+/),
)

const PO_BOX = /(?<![\p{L}\p{N}])p\.?\s?o\.?\s+box\s+\d{1,6}(?![\p{N}])/giu

/** Cheap gate: some street type or `box` appears as a word. */
const GATE = new RegExp(`\\b(?:${SUFFIX.slice(3, -1)}|broadway|box)\\b`, 'i')

export function detectAddresses(text: string, out: Candidate[]): void {
  if (!GATE.test(text)) return
  for (const m of allMatches(CAPITALISED, text)) {
    out.push({ kind: 'ADDRESS', start: m.index, end: m.index + m[0].length, priority: PRIORITY.address })
  }
  for (const m of allMatches(LOWERCASE, text)) {
    const value = m[1] ?? ''
    const start = m.index + m[0].length - value.length
    out.push({ kind: 'ADDRESS', start, end: start + value.length, priority: PRIORITY.address })
  }
  for (const m of allMatches(LOWER_STRONG, text)) {
    const words = (m[1] ?? '').trim().split(/\s+/)
    if (words.some((w) => NOT_STREET.has(w))) continue
    out.push({ kind: 'ADDRESS', start: m.index, end: m.index + m[0].length, priority: PRIORITY.address })
  }
  for (const m of allMatches(PO_BOX, text)) {
    out.push({ kind: 'ADDRESS', start: m.index, end: m.index + m[0].length, priority: PRIORITY.address })
  }
}
