import { and, arrayContains, eq, inArray, type SQL, sql } from 'drizzle-orm'
import type { Db } from '../../platform/db/connection.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { nameQueryWords } from './domain/names.ts'
import { people, personNameIndex, personNameWords } from './people.tables.ts'

/**
 * Name search. Each typed word first finds its spellings in the org's small dictionary of name words
 * (trigram similarity, or a prefix for the word being typed); a person matches when their name has a
 * spelling of every typed word (`all`) or, as the fallback when nobody does, of all but one of them
 * (`any`), through `person_name_index`. That keeps a common name's fuzzy matches from scanning the
 * whole table, and the page and the facets come from one pass over the matches.
 */
export type NameMatch = 'all' | 'any'

export type NameSearchFilter = {
  status?: string | undefined
  tags?: string[] | undefined
  branchId?: string | undefined
}

/** Similarity a typed word needs to a spelling in the dictionary ("garzia" → "garcia" is 0.4). */
const WORD_SIMILARITY = '0.35'
/** When the typed word itself is in the dictionary, other spellings need this much ("garces" is 0.4). */
const CLOSE_SPELLING = 0.5

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`)

/**
 * The spellings in the org's dictionary of each typed word of the normalized query `phrase`, in one
 * query: the same word, a word within trigram similarity, or (for the query's last word, which may
 * still be being typed) a word it begins. The people query then gets them as constants, so the planner
 * sees how common they are and uses the name index.
 */
export async function nameSpellings(ctx: ServiceContext, phrase: string): Promise<string[][]> {
  const words = nameQueryWords(phrase)
  if (words.length === 0) return []
  const typing = phrase.split(' ').at(-1)
  await ctx.db.execute(sql`select set_config('pg_trgm.similarity_threshold', ${WORD_SIMILARITY}, true)`)
  const lookups = words.map((word, i) => {
    const prefix = word === typing ? sql` or ${personNameWords.word} like ${`${escapeLike(word)}%`}` : sql``
    // A word someone in the org bears was probably typed right: only close spellings join it
    // ("valencia" should not bring every "valentina").
    const exists = sql`exists (select 1 from ${personNameWords} where ${personNameWords.orgId} = ${ctx.orgId}
      and ${personNameWords.word} = ${word})`
    return sql`(select coalesce(array_agg(${personNameWords.word}), '{}') from ${personNameWords}
      where ${personNameWords.orgId} = ${ctx.orgId}
        and (${personNameWords.word} = ${word}${prefix} or (${personNameWords.word} % ${word}
          and (similarity(${personNameWords.word}, ${word}) >= ${CLOSE_SPELLING} or not ${exists})))) as ${sql.raw(`w${i}`)}`
  })
  const result = await ctx.db.execute<Record<string, string[]>>(sql`select ${sql.join(lookups, sql`, `)}`)
  const row = result.rows[0] ?? {}
  return words.map((_, i) => row[`w${i}`] ?? [])
}

const textArray = (values: string[]) =>
  values.length === 0
    ? sql`'{}'::text[]`
    : sql`array[${sql.join(
        values.map((v) => sql`${v}`),
        sql`, `,
      )}]::text[]`

/**
 * The people whose name has a spelling of every typed word (`all`) or, for the fallback (`any`), of
 * all typed words but one (any of them for one or two words); the spellings come from `nameSpellings`.
 * Read through `person_name_index` (b-tree equality, usable under row-level security).
 */
export function nameCondition(orgId: string, spellings: string[][], match: NameMatch): SQL {
  if (spellings.length === 0) return sql`false`
  const holders = (words: string[], group: number) =>
    sql`select ${personNameIndex.personId} as person_id, ${group}::int as word_group from ${personNameIndex}
      where ${personNameIndex.orgId} = ${orgId} and ${personNameIndex.word} = any(${textArray(words)})`
  const groups = spellings.map((s, i) => holders(s, i))
  const needed = match === 'all' ? spellings.length : Math.max(1, spellings.length - 1)
  if (needed === 1)
    return sql`${people.id} in (select person_id from (${sql.join(groups, sql` union all `)}) w)`
  return sql`${people.id} in (select person_id from (${sql.join(groups, sql` union all `)}) w
    group by person_id having count(distinct word_group) >= ${needed})`
}

/**
 * How closely a name matches: 1 when it has every typed word exactly (no need to compare: most matches
 * of a common surname are such, and `word_similarity` over thousands of names is half a search's time),
 * else the word similarity of the whole query to the name.
 */
function rankOf(phrase: string): SQL {
  const words = nameQueryWords(phrase)
  if (words.length === 0) return sql`0::real`
  const padded = sql`(' ' || ${people.nameSearch} || ' ')`
  const exact = sql.join(
    words.map((w) => sql`strpos(${padded}, ${` ${w} `}) > 0`),
    sql` and `,
  )
  return sql`case when ${exact} then 1::real else word_similarity(${phrase}, ${people.nameSearch}) end`
}

export type NameSearchResult = {
  /** Ids of the page (limit + 1 when there is more), best match first. */
  ids: string[]
  status: Record<string, number>
  tags: Record<string, number>
}

/** A page of the people matching `phrase`, ranked by word similarity to it, with facets. */
export async function searchByName(
  ctx: ServiceContext,
  search: { phrase: string; spellings: string[][]; match: NameMatch },
  filter: NameSearchFilter,
  page: { limit: number; offset: number },
): Promise<NameSearchResult> {
  const tags = filter.tags?.length ? sql` and ${arrayContains(people.tags, filter.tags)}` : sql``
  const branch = filter.branchId ? sql` and ${eq(people.branchId, filter.branchId)}` : sql``
  const status = filter.status ? sql` where status = ${filter.status}` : sql``
  // The status facet counts every match (it ignores its own filter); the page and tags honour it.
  const result = await ctx.db.execute<{
    ids: string[] | null
    status: Record<string, number> | null
    tags: Record<string, number> | null
  }>(sql`
    with matches as materialized (
      select ${people.id} as id, ${people.status} as status, ${people.tags} as tags,
        ${rankOf(search.phrase)} as score
      from ${people}
      where ${people.orgId} = ${ctx.orgId} and ${nameCondition(ctx.orgId, search.spellings, search.match)}${tags}${branch}
    ),
    hits as (select * from matches${status})
    select
      (select json_agg(p.id) from (select id from hits order by score desc, id desc
        offset ${page.offset} limit ${page.limit + 1}) p) as ids,
      (select json_object_agg(s.status, s.n) from (select status, count(*)::int as n from matches
        group by status) s) as status,
      (select json_object_agg(t.tag, t.n) from (select tag, count(*)::int as n from hits, unnest(tags) as tag
        group by tag order by n desc, tag limit 50) t) as tags`)
  const row = result.rows[0]
  return { ids: row?.ids ?? [], status: row?.status ?? {}, tags: row?.tags ?? {} }
}

/**
 * Drops these words from the org's dictionary unless someone's name still has them: after an
 * anonymization, the dictionary must not remember a name nobody bears any more.
 */
export async function forgetUnusedNameWords(ctx: ServiceContext, words: string[]) {
  if (words.length === 0) return
  await ctx.db.delete(personNameWords).where(
    and(
      eq(personNameWords.orgId, ctx.orgId),
      inArray(personNameWords.word, words),
      sql`not exists (select 1 from ${personNameIndex} where ${personNameIndex.orgId} = ${ctx.orgId}
          and ${personNameIndex.word} = ${personNameWords.word})`,
    ),
  )
}

/**
 * Vacuums and analyzes the search tables after a bulk load. Without statistics the planner still
 * believes an org holds a handful of people and filters all 200,000 instead of using the name index,
 * and without a fresh visibility map the name index cannot be read without visiting the table; embedded
 * PGlite has no autovacuum, and a server may have it off. Runs on the pool (the tables'
 * owner), outside any org transaction; best effort, so a refusal changes nothing else.
 */
export async function refreshSearchStatistics(db: Db) {
  try {
    await db.execute(sql`vacuum analyze ${people}, ${personNameWords}, ${personNameIndex}`)
  } catch {
    // Autovacuum, where it runs, catches up on its own.
  }
}
