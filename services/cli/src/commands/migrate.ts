import { resolve } from 'node:path'
import { silentLogger } from '@pulse/core'
import { openStore, parseRuntimeEnv, storeTarget } from '@pulse/runtime'
import { describeTarget } from '@pulse/store'
import { parseArgs } from '../args.ts'
import type { Command } from '../command.ts'
import { findControl } from '../control.ts'
import { MIGRATIONS_DIR } from '../paths.ts'

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'apply ClickHouse migrations (infra/clickhouse/migrations) idempotently',
  usage: 'pulse migrate',
  async run(ctx) {
    parseArgs(ctx.args, {})
    const env = parseRuntimeEnv(ctx.env)
    const dataDir = resolve(ctx.cwd, env.PULSE_DATA_DIR)
    if (!env.CLICKHOUSE_URL && findControl(dataDir)) {
      ctx.stdout.write(
        'pulse start is running on this data directory and has applied the migrations at start.\n',
      )
      return 0
    }
    const store = await openStore({ ...env, PULSE_DATA_DIR: dataDir }, MIGRATIONS_DIR, silentLogger, {
      migrate: false,
    })
    try {
      const result = await store.migrate()
      ctx.stdout.write(
        `${describeTarget(storeTarget({ ...env, PULSE_DATA_DIR: dataDir }))}: ` +
          (result.applied.length > 0 ? `applied ${result.applied.join(', ')}` : 'up to date') +
          ` (schema version ${result.current})\n`,
      )
    } finally {
      await store.close()
    }
    return 0
  },
}
