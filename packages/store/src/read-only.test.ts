import { describe, expect, it } from 'vitest'
import { assertReadOnly } from './read-only.ts'

describe('assertReadOnly', () => {
  it.each([
    'SELECT count() FROM mentions',
    '  with x AS (SELECT 1) SELECT * FROM x',
    'SHOW TABLES',
    'DESCRIBE mentions',
    "SELECT 'DROP TABLE x; INSERT' AS s",
    'SELECT 1;',
    '-- comment\nSELECT 1',
  ])('allows %s', (sql) => {
    expect(() => assertReadOnly(sql)).not.toThrow()
  })

  it.each([
    ['INSERT INTO mentions VALUES (1)', /only read/],
    ['DROP TABLE mentions', /only read/],
    ['SELECT 1; DROP TABLE mentions', /one statement/],
    ['', /empty/],
    ['   ', /empty/],
    ["SELECT * FROM mentions INTO OUTFILE '/tmp/x'", /OUTFILE/],
    ['/* SELECT */ ALTER TABLE mentions DELETE WHERE 1', /only read/],
  ])('refuses %s', (sql, reason) => {
    expect(() => assertReadOnly(sql)).toThrow(reason)
  })
})
