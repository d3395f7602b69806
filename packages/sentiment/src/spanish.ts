import { createRequire } from 'node:module'
import { indexPhrases, type LanguagePack, type Phrase, type RuleContext } from './language-pack.ts'
import { type Token, TokenKind } from './tokenize.ts'

// Local bindings: imported module bindings are slower to read in hot loops under some loaders.
const TK = TokenKind
const UP = 0.293
const DOWN = -0.293

/** Common social-media Spanish missing from the published lexicons (VADER scale). */
const ES_ADDITIONS: Readonly<Record<string, number>> = {
  jaja: 1.8,
  jajaja: 2,
  jajajaja: 2.2,
  jeje: 1.5,
  jiji: 1.4,
  xd: 1.5,
  genial: 2.8,
  chido: 2.2,
  chévere: 2.2,
  bacán: 2.2,
  padre: 0,
  increíble: 2.6,
  encantar: 2.8,
  encanta: 2.8,
  encantó: 2.8,
  amar: 3,
  amo: 3,
  te: 0,
  quiero: 0.8,
  gracias: 1.9,
  felicidades: 2.8,
  enhorabuena: 2.6,
  bravo: 2.4,
  guapo: 2,
  guapa: 2,
  hermoso: 2.8,
  hermosa: 2.8,
  precioso: 2.8,
  preciosa: 2.8,
  triste: -2.1,
  pésimo: -3,
  pésima: -3,
  asco: -2.6,
  asqueroso: -2.8,
  vergüenza: -2,
  mierda: -2.8,
  odiar: -3,
  fatal: -2.5,
  horrible: -2.8,
  terrible: -2.8,
  aburrido: -1.5,
  harto: -1.8,
  harta: -1.8,
  ugh: -1.8,
  fiebre: -1.2,
  tos: -1,
  dolor: -1.8,
  náuseas: -1.8,
  vómito: -2,
  mareo: -1.3,
  síntomas: -0.8,
  enfermo: -1.8,
  enferma: -1.8,
  contagio: -1.5,
  brote: -1.5,
  recuperado: 1.6,
  recuperada: 1.6,
  positivo: 1.6,
  negativo: -1.6,
}

const ES_BOOSTERS: Readonly<Record<string, number>> = {
  muy: UP,
  mucho: UP,
  muchísimo: UP,
  tan: UP,
  tanto: UP,
  super: UP,
  súper: UP,
  re: UP,
  demasiado: UP,
  bastante: UP,
  sumamente: UP,
  realmente: UP,
  totalmente: UP,
  increíblemente: UP,
  extremadamente: UP,
  absolutamente: UP,
  completamente: UP,
  mega: UP,
  algo: DOWN,
  casi: DOWN,
  apenas: DOWN,
  medio: DOWN,
  ligeramente: DOWN,
}

const ES_PHRASES: readonly Phrase[] = [
  { words: ['un', 'poco'], booster: DOWN },
  { words: ['un', 'poquito'], booster: DOWN },
  { words: ['más', 'o', 'menos'], valence: -0.3 },
  { words: ['te', 'quiero'], valence: 2.8 },
  { words: ['te', 'amo'], valence: 3.2 },
  { words: ['me', 'gusta'], valence: 2 },
  { words: ['me', 'encanta'], valence: 3 },
  { words: ['qué', 'asco'], valence: -2.8 },
  { words: ['que', 'asco'], valence: -2.8 },
  { words: ['sin', 'embargo'], valence: 0 },
]

/** Test words around "positivo"/"negativo" that make it a result ("dio positivo a covid"). */
const ES_TEST_CONTEXT = new Set(
  (
    'prueba pruebas test testeo resultado resultados análisis examen pcr antígeno antigeno covid coronavirus ' +
    'gripe vih dio di dieron salió salí salio sali resultó resulto dar para en hisopado'
  ).split(' '),
)

/** Strips accents so "jamas" and "jamás" look up alike. */
export function foldAccents(word: string): string {
  return word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
}

function inflectSpanish(word: string): string[] {
  if (word.endsWith('ar')) {
    const s = word.slice(0, -2)
    return ['o', 'as', 'a', 'amos', 'an', 'é', 'ó', 'aba', 'aban', 'ado', 'ada', 'ados', 'adas', 'ando'].map(
      (e) => s + e,
    )
  }
  if (word.endsWith('er') || word.endsWith('ir')) {
    const s = word.slice(0, -2)
    return [
      'o',
      'es',
      'e',
      'emos',
      'imos',
      'en',
      'í',
      'ió',
      'ía',
      'ían',
      'ido',
      'ida',
      'idos',
      'idas',
      'iendo',
    ].map((e) => s + e)
  }
  if (word.endsWith('o'))
    return [`${word.slice(0, -1)}a`, `${word}s`, `${word.slice(0, -1)}as`, `${word.slice(0, -1)}ísimo`]
  if (word.endsWith('e')) return [`${word}s`]
  if (/[lnrd]$/.test(word)) return [`${word}es`]
  return []
}

