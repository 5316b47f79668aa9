import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defineConfig } from '@playwright/test'
import { chromiumArgs, chromiumPath } from './chromium.ts'

const port = Number(process.env.E2E_PORT ?? 3210)
const baseURL = `http://localhost:${port}`
// Every run starts Minga on a fresh embedded database, exactly as a newcomer's first `npm start`.
const dataDir = mkdtempSync(join(tmpdir(), 'minga-e2e-'))

export default defineConfig({
  testDir: './specs',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: '../.minga/test-results/e2e.json' }]],
  use: {
    baseURL,
    browserName: 'chromium',
    locale: 'es-CO',
    timezoneId: 'America/Bogota',
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: 'node ../apps/server/src/main.ts serve',
    url: `${baseURL}/ready`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: {
      PORT: String(port),
      MINGA_BASE_URL: baseURL,
      MINGA_DATA_DIR: dataDir,
      MINGA_DEMO_SEED: 'true',
      DATABASE_URL: '',
      REDIS_URL: '',
      LOG_LEVEL: 'warn',
    },
  },
})
