import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { afterAll } from 'vitest'
import type { TopicSpec } from './bus.ts'
import { describeBusContract } from './bus-contract.ts'
import { KafkaBus } from './kafka-bus.ts'

/**
 * The bus contract against Kafka: a real broker when KAFKA_BROKERS is set, else librdkafka's mock
 * cluster (test/kafka-mock/) when it can be built here. The mock speaks the Kafka protocol for
 * produce, fetch, group membership, offset commit/fetch and list offsets, which is every path the
 * contract takes, but it has no CreateTopics, so topics are created through the mock process.
 */
interface MockCluster {
  readonly brokers: string[]
  createTopics(topics: readonly TopicSpec[]): Promise<void>
  close(): void
}

const START_SCRIPT = fileURLToPath(new URL('../../../test/kafka-mock/start.sh', import.meta.url))
/** First start may apt-get install librdkafka-dev (as root) and compile. */
const START_TIMEOUT_MS = 180_000

function startMockCluster(): Promise<MockCluster | { unavailable: string }> {
  const child = spawn('bash', [START_SCRIPT], { stdio: ['pipe', 'pipe', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4_000)
  })
  const answers: ((line: string) => void)[] = []
  let brokers: ((line: string) => void) | undefined
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (brokers) {
      brokers(line)
      brokers = undefined
    } else answers.shift()?.(line)
  })
  const ask = (command: string): Promise<string> =>
    new Promise((resolve) => {
      answers.push(resolve)
      child.stdin.write(`${command}\n`)
    })
  const lastLine = (): string => stderr.trim().split('\n').at(-1) ?? ''
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.stdin.end()
      resolve({ unavailable: `the mock cluster did not start within ${START_TIMEOUT_MS / 1000}s` })
    }, START_TIMEOUT_MS)
    child.on('error', (err) => {
      clearTimeout(timer)
      resolve({ unavailable: `cannot run ${START_SCRIPT}: ${err.message}` })
    })
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve({ unavailable: `${lastLine() || 'the mock cluster exited'} (exit ${code ?? 'signal'})` })
    })
    brokers = (line) => {
      clearTimeout(timer)
      resolve({
        brokers: line.split(',').filter(Boolean),
        async createTopics(topics) {
          for (const t of topics) {
            const answer = await ask(`create ${t.name} ${t.partitions}`)
            if (!answer.startsWith('created ') && !answer.includes('already exists'))
              throw new Error(`mock cluster: ${answer}`)
          }
        },
        close: () => child.stdin.end(),
      })
    }
  })
}

const configured = process.env.KAFKA_BROKERS?.split(',').filter(Boolean) ?? []
const mock = configured.length === 0 ? await startMockCluster() : undefined
const cluster = mock && 'brokers' in mock ? mock : undefined
afterAll(() => cluster?.close())

describeBusContract(
  configured.length > 0 ? 'kafka' : 'kafka (librdkafka mock cluster)',
  async () =>
    new KafkaBus({
      brokers: cluster?.brokers ?? configured,
      clientId: 'pulse-bus-contract',
      retryBackoffMs: { initial: 50, max: 500 },
      ...(cluster ? { createTopics: (topics: readonly TopicSpec[]) => cluster.createTopics(topics) } : {}),
    }),
  mock && 'unavailable' in mock
    ? `KAFKA_BROKERS is not set and the librdkafka mock cluster is unavailable: ${mock.unavailable}`
    : undefined,
)
