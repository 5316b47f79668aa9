import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { sql } from 'drizzle-orm'
import { migrate } from 'drizzle-orm/node-postgres/migrator'
import type { Db } from './connection.ts'

export const migrationsFolder = resolve(import.meta.dirname, '../../../migrations')

/** Applies pending migrations (a no-op when current), then forces RLS on every RLS table. */
export async function runMigrations(db: Db): Promise<void> {
  await migrate(db, { migrationsFolder })
  // drizzle-kit emits ENABLE but not FORCE; FORCE makes RLS apply to the table owner too.
  await db.execute(sql`
    DO $$
    DECLARE t record;
    BEGIN
      FOR t IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
               WHERE n.nspname = 'public' AND c.relrowsecurity AND NOT c.relforcerowsecurity
      LOOP
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t.relname);
      END LOOP;
    END $$;`)
}

export type MigrationStatus = { applied: number; expected: number; current: boolean }

/** For /ready: the database has exactly the migrations this build ships. */
export async function migrationStatus(db: Db): Promise<MigrationStatus> {
  const journal = JSON.parse(readFileSync(resolve(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
    entries: unknown[]
  }
  const expected = journal.entries.length
  let applied = 0
  try {
    const result = await db.execute<{ count: string }>(
      sql`select count(*)::text as count from drizzle.__drizzle_migrations`,
    )
    applied = Number(result.rows[0]?.count ?? 0)
  } catch {
    applied = 0
  }
  return { applied, expected, current: applied === expected }
}
