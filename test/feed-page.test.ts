/**
 * The live feed page served by `pulse start`, in headless Chromium: sign in with the token printed
 * on first run, see the signals the replay fires, then stop the process with SIGINT (exit 0).
 */
import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { writeSampleJsonl } from '@pulse/sample'
import { type BrowserContext, chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CliProcess, cliEnv, freePort, REPO_ROOT, spawnCli, tempDir } from './support/cli.ts'

const CHROMIUM = '/usr/bin/chromium'
const hasChromium = existsSync(CHROMIUM)
if (!hasChromium)
  console.warn(`skipping the feed page e2e test: ${CHROMIUM} is missing (apt-get install chromium)`)
const ARTIFACTS = join(REPO_ROOT, 'test-results', 'e2e')

describe.skipIf(!hasChromium)('live feed page of pulse start', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>
  let pulse: CliProcess | undefined
  let context: BrowserContext | undefined

  beforeAll(async () => {
    dir = await tempDir('feed')
    await mkdir(ARTIFACTS, { recursive: true })
  })
  afterAll(async () => {
    await context?.close()
    pulse?.killAll()
    await dir?.remove()
  })

  it('signs in with the printed token, lists signals, and exits 0 on SIGINT', async () => {
    // Two days: a day of warm-up, then the first seeded event (and the day's ordinary spikes).
    const file = join(dir.path, 'sample.jsonl')
    await writeSampleJsonl(file, { days: 2 })
    const port = await freePort()
    pulse = spawnCli(
      ['start', '--replay', file, '--speed', 'max'],
      cliEnv({ PULSE_DATA_DIR: join(dir.path, 'data'), PULSE_FEED_PORT: String(port) }),
    )
    const url = (await pulse.waitFor(/Live feed: (http:\/\/\S+)/, 60_000))[1] ?? ''
    const token = (await pulse.waitFor(/Feed login token[^:]*: (\S+)/, 10_000))[1] ?? ''
    expect(url).toBe(`http://127.0.0.1:${port}`)
    expect(token.length).toBeGreaterThan(16)

    context = await chromium.launchPersistentContext(join(dir.path, 'chromium-profile'), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1360, height: 900 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    })
    const problems: string[] = []
    const page = await context.newPage()
    page.on('pageerror', (err) => problems.push(err.message))
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(msg.text())
    })
    await page.goto(url)

    // A wrong token is refused: the sign-in really checks it.
    await page.getByLabel('Access token').fill('not-the-token')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect.poll(() => page.locator('#login-error').textContent(), { timeout: 10_000 }).not.toBe('')
    expect(await page.locator('#app').isHidden()).toBe(true)
    problems.length = 0 // the refused sign-in logs a 401 in the console; that one is expected

    await page.getByLabel('Access token').fill(token)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.locator('#connection[data-state="live"]').waitFor({ timeout: 20_000 })
    await expect.poll(() => page.locator('#who-role').textContent()).toBe('responder')
    await page.locator('.signal-item').first().waitFor({ timeout: 120_000 })
    // At full speed a signal can open and resolve within a second; once the replay is stored to the
    // end, the signals still open stay listed (the seeded GI cluster among them).
    await pulse.waitFor(/Replay stored to the end/, 120_000)
    await page.waitForTimeout(2_000)
    const items = page.locator('.signal-item')
    await expect.poll(() => items.count(), { timeout: 20_000 }).toBeGreaterThan(0)
    const first = items.first()
    expect(await first.getAttribute('data-id')).toMatch(/^sig_/)
    expect((await first.textContent())?.trim().length ?? 0).toBeGreaterThan(10)
    await page.screenshot({ path: join(ARTIFACTS, 'feed.png'), fullPage: false })
    expect(problems).toEqual([])

    await context.close()
    context = undefined
    // SIGINT to the CLI, as a terminal's Ctrl-C would reach it.
    pulse.child.kill('SIGINT')
    const result = await pulse.exitWithin(90_000)
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toContain('Stopping: draining and committing')
  })
})
