import {
  BOOST,
  hasValence,
  isIronicThanks,
  isWord,
  markLitotes,
  markNotInAWhile,
  otherValence,
  wordSet as set,
} from './english-constructions.ts'
import { SERVICE_RULES } from './english-service.ts'
import { Mark, NONE, type RuleContext } from './language-pack.ts'
import { type Token, TokenKind } from './tokenize.ts'

// Local bindings: imported module bindings are slower to read in hot loops under some loaders.
const TK = TokenKind

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
/** Words before or after "support" that make it a service desk ("tech support", "support line"). */
const SUPPORT_SERVICE_BEFORE = set('customer tech technical product online it phone telephone email live')
const SUPPORT_SERVICE_AFTER = set(
  'number numbers line lines site website page team staff person people call calls desk center centre ' +
    'ticket tickets forum forums agent agents rep reps operator operators worker workers',
)
/**
 * Nouns after which an illness names an intervention, a service or a time rather than being ill
 * ("flu shot", "cancer screening", "infection control", "pandemic preparedness", "flu season").
 */
const INTERVENTIONS_AFTER = set(
  'shot shots jab jabs vaccine vaccines vax vaccination vaccinations booster boosters immunization ' +
    'immunisation clinic clinics season test tests testing screening screenings prevention awareness ' +
    'campaign campaigns research center centre centers centres care treatment treatments unit ward ' +
    'specialist specialists team survivor survivors program programs programme services service ' +
    'control response preparedness walk run month week day drive fund funding foundation society ' +
    'institute hotline info information update updates guidance protocol protocols policy',
)
/** Illness words with a valence of their own that also name what an intervention is for. */
const ILLNESSES_AS_MODIFIERS = 'flu cancer pandemic outbreak infection illness'

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

const opensClause = (tokens: readonly Token[], i: number): boolean =>
  i === 0 || (tokens[i - 1] as Token).clause !== (tokens[i] as Token).clause

/** Past participles after which a clause-initial "well" is the adverb ("well done"). */
const PARTICIPLES = set('done said made spent written known worth played deserved put')
const isParticiple = (t: Token | undefined): boolean =>
  t !== undefined && t.kind === TK.Word && (PARTICIPLES.has(t.text) || t.text.endsWith('ed'))

/** Weight of a response particle ("yes", "ok") opening a clause: agreement, not enthusiasm. */
const RESPONSE = 0.5
const COUNTERFACTUAL_MODALS = set('would could should')
/** Focus particles after "not" that make it a correlative ("not only", "not just"). */
const FOCUS = set('only just merely simply')
const COMPARATIVE_QUANTITY = set('more less fewer later earlier')
/** Valence of a device or remedy that does not work, like "useless" (−1.8) and "broken" (−2.1). */
const FAILURE = -1.8
const NEGATED_AUX = set('not never dont doesnt didnt wont isnt wasnt arent werent cant cannot')
const MANNER = set('even really properly correctly right always still')
const PERSONAL_SUBJECT = set("i i'm im we we're you you're u he she he's she's")
/** Nouns after "no" that state ignorance, not a lack: "no idea", "no clue". */
const IGNORANCE = set('idea clue clew')

type Rule = (ctx: RuleContext, i: number) => void

/** "pretty good", "damn good": a degree adverb before a sentiment word boosts it. */
const degreeAdverb: Rule = (ctx, i) => {
  const t = ctx.tokens[i] as Token
  if (ctx.tokens[i + 1]?.clause === t.clause && hasValence(ctx, i + 1)) {
    ctx.valence[i] = NONE
    ctx.boost[i] = BOOST
  }
}

/** The rules, by the word that triggers them: one map lookup per word. */
const RULES = new Map<string, Rule>()
const on = (words: string, rule: Rule): void => {
  for (const w of words.split(' ')) RULES.set(w, rule)
}

