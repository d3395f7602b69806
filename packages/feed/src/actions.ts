import { z } from 'zod'
import { AUDIT_ACTIONS, type AuditEntry, type Principal } from './ports.ts'

export const MAX_NOTE_CHARS = 2000
export const MAX_ASSIGNEE_CHARS = 120

/** True when `s` has a control character other than newline and tab (allowed in notes only). */
function hasControlChars(s: string, allowLineBreaks: boolean): boolean {
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0
    if (allowLineBreaks && (ch === '\n' || ch === '\t')) continue
    if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return true
  }
  return false
}

/** Body of `POST /api/signals/:id/actions`. `assign` needs an assignee; `resolve` and `note` need a note. */
export const actionRequestSchema = z
  .strictObject({
    action: z.enum(AUDIT_ACTIONS),
    note: z
      .string()
      .trim()
      .max(MAX_NOTE_CHARS)
      .refine((s) => !hasControlChars(s, true), 'no control characters')
      .default(''),
    assignee: z
      .string()
      .trim()
      .min(1)
      .max(MAX_ASSIGNEE_CHARS)
      .refine((s) => !hasControlChars(s, false), 'no control characters')
      .optional(),
    /** The revision the operator saw; defaults to the latest. */
    revision: z.number().int().positive().optional(),
  })
  .superRefine((body, ctx) => {
    if (body.action === 'assign' && body.assignee === undefined) {
      ctx.addIssue({ code: 'custom', path: ['assignee'], message: 'required for assign' })
    }
    if (body.action !== 'assign' && body.assignee !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['assignee'], message: 'only for assign' })
    }
    if ((body.action === 'resolve' || body.action === 'note') && body.note === '') {
      ctx.addIssue({ code: 'custom', path: ['note'], message: `required for ${body.action}` })
    }
  })
export type ActionRequest = z.infer<typeof actionRequestSchema>

export function toAuditEntry(
  signalId: string,
  latestRevision: number,
  request: ActionRequest,
  actor: Principal,
  at: string,
): AuditEntry {
  const entry: AuditEntry = {
    signalId,
    revision: Math.min(request.revision ?? latestRevision, latestRevision),
    action: request.action,
    actor: actor.name,
    note: request.note,
    at,
  }
  if (request.assignee !== undefined) entry.assignee = request.assignee
  return entry
}
