import { UsageError } from './command.ts'

export interface ParsedArgs {
  readonly positionals: string[]
  readonly flags: Map<string, string | true>
}

/**
 * Parses `--flag value`, `--flag=value` and boolean `--flag` (a name listed in `booleans`).
 * Unknown flags are refused so a typo never silently changes behaviour.
 */
export function parseArgs(
  args: readonly string[],
  spec: { values?: readonly string[]; booleans?: readonly string[] },
): ParsedArgs {
  const values = new Set(spec.values ?? [])
  const booleans = new Set(spec.booleans ?? [])
  const positionals: string[] = []
  const flags = new Map<string, string | true>()
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string
    if (arg === '--') {
      positionals.push(...args.slice(i + 1))
      break
    }
    if (!arg.startsWith('--') || arg === '-') {
      positionals.push(arg)
      continue
    }
    const eq = arg.indexOf('=')
    const name = arg.slice(2, eq === -1 ? undefined : eq)
    if (booleans.has(name)) {
      if (eq !== -1) throw new UsageError(`--${name} takes no value`)
      flags.set(name, true)
    } else if (values.has(name)) {
      const value = eq === -1 ? args[++i] : arg.slice(eq + 1)
      if (value === undefined) throw new UsageError(`--${name} needs a value`)
      flags.set(name, value)
    } else throw new UsageError(`unknown flag --${name}`)
  }
  return { positionals, flags }
}

export function flagString(parsed: ParsedArgs, name: string): string | undefined {
  const v = parsed.flags.get(name)
  return typeof v === 'string' ? v : undefined
}

export function flagNumber(parsed: ParsedArgs, name: string, fallback: number): number {
  const v = flagString(parsed, name)
  if (v === undefined) return fallback
  const n = Number(v)
  if (!Number.isFinite(n)) throw new UsageError(`--${name} must be a number, got "${v}"`)
  return n
}
