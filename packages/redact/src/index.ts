export { generateCorpus, generatePlainPosts } from './corpus.ts'
export { CORPUS_ORG, PROTECTED_TERMS } from './corpus-terms.ts'
export { type Evaluation, evaluateRedactor, type KindScore } from './evaluate.ts'
export { FIXTURES_URL, loadFixtures, parseFixture, parseFixtures } from './fixtures.ts'
export type { LabelledText } from './labelled.ts'
export { createRedactor } from './redactor.ts'
export {
  REDACTION_KINDS,
  type RedactionEntity,
  type RedactionKind,
  type RedactionResult,
  type Redactor,
  type RedactorOptions,
  STRUCTURED_KINDS,
} from './types.ts'
