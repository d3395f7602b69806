export { deadLetterFor, deadLetterMessage } from './dead-letters.ts'
export { type ChainResult, mapStage, runChain, type Stage, type StageFailure } from './stage.ts'
export { type Emitted, startWorker, type Worker, type WorkerOptions, type WorkerStats } from './worker.ts'
