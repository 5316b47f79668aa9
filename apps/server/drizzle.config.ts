import { defineConfig } from 'drizzle-kit'

// Generate only: migrations are applied by `minga migrate` (programmatic, works on PGlite too).
// Roles come from a custom migration; never let drizzle-kit manage them (it would try to drop them).
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/platform/db/schema.ts',
  out: './migrations',
  casing: 'snake_case',
})
