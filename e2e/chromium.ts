import { existsSync } from 'node:fs'

/** Debian's Chromium: e2e never downloads a browser. CHROMIUM_PATH overrides the location. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const hasChromium = existsSync(chromiumPath)

/** Flags for a closed network: without them Chromium keeps trying to reach Google's services. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]
