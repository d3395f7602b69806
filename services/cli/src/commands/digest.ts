import { resolve } from 'node:path'
import { buildDigestBlocks } from '@pulse/alerting'
import { silentLogger } from '@pulse/core'
import { loadWatchlist, openStore, parseRuntimeEnv } from '@pulse/runtime'
import { loadDigestInput } from '@pulse/service-alert'
import { flagString, parseArgs } from '../args.ts'
import { type Command, UsageError } from '../command.ts'
import { findControl } from '../control.ts'
import { DEFAULT_WATCHLIST, MIGRATIONS_DIR } from '../paths.ts'

/** `pulse digest`: the daily digest for a day as Block Kit JSON (the alert service sends it on schedule). */
export const digestCommand: Command = {
  name: 'digest',
  summary: 'print the daily digest (top topics, sentiment, signals, unanswered questions) as Block Kit JSON',
  usage: 'pulse digest [--date YYYY-MM-DD]   (default: the last day with mentions)',
  async run(ctx) {
    const args = parseArgs(ctx.args, { values: ['date'] })
    const env = parseRuntimeEnv(ctx.env)
    const dataDir = resolve(ctx.cwd, env.PULSE_DATA_DIR)
    if (!env.CLICKHOUSE_URL && findControl(dataDir)) {
      throw new UsageError('pulse start is running on this data directory: run the digest after it stops')
    }
    let date = flagString(args, 'date')
    if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date))
      throw new UsageError('--date must be YYYY-MM-DD')
    const watchlist = loadWatchlist(env.PULSE_WATCHLIST ?? DEFAULT_WATCHLIST)
    const store = await openStore({ ...env, PULSE_DATA_DIR: dataDir }, MIGRATIONS_DIR, silentLogger, {
      migrate: true,
    })
    try {
      if (date === undefined) {
        const [row] = await store.queryRows<{ d: string }>(
          'SELECT toString(toDate(max(created_at))) AS d FROM mentions',
        )
        date = row?.d && row.d !== '1970-01-01' ? row.d : new Date().toISOString().slice(0, 10)
      }
      const input = await loadDigestInput(store, date, watchlist.organization.name)
      ctx.stdout.write(`${JSON.stringify(buildDigestBlocks(input), null, 2)}\n`)
    } finally {
      await store.close()
    }
    return 0
  },
}
