import { resolve } from 'node:path'
import { flagString, parseArgs } from '../args.ts'
import { type Command, UsageError } from '../command.ts'
import { SERVICE_NAMES, type ServiceName } from '../runner.ts'
import { parseSpeed, runPipelineCommand } from './start.ts'

export const serviceCommand: Command = {
  name: 'service',
  summary: 'run one service alone (against Kafka + ClickHouse when KAFKA_BROKERS/CLICKHOUSE_URL are set)',
  usage: `pulse service <${SERVICE_NAMES.join('|')}> [--replay FILE|-] [--speed <x>|max]`,
  async run(ctx) {
    const args = parseArgs(ctx.args, { values: ['replay', 'speed'] })
    const [name, extra] = args.positionals
    if (!name || !(SERVICE_NAMES as readonly string[]).includes(name)) {
      throw new UsageError(name ? `unknown service "${name}"` : 'which service?')
    }
    if (extra) throw new UsageError(`unexpected argument "${extra}"`)
    if (!ctx.env.KAFKA_BROKERS) {
      ctx.stderr.write(
        'pulse service: KAFKA_BROKERS is not set, so this service runs on a private in-process bus and only sees\n' +
          'what it produces itself. Set KAFKA_BROKERS to connect services, or use `pulse start` for all in one.\n',
      )
    }
    const replay = flagString(args, 'replay')
    if (replay && name !== 'ingest') throw new UsageError('--replay goes with the ingest service')
    return runPipelineCommand(ctx, {
      services: [name as ServiceName],
      ...(replay ? { replay: replay === '-' ? '-' : resolve(ctx.cwd, replay) } : {}),
      speed: parseSpeed(flagString(args, 'speed'), 'max'),
      exitWhenDone: false,
    })
  },
}

export const replayCommand: Command = {
  name: 'replay',
  summary: 'replay a JSONL file (or - for stdin) of mentions through the pipeline',
  usage: 'pulse replay <FILE|-> [--speed <x>|max] [--exit-when-done]',
  async run(ctx) {
    const args = parseArgs(ctx.args, { values: ['speed'], booleans: ['exit-when-done'] })
    const [file, extra] = args.positionals
    if (!file) throw new UsageError('which file? (use - for stdin)')
    if (extra) throw new UsageError(`unexpected argument "${extra}"`)
    // With Kafka, replay is the ingest service publishing for the other processes; embedded, the
    // bus lives in this process, so the whole pipeline runs here.
    const services: ServiceName[] = ctx.env.KAFKA_BROKERS ? ['ingest'] : [...SERVICE_NAMES]
    return runPipelineCommand(ctx, {
      services,
      replay: file === '-' ? '-' : resolve(ctx.cwd, file),
      speed: parseSpeed(flagString(args, 'speed'), 'max'),
      exitWhenDone: args.flags.has('exit-when-done') || !ctx.env.KAFKA_BROKERS,
    })
  },
}
