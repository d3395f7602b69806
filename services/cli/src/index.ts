export type { Command, CommandContext } from './command.ts'
export { UsageError } from './command.ts'
export { COMMANDS } from './commands/index.ts'
