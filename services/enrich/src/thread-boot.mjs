// Worker-thread bootstrap for the enrichment pool. Node does not apply the parent's module loader
// hooks to a worker's entry, so when the entry is TypeScript source (Pulse runs from source under
// tsx) this registers tsx's documented ESM API first; a compiled entry is imported as is.
import { workerData } from 'node:worker_threads'

const entry = workerData?.entry
if (typeof entry !== 'string') throw new Error('thread-boot: workerData.entry (a module URL) is required')
if (entry.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api')
  register()
}
await import(entry)
