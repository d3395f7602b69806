export { parseRuntimeEnv, type RuntimeEnv, runtimeEnvSchema } from './config.ts'
export type { RunningService, ServiceContext, ServiceFactory, ServiceHealth } from './context.ts'
export {
  checkReadiness,
  DEFAULT_SERVICE_METRICS_PORT,
  type HealthAddress,
  type HealthServer,
  healthAddress,
  type Readiness,
  startHealthServer,
} from './health-server.ts'
export { createLogger, type LoggerOptions, REDACT_PATHS } from './logger.ts'
export { createProcessMetrics, type ProcessMetrics, type ProcessMetricsOptions } from './metrics.ts'
export { openBus, openStore, storeTarget } from './open.ts'
export { fileSecret } from './secrets.ts'
export { loadWatchlist } from './watchlist.ts'
