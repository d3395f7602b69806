import {
  dlq,
  formatIssues,
  type Mention,
  type MentionInput,
  mentionSchema,
  type Outcome,
  ok,
} from '@pulse/core'

/** Validates a built mention with core's schema: ok, or a dead letter naming every bad field. */
export function finish(input: MentionInput): Outcome<Mention> {
  const parsed = mentionSchema.safeParse(input)
  return parsed.success
    ? ok(parsed.data)
    : dlq(`invalid mention: ${formatIssues(parsed.error)}`, parsed.error)
}
