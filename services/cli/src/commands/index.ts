import type { Command } from '../command.ts'
import { detectSeriesCommand } from './detect-series.ts'
import { digestCommand } from './digest.ts'
import { enrichCommand } from './enrich.ts'
import { ingestCommand } from './ingest.ts'
import { migrateCommand } from './migrate.ts'
import { queryCommand } from './query.ts'
import { redactCommand } from './redact.ts'
import { sentimentCommand } from './sentiment.ts'
import { replayCommand, serviceCommand } from './service.ts'
import { startCommand } from './start.ts'
import { statusCommand } from './status.ts'

/**
 * Every `pulse <command>`. Add a command by importing it and listing it here (one line each).
 */
export const COMMANDS: readonly Command[] = [
  startCommand,
  enrichCommand,
  digestCommand,
  serviceCommand,
  replayCommand,
  migrateCommand,
  queryCommand,
  statusCommand,
  redactCommand,
  ingestCommand,
  sentimentCommand,
  detectSeriesCommand,
]
