export { type BatchWriter, type BatchWriterOptions, createBatchWriter } from './batch-writer.ts'
export { type ClickHouse, describeTarget, openClickHouse, type StoreTarget } from './client.ts'
export { loadMigrations, type Migration, type MigrationResult, migrate, splitStatements } from './migrate.ts'
export { assertReadOnly } from './read-only.ts'
export { chTime, fromChTime, SIGNAL_COLUMNS, type StoredSignalRow, signalFromRow } from './rows.ts'
export {
  createStore,
  type PreparedMentions,
  type QueryFormat,
  type Store,
  type StoreOptions,
  type WriteResult,
} from './store.ts'
