import { VADER_LEXICON_TSV } from './data/vader-lexicon.ts'
import { EN_BOOSTERS, EN_NEGATION_TRANSPARENT, EN_NEGATORS, EN_PHRASES } from './english-data.ts'
import { EN_ADDITIONS } from './english-lexicon.ts'
import { applyEnglishRules } from './english-rules.ts'
import { indexPhrases, type LanguagePack } from './language-pack.ts'

/** Inflections that would change meaning, so are never derived ("likely" is not "like"). */
const FALSE_INFLECTIONS = new Set([
  'likely',
  'means',
  'meaning',
  'meanings',
  'kinds',
  'fines',
  'wells',
  'charges',
  'charged',
  'prettier',
  'pities',
  'lies',
  'lied',
  'lying',
  'matters',
  'mattered',
  'interests',
  'supplies',
  'fairs',
  'fairly',
  'hardly',
  'justly',
  'surely',
  'sorely',
  'shortly',
  'lately',
  'presently',
  'freely',
  'cheaply',
  'wellness',
  'goodness',
  'liked',
  'likes',
  'darling',
  'cooler',
  'coolers',
  'wills',
  'willing',
  'dears',
  'falls',
  'tops',
  'rights',
  'rest',
  'partying',
  'parties',
  'stables',
  'stabler',
  'cared',
  'caring',
  'cares',
  'shots',
  'aids',
  'aided',
  'killers',
  'sicker',
  // "-er" forms that are nouns or other words, not comparatives: a player is not "more play", a
  // prayer not "more pray", sober not "more sob". Every "-er" the rule below would derive whose
  // most frequent tag in a general English POS lexicon (natural's Brill lexicon) is not JJR/RBR.
  ...(
    'accuser banner betrayer blocker bomber booster broker crasher crusher cutter demander dicker ' +
    'doper dragger dreamer dropper exploiter faker freezer gainer greeter gunner hander impresser ' +
    'jeweler joiner leaker lieder liter litter payer player prayer promoter protester restorer ' +
    'rigger saver shaker shooter sinner slammer slasher sober stopper stranger suspender topper ' +
    'trapper wager whooper wisher wrecker'
  ).split(' '),
])

/**
 * Derives regular inflections (plural/3rd person, past, gerund, comparative, adverb) of every
 * single-word lexicon entry that has none listed, so "annoys" and "happier" score like their base.
 * Done once at construction, so scoring stays one map lookup per word.
 */
export function expandInflections(lexicon: Map<string, number>): void {
  const derived = new Map<string, number>()
  for (const [word, valence] of lexicon) {
    if (!/^[a-z]{3,}$/.test(word)) continue
    for (const form of inflect(word)) {
      if (!lexicon.has(form) && !FALSE_INFLECTIONS.has(form) && !derived.has(form)) derived.set(form, valence)
    }
  }
  for (const [form, valence] of derived) lexicon.set(form, valence)
}

function inflect(w: string): string[] {
  const last = w[w.length - 1]
  const stem = w.slice(0, -1)
  const forms: string[] = []
  if (last === 'y' && !/[aeiou]y$/.test(w)) {
    forms.push(`${stem}ies`, `${stem}ied`, `${stem}ier`, `${stem}iest`, `${stem}ily`, `${w}ing`)
  } else if (last === 'e') {
    forms.push(`${w}s`, `${w}d`, `${stem}ing`, `${w}r`, `${w}st`, `${w}ly`)
  } else {
    const sibilant = /(s|x|z|ch|sh)$/.test(w)
    forms.push(sibilant ? `${w}es` : `${w}s`, `${w}ed`, `${w}ing`, `${w}er`, `${w}est`, `${w}ly`)
    // Consonant doubling for short stems: "sad" → "sadder", "stop" → "stopped".
    if (/^[^aeiou]*[aeiou][bdgklmnprt]$/.test(w)) {
      forms.push(`${w}${last}ed`, `${w}${last}ing`, `${w}${last}er`, `${w}${last}est`)
    }
  }
  return forms
}

/** VADER's lexicon as a map, parsed from its vendored data file. */
export function vaderLexicon(): Map<string, number> {
  const lexicon = new Map<string, number>()
  for (const line of VADER_LEXICON_TSV.split('\n')) {
    const tab = line.lastIndexOf('\t')
    if (tab > 0) lexicon.set(line.slice(0, tab), Number(line.slice(tab + 1)))
  }
  return lexicon
}

/** Options that extend the built-in English vocabulary. */
export interface EnglishOptions {
  /** Extra or overriding entries, valence on VADER's −4 … +4 scale. */
  readonly lexicon?: Readonly<Record<string, number>>
}

export function createEnglishPack(options: EnglishOptions = {}): LanguagePack {
  const lexicon = vaderLexicon()
  for (const [word, valence] of Object.entries(EN_ADDITIONS)) {
    if (!lexicon.has(word)) lexicon.set(word, valence)
  }
  expandInflections(lexicon)
  // Dropped g ("lovin", "lovin'") is spelling, not meaning.
  for (const [word, valence] of [...lexicon]) {
    if (word.endsWith('ing') && word.length > 5) {
      const dropped = word.slice(0, -1)
      if (!lexicon.has(dropped)) lexicon.set(dropped, valence)
    }
  }
  for (const [word, valence] of Object.entries(options.lexicon ?? {}))
    lexicon.set(word.toLowerCase(), valence)
  return {
    code: 'en',
    lexicon,
    boosters: new Map(Object.entries(EN_BOOSTERS)),
    negators: new Set(EN_NEGATORS),
    negationTransparent: new Set(EN_NEGATION_TRANSPARENT),
    contrast: new Set(['but', 'however']),
    concessive: new Set(['although', 'though']),
    irrealis: new Set([
      'if',
      'unless',
      'hope',
      'hoping',
      'hopefully',
      'wish',
      'wishing',
      // Past counterfactuals ("would have" is marked by a context rule).
      "would've",
      "could've",
      "should've",
      'wouldve',
      'couldve',
      'shouldve',
      'woulda',
      'coulda',
      'shoulda',
    ]),
    phrases: indexPhrases(EN_PHRASES),
    negatingSuffix: "n't",
    applyContextRules: applyEnglishRules,
  }
}
