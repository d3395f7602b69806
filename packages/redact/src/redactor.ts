import { detectAddresses } from './address.ts'
import { detectContextIds } from './context-ids.ts'
import { detectEmails } from './email.ts'
import { detectIps } from './ip.ts'
import { detectNames } from './names.ts'
import { detectNumbers } from './numbers.ts'
import { createPublishedPhones } from './phone.ts'
import { dropProtected } from './protected-spans.ts'
import { applyEntities, resolveOverlaps } from './resolve.ts'
import { detectSelfDisclosure } from './self-disclosure.ts'
import type { Candidate, RedactionKind, RedactionResult, Redactor, RedactorOptions } from './types.ts'

const DIGIT = /\d/
const NAME_HINT = /\b(?:my|our|name|i|this|patient|pt|resident|mrs?|ms|miss|mx)\b/i

const normaliseHandle = (h: string): string => h.replace(/^@/, '').split('@')[0]?.toLowerCase() ?? ''

/**
 * Builds a redactor: finds PHI/PII in a post, replaces each with `[KIND]` and flags
 * self-disclosure. Pure and synchronous; one instance is safe to share.
 */
export function createRedactor(options: RedactorOptions = {}): Redactor {
  const isPublished = createPublishedPhones(options.publishedPhones ?? [])
  const kept = new Set((options.keepHandles ?? []).map(normaliseHandle).filter((h) => h.length > 0))
  const keepHandle = (handle: string): boolean => kept.has(normaliseHandle(handle))

  return {
    redact(text: string): RedactionResult {
      const candidates: Candidate[] = []
      if (DIGIT.test(text)) {
        detectContextIds(text, candidates)
        detectNumbers(text, candidates, isPublished)
        detectAddresses(text, candidates)
        detectIps(text, candidates)
      }
      detectEmails(text, candidates)
      if (NAME_HINT.test(text)) detectNames(text, candidates, keepHandle)
      const entities = resolveOverlaps(candidates.length > 0 ? dropProtected(text, candidates) : candidates)
      const kinds = new Set<RedactionKind>()
      for (const e of entities) kinds.add(e.kind)
      return {
        text: applyEntities(text, entities),
        entities,
        kinds: [...kinds].sort(),
        selfDisclosure: detectSelfDisclosure(text, kinds),
      }
    },
  }
}