function entries(data: unknown): [string, unknown][] {
  return typeof data === 'object' && data !== null ? Object.entries(data) : []
}

/** The Spanish vocabulary: natural's Spanish AFINN and ML-SentiCon, with derived inflections. */
export function spanishLexicon(): Map<string, number> {
  // natural ships these vocabularies as JSON data; read once, at construction.
  const require = createRequire(import.meta.url)
  const afinnEs: unknown = require('natural/lib/natural/sentiment/Spanish/afinnShortSortedSpanish.json')
  const senticonEs: unknown = require('natural/lib/natural/sentiment/Spanish/senticon_es.json')
  const lexicon = new Map<string, number>()
  // AFINN's −5 … +5 and SentiCon's −1 … +1 polarities rescaled to VADER's −4 … +4.
  for (const [w, v] of entries(afinnEs)) if (typeof v === 'number') lexicon.set(w, v * 0.8)
  for (const [w, entry] of entries(senticonEs)) {
    const pol = typeof entry === 'object' && entry !== null && 'pol' in entry ? Number(entry.pol) : Number.NaN
    if (!lexicon.has(w) && Number.isFinite(pol) && Math.abs(pol) >= 0.2) lexicon.set(w, pol * 3.2)
  }
  for (const [w, v] of Object.entries(ES_ADDITIONS)) lexicon.set(w, v)
  const derived = new Map<string, number>()
  for (const [w, v] of lexicon) {
    if (!/^\p{L}{3,}$/u.test(w)) continue
    for (const form of inflectSpanish(w)) if (!lexicon.has(form) && !derived.has(form)) derived.set(form, v)
  }
  for (const [w, v] of derived) lexicon.set(w, v)
  for (const [w, v] of [...lexicon]) {
    const folded = foldAccents(w)
    if (!lexicon.has(folded)) lexicon.set(folded, v)
  }
  return lexicon
}

function applySpanishRules(ctx: RuleContext): void {
  const { tokens, valence } = ctx
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token
    if (t.kind !== TK.Word) continue
    if (t.text === 'positivo' || t.text === 'positiva' || t.text === 'negativo' || t.text === 'negativa') {
      if (near(tokens, i, ES_TEST_CONTEXT)) valence[i] = t.text.startsWith('pos') ? -0.8 : 0
    }
  }
}

function near(tokens: readonly Token[], i: number, words: ReadonlySet<string>): boolean {
  for (let k = Math.max(0, i - 3); k <= Math.min(tokens.length - 1, i + 2); k++) {
    const t = tokens[k] as Token
    if (k !== i && t.kind === TK.Word && words.has(t.text)) return true
  }
  return false
}

const ES_NEGATORS = [
  'no',
  'nunca',
  'jamás',
  'jamas',
  'ni',
  'sin',
  'tampoco',
  'nadie',
  'nada',
  'ningún',
  'ninguna',
  'ninguno',
]

export function createSpanishPack(extra: Readonly<Record<string, number>> = {}): LanguagePack {
  const lexicon = spanishLexicon()
  // Negators negate what follows; AFINN's own valence for "no"/"nada" would double-count.
  for (const w of ES_NEGATORS) lexicon.delete(w)
  for (const [w, v] of Object.entries(extra)) lexicon.set(w.toLowerCase(), v)
  return {
    code: 'es',
    lexicon,
    boosters: new Map(Object.entries(ES_BOOSTERS)),
    negators: new Set([
      'no',
      'nunca',
      'jamás',
      'jamas',
      'ni',
      'sin',
      'tampoco',
      'nadie',
      'nada',
      'ningún',
      'ninguna',
      'ninguno',
    ]),
    // Articles and copulas a negation reaches across: "no fue una comida buena".
    negationTransparent: new Set(
      'el la los las un una unos unas lo es son era eran fue fueron ser sea está están estaba estuvo muy tan'.split(
        ' ',
      ),
    ),
    contrast: new Set(['pero', 'sino', 'embargo']),
    concessive: new Set(['aunque']),
    // Not "si": in informal writing it is as often an unaccented "sí" (yes) as "if".
    irrealis: new Set(['ojalá', 'ojala', 'espero', 'esperemos']),
    phrases: indexPhrases(ES_PHRASES),
    applyContextRules: applySpanishRules,
  }
}