on('positive negative pos neg', (ctx, i) => {
  if (isTestResult(ctx.tokens, i)) ctx.valence[i] = (ctx.tokens[i] as Token).text.startsWith('pos') ? -0.8 : 0
})
on('sick sickest wicked', (ctx, i) => {
  const { tokens, valence } = ctx
  if (isWord(tokens[i + 1], PRAISED_THINGS) && !isWord(tokens[i - 1], LITERAL_SICK_BEFORE)) valence[i] = 2.2
  else if (isPraiseExclamation(tokens, i) || isPraisedThingCopula(tokens, i)) valence[i] = 2
  // "wicked good": a degree adverb (New England), like "damn good".
  else if ((tokens[i] as Token).text === 'wicked') degreeAdverb(ctx, i)
})
on('killer', (ctx, i) => {
  const { tokens } = ctx
  if (isWord(tokens[i + 1], PRAISED_THINGS) && !isWord(tokens[i - 1], LITERAL_KILLER_BEFORE))
    ctx.valence[i] = 2.2
})
on('care', (ctx, i) => {
  // "urgent care", "critical care": a service; neither word is a feeling.
  if (isWord(ctx.tokens[i - 1], CARE_SERVICES)) {
    ctx.valence[i] = 0
    ctx.valence[i - 1] = NONE
  }
})
on(ILLNESSES_AS_MODIFIERS, (ctx, i) => {
  if (isWord(ctx.tokens[i + 1], INTERVENTIONS_AFTER)) ctx.valence[i] = 0
})
on('support', (ctx, i) => {
  // "customer support", "the support line": a service that is called, not help that was given.
  const { tokens } = ctx
  if (isWord(tokens[i - 1], SUPPORT_SERVICE_BEFORE) || isWord(tokens[i + 1], SUPPORT_SERVICE_AFTER))
    ctx.valence[i] = 0
})
on('patient', (ctx, i) => {
  if (!isWord(ctx.tokens[i - 1], PATIENT_ADJECTIVE_BEFORE)) ctx.valence[i] = 0
})
on('like', (ctx, i) => {
  const prev = ctx.tokens[i - 1]
  if (!isWord(prev, LIKE_VERB_BEFORE) && prev?.text.endsWith("n't") !== true) ctx.valence[i] = 0
})
// Neither a compliment nor a curse of their own before a sentiment word.
on('pretty super damn damned bloody freaking freakin', degreeAdverb)
on('well', (ctx, i) => {
  // "Well, ..." opens a turn (a discourse marker); "went well" evaluates.
  if (opensClause(ctx.tokens, i) && !isParticiple(ctx.tokens[i + 1])) ctx.valence[i] = NONE
})
on('yes yeah yep ok okay sure', (ctx, i) => {
  // A response particle opening a clause ("yeah, I'll try") signals agreement more than feeling.
  if (opensClause(ctx.tokens, i)) ctx.valence[i] = (ctx.valence[i] as number) * RESPONSE
})
on('af asf', (ctx, i) => {
  // A postposed intensifier: "tired af", "cute af".
  if (ctx.tokens[i - 1]?.clause === (ctx.tokens[i] as Token).clause && hasValence(ctx, i - 1)) {
    const v = ctx.valence[i - 1] as number
    ctx.valence[i - 1] = v + (v > 0 ? BOOST : -BOOST)
  }
})
on('thanks thank thx', (ctx, i) => {
  // Irony inverts: "thanks for ruining my week", "thanks for nothing" are complaints.
  if (isIronicThanks(ctx, i)) ctx.valence[i] = -(ctx.valence[i] as number)
})
on('wow', (ctx, i) => {
  // Surprise takes the polarity of what surprised: "Wow. Struck out again. #awful" is no praise.
  if (otherValence(ctx, i) < 0) ctx.valence[i] = NONE
})
on("couldn't couldnt can't cant cannot", (ctx, i) => markLitotes(ctx, i, true))
on("doesn't doesnt don't dont won't wont", (ctx, i) => markLitotes(ctx, i, false))
on('not', (ctx, i) => {
  // "not only … but also", "not just": a correlative that adds, not a negation.
  if (isWord(ctx.tokens[i + 1], FOCUS)) ctx.marks[i] = (ctx.marks[i] as number) | Mark.Inert
  // "could not be easier", "does not get any better than".
  const prev = ctx.tokens[i - 1]?.text
  if (prev === 'could' || prev === 'can') markLitotes(ctx, i, true)
  else if (prev === 'does' || prev === 'do' || prev === 'will') markLitotes(ctx, i, false)
})
on('but', (ctx, i) => {
  // "… but also …" adds to what came before rather than contrasting with it.
  if (ctx.tokens[i + 1]?.text === 'also') ctx.marks[i] = (ctx.marks[i] as number) | Mark.Inert
})
on('no', (ctx, i) => {
  const { tokens } = ctx
  const next = tokens[i + 1]
  // "no more than", "no less than": a quantity (at most, at least); "no idea": not knowing.
  const quantity = isWord(next, COMPARATIVE_QUANTITY) && tokens[i + 2]?.text === 'than'
  if (quantity || isWord(next, IGNORANCE)) {
    ctx.marks[i] = (ctx.marks[i] as number) | Mark.Inert
    ctx.valence[i] = NONE
  }
})
on("haven't havent hasn't hasnt hadn't hadnt", markNotInAWhile)
on('have', (ctx, i) => {
  // "would have been nice": a past counterfactual, not what happened.
  if (isWord(ctx.tokens[i - 1], COUNTERFACTUAL_MODALS))
    ctx.marks[i] = (ctx.marks[i] as number) | Mark.Irrealis
})
on('least', (ctx, i) => {
  const prev = ctx.tokens[i - 1]?.text
  if (prev !== 'at' && prev !== 'very' && hasValence(ctx, i + 1)) {
    ctx.valence[i + 1] = (ctx.valence[i + 1] as number) * -0.74
  }
})

on('work works worked working function functions functioned functioning', (ctx, i) => {
  // "it doesn't work", "the app is not working": a failure, whatever the negation's reach. Not
  // when a person is the subject ("I don't work Fridays": a day off).
  const { tokens } = ctx
  let k = i - 1
  if (isWord(tokens[k], MANNER)) k--
  const negator = tokens[k]
  if (negator === undefined || negator.clause !== (tokens[i] as Token).clause) return
  if (!(NEGATED_AUX.has(negator.text) || negator.text.endsWith("n't"))) return
  if (isWord(tokens[k - 1], PERSONAL_SUBJECT)) return
  ctx.valence[i] = FAILURE
  ctx.marks[i] = (ctx.marks[i] as number) | Mark.Unnegated
})

// Long waits and unreturned calls (english-service.ts), on words no rule above claims.
for (const [words, rule] of SERVICE_RULES) {
  for (const w of words.split(' ')) if (RULES.has(w)) throw new Error(`two English rules for "${w}"`)
  on(words, rule)
}

/** Context rules for English; see `LanguagePack.applyContextRules`. */
export function applyEnglishRules(ctx: RuleContext): void {
  const tokens = ctx.tokens
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token
    if (t.kind !== TK.Word) continue
    const rule = RULES.get(t.text)
    if (rule !== undefined) rule(ctx, i)
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
