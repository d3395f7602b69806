import type { Command } from '../command.ts'

/**
 * Every `pulse <command>`. Add a command by importing it and listing it here (one line each).
 */
export const COMMANDS: readonly Command[] = []
