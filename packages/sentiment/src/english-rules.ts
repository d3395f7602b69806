import { NONE, type RuleContext } from './language-pack.ts'
import { type Token, TokenKind } from './tokenize.ts'

// Local bindings: imported module bindings are slower to read in hot loops under some loaders.
const TK = TokenKind
const set = (words: string): ReadonlySet<string> => new Set(words.split(' '))

/** Words that make "positive"/"negative" a test result rather than a feeling. */
const TEST_CONTEXT = set(
  'test tests tested testing retest retested result results screen screened screening swab swabbed ' +
    'pcr antigen lft rat biopsy scan culture covid covid19 coronavirus sars cov hiv flu influenza strep ' +
    'rsv mpox monkeypox tb tuberculosis hepatitis hep std sti chlamydia gonorrhea syphilis pregnancy ' +
    'pregnant antibody antibodies diagnosed diagnosis came comes come back twice again mono measles ' +
    'malaria dengue ebola zika cholera lyme omicron delta variant',
)
const RESULT_WORDS = set('positive negative pos neg')

/** Nouns after which "sick"/"killer"/"wicked" are slang praise of a thing ("sick beat"). */
const PRAISED_THINGS = set(
  'beat beats track tracks song songs tune tunes trick tricks move moves goal goals shot shots dunk ' +
    'ride rides car cars view views video videos set mix game play plays skills skill drop pic pics ' +
    'photo photos solo riff riffs kicks shoes design look looks app apps deal deals workout show ' +
    'performance smile style outfit combo bass guitar vocals voice gameplay graphics jump flip line ' +
    'lineup job plan idea party wheels sound',
)
/** Words before "sick" that keep its literal meaning ("I'm sick", "feel sick", "sick of"). */
const LITERAL_SICK_BEFORE = set(
  "i'm im i am was were is are be been being feel feeling felt feels get got getting gets so very " +
    'too really home call called calling make makes made falling fell',
)
const LITERAL_KILLER_BEFORE = set('serial silent mass contract number leading biggest cold')

/** Health-service nouns after which "care" names a service, not affection ("urgent care"). */
const CARE_SERVICES = set(
  'health healthcare urgent primary intensive medical critical patient home child day elder ' +
    'palliative hospice emergency acute dental skilled managed respite foster hospital maternity ' +
    'prenatal postnatal antenatal mental social nursing residential specialist secondary tertiary ' +
    'community respiratory cardiac neonatal aged',
)
/** Words before "patient" that make it the adjective ("be patient", "so patient"). */
const PATIENT_ADJECTIVE_BEFORE = set(
  'be is am are was were been being so very more too stay remain please extremely really quite ' +
    'incredibly super patient kind',
)
/** Subjects/auxiliaries before which "like" is the verb of liking ("I like", "would like"). */
const LIKE_VERB_BEFORE = set(
  "i we you they he she i'd we'd you'd they'd would do does did don't dont doesn't doesnt didn't " +
    'didnt really also just still actually totally definitely u ya ppl people who everyone everybody ' +
    "all both kinda sorta i'll we'll to",
)

const isWord = (t: Token | undefined, words: ReadonlySet<string>): boolean =>
  t !== undefined && t.kind === TK.Word && words.has(t.text)

const hasValence = (ctx: RuleContext, i: number): boolean => {
  const v = ctx.valence[i]
  return v !== undefined && !Number.isNaN(v) && v !== 0
}

/** Context rules for English; see `LanguagePack.applyContextRules`. */
export function applyEnglishRules(ctx: RuleContext): void {
  const { tokens, valence, boost } = ctx
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token
    if (t.kind !== TK.Word) continue
    const prev = tokens[i - 1]
    const next = tokens[i + 1]
    switch (t.text) {
      case 'positive':
      case 'negative':
      case 'pos':
      case 'neg':
        if (isTestResult(tokens, i)) valence[i] = t.text.startsWith('pos') ? -0.8 : 0
        break
      case 'sick':
      case 'sickest':
      case 'wicked':
        if (isWord(next, PRAISED_THINGS) && !isWord(prev, LITERAL_SICK_BEFORE)) valence[i] = 2.2
        else if (isPraiseExclamation(tokens, i) || isPraisedThingCopula(tokens, i)) valence[i] = 2
        break
      case 'killer':
        if (isWord(next, PRAISED_THINGS) && !isWord(prev, LITERAL_KILLER_BEFORE)) valence[i] = 2.2
        break
      case 'care':
        // "urgent care", "critical care": a service; neither word is a feeling.
        if (isWord(prev, CARE_SERVICES)) {
          valence[i] = 0
          valence[i - 1] = NONE
        }
        break
      case 'patient':
        if (!isWord(prev, PATIENT_ADJECTIVE_BEFORE)) valence[i] = 0
        break
      case 'like':
        if (!isWord(prev, LIKE_VERB_BEFORE) && prev?.text.endsWith("n't") !== true) valence[i] = 0
        break
      case 'pretty':
      case 'super':
        // "pretty good": a booster, not a compliment of its own.
        if (next !== undefined && next.clause === t.clause && hasValence(ctx, i + 1)) {
          valence[i] = NONE
          boost[i] = 0.293
        }
        break
      case 'least':
        if (prev?.text !== 'at' && prev?.text !== 'very' && hasValence(ctx, i + 1)) {
          valence[i + 1] = (valence[i + 1] as number) * -0.74
        }
        break
    }
  }
}

function isTestResult(tokens: readonly Token[], i: number): boolean {
  for (let k = Math.max(0, i - 3); k <= Math.min(tokens.length - 1, i + 2); k++) {
    if (k === i) continue
    const t = tokens[k] as Token
    if (t.kind !== TK.Word) continue
    if (TEST_CONTEXT.has(t.text)) return true
    // "positive for X", "negative for X": a finding, whatever X is.
    if (k === i + 1 && t.text === 'for') return true
    if (RESULT_WORDS.has(t.text)) continue
  }
  return false
}

/** "that beat is sick", "the view was wicked": a praised thing, a copula, then the word. */
function isPraisedThingCopula(tokens: readonly Token[], i: number): boolean {
  const p1 = tokens[i - 1]?.text
  const copula = p1 === 'is' || p1 === 'was' || p1 === 'looks' || p1 === 'sounds' || p1 === 'are'
  return copula && isWord(tokens[i - 2], PRAISED_THINGS)
}

/** "that's sick!", "so sick!!" after a demonstrative: praise, not illness. */
function isPraiseExclamation(tokens: readonly Token[], i: number): boolean {
  const p1 = tokens[i - 1]?.text
  const p2 = tokens[i - 2]?.text
  const demonstrative = (w: string | undefined): boolean =>
    w === "that's" || w === 'thats' || w === 'this' || w === "it's" || w === 'looks' || w === 'sounds'
  return demonstrative(p1) || ((p1 === 'so' || p1 === 'hella' || p1 === 'mad') && demonstrative(p2))
}
