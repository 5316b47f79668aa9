// `npm run bench`: every scenario in turn. Figures are printed, never asserted.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'

const dir = join(import.meta.dirname, 'scenarios')
let failed = false
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .sort()) {
  console.log(`\n=== ${file} ===`)
  const run = spawnSync(process.execPath, [join(dir, file)], { stdio: 'inherit' })
  failed ||= run.status !== 0
}
process.exit(failed ? 1 : 0)
