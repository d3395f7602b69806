import type { z } from 'zod'

export type PulseErrorCode =
  | 'CONFIG_INVALID'
  | 'INPUT_INVALID'
  | 'BUS_UNAVAILABLE'
  | 'BUS_CLOSED'
  | 'SINK_REJECTED'
  | 'SINK_UNAVAILABLE'
  | 'STORE_LOCKED'
  | 'QUERY_FAILED'
  | 'ALERT_DELIVERY_FAILED'
  | 'SOURCE_FAILED'
  | 'UNAUTHORIZED'
  | 'WORKER_FAILED'

/** The one error type Pulse throws across a boundary; vendor errors are wrapped as `cause`. */
export class PulseError extends Error {
  override readonly name = 'PulseError'
  readonly code: PulseErrorCode

  constructor(code: PulseErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.code = code
  }
}

/** Formats zod issues as `path: problem` lines, every bad key listed. */
export function formatIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ')
}

/** Parses config with a schema, or throws CONFIG_INVALID naming every bad field. */
export function parseConfig<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = schema.safeParse(input)
  if (!result.success) {
    throw new PulseError('CONFIG_INVALID', `invalid ${what}: ${formatIssues(result.error)}`, {
      cause: result.error,
    })
  }
  return result.data
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}
