import { resolve } from 'node:path'

/** The repository root (this file is services/cli/src/paths.ts). */
export const REPO_ROOT = resolve(import.meta.dirname, '../../..')
export const MIGRATIONS_DIR = resolve(REPO_ROOT, 'infra/clickhouse/migrations')
export const DEFAULT_WATCHLIST = resolve(REPO_ROOT, 'config/watchlist.json')
