import { describe, expect, it } from 'vitest'
import type { AuditEntry } from './ports.ts'
import { deriveTriage } from './triage.ts'

const entry = (min: number, action: AuditEntry['action'], extra: Partial<AuditEntry> = {}): AuditEntry => ({
  signalId: 's',
  revision: 1,
  action,
  actor: 'Alice',
  note: '',
  at: new Date(Date.parse('2025-03-01T12:00:00Z') + min * 60_000).toISOString(),
  ...extra,
})

describe('triage', () => {
  it('is new with no entries', () => {
    expect(deriveTriage([]).status).toBe('new')
  })

  it('takes the latest status-changing action regardless of input order, and counts notes', () => {
    const t = deriveTriage([
      entry(3, 'resolve', { actor: 'Bob', note: 'statement published', revision: 2 }),
      entry(1, 'acknowledge'),
      entry(2, 'assign', { assignee: 'Comms on call', note: 'take it' }),
      entry(4, 'note', { note: 'follow up tomorrow' }),
    ])
    expect(t).toEqual({
      status: 'resolved',
      assignee: 'Comms on call',
      by: 'Bob',
      at: entry(3, 'resolve').at,
      revision: 2,
      notes: 3,
    })
  })
})
