export { buildEnrichedMention, buildMention, buildSignal } from './builders.ts'
