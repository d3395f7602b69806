import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createStore, type Store } from './store.ts'

const migrationsDir = resolve(import.meta.dirname, '../../../infra/clickhouse/migrations')

// A file of its own: chDB binds one data directory per process, and vitest forks per file.
describe('migrations where `mentions` is not a MergeTree (a Distributed table on a cluster)', () => {
  let dir: string
  let store: Store

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pulse-migrate-'))
    store = await createStore({ target: { kind: 'embedded', path: join(dir, 'clickhouse') }, migrationsDir })
    // Stands in for the Distributed table the cluster DDL creates under the same name.
    await store.ch.client.command({ query: 'CREATE TABLE mentions (id String) ENGINE = Memory' })
  })
  afterAll(async () => {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('applies every migration, skipping the MergeTree setting change, and leaves the table as it was', async () => {
    const result = await store.migrate()
    expect(result.applied).toContain('004_compact_parts')
    const [table] = await store.queryRows<{ engine: string; engine_full: string }>(
      "SELECT engine, engine_full FROM system.tables WHERE database = currentDatabase() AND name = 'mentions'",
    )
    expect(table?.engine).toBe('Memory')
    expect(table?.engine_full).not.toContain('min_bytes_for_wide_part')
  })
})
