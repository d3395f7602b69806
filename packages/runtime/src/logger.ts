import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Logger } from '@pulse/core'
import pino from 'pino'

/**
 * Fields that can hold user text or identifiers, or secrets. pino censors them in every log line,
 * whatever the level, so raw post text and author ids never reach a log.
 */
export const REDACT_PATHS = [
  'text',
  'title',
  'payload',
  'raw',
  'author',
  'author.id',
  'author.handle',
  '*.text',
  '*.title',
  '*.payload',
  '*.author',
  'mention.text',
  'mention.author',
  'password',
  'token',
  '*.password',
  '*.token',
  'headers.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
]

export interface LoggerOptions {
  readonly service: string
  readonly level: string
  /** Write JSON lines here instead of stdout (used by `pulse start`, which owns the terminal). */
  readonly file?: string
  /** Also write warnings and errors to stderr (with `file`). */
  readonly warnToStderr?: boolean
}

/** One root logger per process, with `base: { service }` and redaction. */
export function createLogger(options: LoggerOptions): Logger {
  const base = {
    level: options.level,
    base: { service: options.service },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  }
  if (!options.file) return pino(base, pino.destination({ fd: 1, sync: false }))
  mkdirSync(dirname(options.file), { recursive: true })
  const streams: pino.StreamEntry[] = [
    { level: options.level as pino.Level, stream: pino.destination({ dest: options.file, sync: false }) },
  ]
  if (options.warnToStderr) streams.push({ level: 'warn', stream: pino.destination({ fd: 2, sync: false }) })
  return pino(base, pino.multistream(streams))
}
