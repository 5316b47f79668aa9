// `npm test`: the whole suite in order (typecheck, lint, unit, integration, web, e2e), then one
// summary line. Runs on a fresh machine with no services: the database is embedded unless
// DATABASE_URL is set, and e2e runs when Debian's Chromium is found (it says so when it skips).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const results = resolve(root, '.minga/test-results')
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

type Counts = { passed: number; failed: number; skipped: number }
const total: Counts = { passed: 0, failed: 0, skipped: 0 }
const failedSteps: string[] = []

function step(name: string, command: string, args: string[], env: Record<string, string> = {}): boolean {
  process.stdout.write(`\n── ${name} ──\n`)
  const run = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
  const ok = run.status === 0
  if (!ok) failedSteps.push(name)
  return ok
}

function addVitestCounts(file: string) {
  if (!existsSync(file)) return
  const report = JSON.parse(readFileSync(file, 'utf8')) as {
    numPassedTests: number
    numFailedTests: number
    numPendingTests: number
    numTodoTests: number
  }
  total.passed += report.numPassedTests
  total.failed += report.numFailedTests
  total.skipped += report.numPendingTests + report.numTodoTests
}

function addPlaywrightCounts(file: string) {
  if (!existsSync(file)) return
  const report = JSON.parse(readFileSync(file, 'utf8')) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number }
  }
  total.passed += report.stats.expected + report.stats.flaky
  total.failed += report.stats.unexpected
  total.skipped += report.stats.skipped
}

rmSync(results, { recursive: true, force: true })
mkdirSync(results, { recursive: true })

step('typecheck', 'npm', ['run', 'typecheck', '--silent'])
step('lint', 'npx', ['biome', 'check', '.'])

const vitestJson = resolve(results, 'vitest.json')
step('unit, integration and web tests (Vitest)', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
])
addVitestCounts(vitestJson)

if (existsSync(chromium)) {
  if (step('build the web app', 'npm', ['run', 'build', '--silent', '-w', '@minga/web'])) {
    step('end-to-end journeys (Playwright, Chromium)', 'npm', ['run', 'test', '--silent', '-w', '@minga/e2e'])
    addPlaywrightCounts(resolve(results, 'e2e.json'))
  }
} else {
  process.stdout.write(
    `\n── end-to-end journeys ──\nSKIPPED: Chromium not found at ${chromium}. Install Debian's chromium package ` +
      '(apt-get install chromium) or set CHROMIUM_PATH to run them.\n',
  )
}

process.stdout.write(
  `\n${failedSteps.length ? `Failed steps: ${failedSteps.join(', ')}` : 'All steps passed.'}\n`,
)
process.stdout.write(`tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped\n`)
process.exit(failedSteps.length ? 1 : 0)
