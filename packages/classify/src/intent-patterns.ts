/**
 * Phrase patterns for intents, written against folded text (lowercase, no accents, `'` for any
 * apostrophe). Each is one alternation compiled once; a negation lookbehind drops "not", "never",
 * "don't" … within two words before the phrase.
 */
export const re = (parts: readonly string[], flags = ''): RegExp =>
  new RegExp(`\\b(?:${parts.join('|')})\\b`, flags)

/** Ends with a negator one or two words back: "not", "never", "wasn't", "nunca" … */
const NEGATED_BEFORE =
  /(?:^|[\s,;])(?:not|no|never|don't|dont|doesn't|didn't|isn't|wasn't|aren't|weren't|won't|nunca|ni)\s+(?:[^\s.!?]+\s+)?$/

/** True when `pattern` (which must have the `g` flag) matches somewhere not negated. */
export function matchesUnnegated(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (!NEGATED_BEFORE.test(text.slice(Math.max(0, m.index - 32), m.index))) return true
    if (m[0] === '') pattern.lastIndex++
  }
  return false
}

const CRISIS_SELF = [
  `(?:kill|killing|off|offing|hang|hanging|shoot|shooting) myself`,
  `(?:end|ending|take|taking) my (?:own )?life`,
  `(?:i'm|im|i am|i feel|i've been|feeling|felt|been|getting|so|very|really) suicidal`,
  `(?:my|having|have|had|with) suicidal (?:thoughts|feelings|ideation|urges)`,
  `(?:attempt(?:ed|ing)?|commit(?:ting)?|thinking about|thoughts of|contemplating|considering|planning) suicide`,
  `(?:want|wanna|wish|going|gonna|ready|need) (?:to )?(?:die|be dead|end it all|end it)`,
  `(?:wish i (?:was|were) dead|better off dead|(?:be|are|is) better off without me)`,
  `(?:don't|dont|do not) want to (?:live|be alive|exist|wake up|be here)(?: anymore)?`,
  `no (?:reason|point) (?:to|in) (?:live|living|being alive|going on)`,
  `(?:been|started|keep|relapsed|urges? to|urge to) (?:self[- ]?harm(?:ing)?|cutting(?: myself)?)`,
  `(?:me quiero|quiero|voy a|ganas de) (?:morir|matarme|suicidarme|desaparecer para siempre)`,
  `(?:quitarme la vida|acabar con mi vida|no quiero (?:vivir|seguir viviendo|despertar)|pensamientos suicidas|me quiero matar)`,
]
const CRISIS_OTHER = [
  `(?:wants?|going|threaten(?:s|ed|ing)?|talking about|tried|trying|said (?:he|she|they) (?:would|will|wants? to)) (?:to )?(?:kill|killing|end|ending|hurt|hurting) (?:himself|herself|themselves|themself|his (?:own )?life|her (?:own )?life|their (?:own )?life)`,
]
export const CRISIS = re([...CRISIS_SELF, ...CRISIS_OTHER], 'g')
/** "want to die" said in jest: laughter or an absurd object right after. */
export const CRISIS_JOKE =
  /\b(?:die|dead) (?:of|from|laughing) ?(?:embarrassment|laughter|laughing|cringe|shame|cuteness|boredom)?|\b(?:lol|lmao|lmfao|rofl|haha\w*|jk)\b|😂|🤣|💀/u

export const DRUG_SUFFIX = String.raw`\w{3,}(?:mab|pril|statin|cillin|mycin|cycline|olol|azole|prazole|tidine|vir|sartan|xetine|pine|done|zepam|lam|floxacin|gliptin|glutide|formin|profen)`
export const PRODUCT = re([
  'vaccines?',
  'vaccinations?',
  'shots?',
  'jabs?',
  'boosters?',
  'doses?',
  'injections?',
  'infusions?',
  'medications?',
  'medicines?',
  'meds',
  'drugs?',
  'pills?',
  'tablets?',
  'antibiotics?',
  'prescriptions?',
  'insulin',
  'inhaler',
  'iud',
  'implant',
  'pacemaker',
  'stent',
  'insulin pump',
  'pump',
  'cgm',
  'glucose monitor',
  'device',
  'birth control',
  'ozempic',
  'wegovy',
  'tylenol',
  'advil',
  'paxlovid',
  'accutane',
  'vacuna',
  'medicamento',
  'pastilla',
  DRUG_SUFFIX,
])
export const HARM = re([
  'rash',
  'hives',
  'swelling',
  'swollen',
  'seizures?',
  'fainted',
  'passed out',
  'anaphyla\\w*',
  'reaction',
  'palpitations',
  'chest pains?',
  'heart racing',
  'bleeding',
  'dizzy',
  'dizziness',
  'vomiting',
  'throwing up',
  'numbness',
  'numb',
  'tingling',
  'hair loss',
  'blurred vision',
  'myocarditis',
  'blood clots?',
  'paraly[sz]\\w*',
  'hospitali[sz]ed',
  'hallucinations?',
  "can't breathe",
  'malfunction\\w*',
  'stopped working',
  'misfired',
  'shocked me',
  'side effects?',
  'efectos secundarios',
  'reaccion',
])
/** A time link typical of a first-hand report ("hives after starting…"), unlike a generic claim. */
export const TEMPORAL = re(['after', 'since', 'ever since', 'following', 'started', 'starting', 'despues de'])
export const CAUSAL = re([
  'after',
  'since',
  'from',
  'caused',
  'gave (?:me|my|him|her|them)',
  'made (?:me|my|him|her)',
  'because of',
  'following',
  'started',
  'reaction to',
  'despues de',
])
export const AE_EXPLICIT = re(
  [
    `(?:allergic|adverse|bad|severe|terrible|awful|horrible|weird|scary|serious) reactions?`,
    'anaphyla\\w*',
    `(?:having|had|got|getting|experiencing|suffering|bad|terrible|awful|horrible|severe|weird|scary|nasty|serious) side effects?`,
  ],
  'g',
)
export const AE_NEGATED = re([
  "(?:no|zero|without|not any|didn't have any|never had any|barely any|minimal) (?:\\w+ )?(?:side effects?|reactions?)",
])
export const FIRST_PERSON = re(['i', "i'm", 'im', "i've", "i'd", 'me', 'my', 'mine', 'we', 'our', 'us', 'mi'])
export const RELATION = re([
  'son',
  'daughter',
  'kid',
  'child',
  'baby',
  'mom',
  'dad',
  'husband',
  'wife',
  'partner',
])
