// Run after `npm install` changes package-lock.json: `node scripts/complete-lockfile.ts`.
//
// Some registries (mirrors, caches) only serve the platform builds someone has fetched. npm then
// leaves the other platforms' optional packages (e.g. @biomejs/cli-darwin-arm64) out of the lock
// file, and `npm ci` refuses the lock ("Missing: … from lock file"). This adds the entries npm
// would have written: version, optional, and the os/cpu/libc read from the package name, so npm
// skips them on other platforms without fetching anything. See docs/decisions/0004-lockfile-platforms.md.
import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'

type LockEntry = {
  version?: string
  dev?: boolean
  optional?: boolean
  optionalDependencies?: Record<string, string>
  os?: string[]
  cpu?: string[]
  libc?: string[]
}

const lockPath = resolve(import.meta.dirname, '../package-lock.json')
const lock = JSON.parse(readFileSync(lockPath, 'utf8')) as { packages: Record<string, LockEntry> }

const platformOf = (name: string) => {
  const os = /-(android|darwin|linux|win32|freebsd|openbsd|netbsd|sunos|aix)(?:-|$)/.exec(name)?.[1]
  const cpu = /-(arm64|x64|ia32|arm|ppc64|s390x|riscv64|loong64|mips64el)(?:-|$)/.exec(name)?.[1]
  if (!os || !cpu) return undefined
  const libc = os === 'linux' ? (name.includes('musl') ? 'musl' : 'glibc') : undefined
  return { os: [os], cpu: [cpu], ...(libc ? { libc: [libc] } : {}) }
}

let added = 0
for (const [path, entry] of Object.entries(lock.packages)) {
  for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${path}/node_modules/${name}`
    const hoisted = `node_modules/${name}`
    if (lock.packages[nested] || lock.packages[hoisted]) continue
    const platform = platformOf(name)
    const version = /^\d+\.\d+\.\d+(?:-[\w.]+)?$/.test(range) ? range : undefined
    if (!platform || !version) {
      console.warn(`cannot complete ${name}@${range} (needed by ${path || 'root'}): add it by hand`)
      continue
    }
    lock.packages[hoisted] = { version, ...(entry.dev ? { dev: true } : {}), optional: true, ...platform }
    added += 1
  }
}

// npm keeps packages sorted by path; keep the file stable for diffs.
lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : a < b ? -1 : 1)),
)
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`)
console.log(added ? `added ${added} platform entries to package-lock.json` : 'package-lock.json is complete')
