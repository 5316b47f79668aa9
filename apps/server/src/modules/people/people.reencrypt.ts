import { and, eq, ne, sql } from 'drizzle-orm'
import type { ServiceContext } from '../../platform/service-context.ts'
import { currentKeyVersion, decryptField, encryptField } from './data-keys.ts'
import { people, personRelatives } from './people.tables.ts'

const reencrypt = (value: string | null) => (value === null ? null : encryptField(decryptField(value)))

/**
 * Re-encrypts every sensitive column of the org still under an older key version with the current
 * key (after prepending a new key to MINGA_DATA_KEYS). Returns how many rows changed.
 */
export async function reencryptPeople(ctx: ServiceContext): Promise<number> {
  const version = currentKeyVersion()
  const stale = sql`split_part(${people.documentNumberEnc}, ':', 1) <> ${version}
    or split_part(coalesce(${people.phonesEnc}, ''), ':', 1) not in ('', ${version})
    or split_part(coalesce(${people.salaryEnc}, ''), ':', 1) not in ('', ${version})`
  const rows = await ctx.db
    .select()
    .from(people)
    .where(and(eq(people.orgId, ctx.orgId), stale))
  for (const row of rows) {
    await ctx.db
      .update(people)
      .set({
        documentNumberEnc: encryptField(decryptField(row.documentNumberEnc)),
        phonesEnc: reencrypt(row.phonesEnc),
        salaryEnc: reencrypt(row.salaryEnc),
      })
      .where(and(eq(people.orgId, ctx.orgId), eq(people.id, row.id)))
  }
  const relatives = await ctx.db
    .select()
    .from(personRelatives)
    .where(
      and(
        eq(personRelatives.orgId, ctx.orgId),
        ne(sql`split_part(coalesce(${personRelatives.documentNumberEnc}, ''), ':', 1)`, ''),
        ne(sql`split_part(coalesce(${personRelatives.documentNumberEnc}, ''), ':', 1)`, version),
      ),
    )
  for (const r of relatives) {
    await ctx.db
      .update(personRelatives)
      .set({ documentNumberEnc: reencrypt(r.documentNumberEnc) })
      .where(and(eq(personRelatives.orgId, ctx.orgId), eq(personRelatives.id, r.id)))
  }
  return rows.length + relatives.length
}
