import { PulseError } from '@pulse/core'

const READ_STATEMENT = /^(select|with|show|describe|desc|explain|exists)\b/i

/** Removes SQL comments and string literals' contents so keywords inside them do not count. */
function skeleton(sql: string): string {
  return sql
    .replace(/--[^\n]*/g, ' ')
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/'(?:[^'\\]|\\.)*'/g, "''")
    .replace(/`(?:[^`\\]|\\.)*`/g, '``')
    .trim()
}

/**
 * Refuses anything but one read statement. On a ClickHouse server the query also runs with
 * `readonly=2`; embedded chDB keeps settings for the whole session, so there this check is the guard.
 */
export function assertReadOnly(sql: string): void {
  const s = skeleton(sql).replace(/;\s*$/, '')
  if (s.length === 0) throw new PulseError('QUERY_FAILED', 'empty query')
  if (s.includes(';')) throw new PulseError('QUERY_FAILED', 'one statement at a time')
  if (!READ_STATEMENT.test(s)) {
    throw new PulseError(
      'QUERY_FAILED',
      'only read queries (SELECT, WITH, SHOW, DESCRIBE, EXPLAIN) are allowed',
    )
  }
  if (/\bINTO\s+OUTFILE\b/i.test(s)) throw new PulseError('QUERY_FAILED', 'INTO OUTFILE is not allowed')
}
