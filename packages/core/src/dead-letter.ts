import { z } from 'zod'

/** A message Pulse could not process, with why and (bounded) what it was. */
export const deadLetterSchema = z.object({
  id: z.string(),
  stage: z.string(),
  topic: z.string(),
  reason: z.string(),
  payload: z.string(),
  failedAt: z.iso.datetime(),
})
export type DeadLetter = z.infer<typeof deadLetterSchema>
