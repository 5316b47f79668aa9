import { and, arrayContains, eq, inArray, type SQL, sql } from 'drizzle-orm'
import type { ServiceContext } from '../../platform/service-context.ts'
import { people, personNameWords } from './people.tables.ts'

/**
 * Name search, the people module's one query that ranks. Each typed word first finds its spellings
 * in the org's small dictionary of name words (trigram similarity, or a prefix for the word being
 * typed); a person matches when their name has a spelling of every typed word (GIN on `name_words`).
 * That keeps a common name's fuzzy matches from scanning the whole table, and the page and the facets
 * come from one pass over the matches.
 */
export type NameSearch = {
  /** From `nameQueryWords`: normalized, longest first. */
  words: string[]
  /** The whole normalized query: matches are ranked by word similarity to it. */
  phrase: string
  /** The word still being typed (the query's last one) also matches as a prefix. */
  prefix: string | null
}

export type NameSearchFilter = {
  status?: string | undefined
  tags?: string[] | undefined
  branchId?: string | undefined
}

/** Similarity a typed word needs to a spelling in the dictionary ("garzia" → "garcia" is 0.4). */
const WORD_SIMILARITY = '0.35'

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`)

function spellingsOf(ctx: ServiceContext, word: string, prefix: boolean): SQL {
  const like = prefix ? sql` or ${personNameWords.word} like ${`${escapeLike(word)}%`}` : sql``
  return sql`(select coalesce(array_agg(${personNameWords.word}), '{}') from ${personNameWords}
    where ${personNameWords.orgId} = ${ctx.orgId}
      and (${personNameWords.word} = ${word} or ${personNameWords.word} % ${word}${like}))`
}

export type NameSearchResult = {
  /** Ids of the page (limit + 1 when there is more), best match first. */
  ids: string[]
  status: Record<string, number>
  tags: Record<string, number>
}

export async function searchByName(
  ctx: ServiceContext,
  search: NameSearch,
  filter: NameSearchFilter,
  page: { limit: number; offset: number },
): Promise<NameSearchResult> {
  await ctx.db.execute(sql`select set_config('pg_trgm.similarity_threshold', ${WORD_SIMILARITY}, true)`)
  const wordConditions = search.words.map(
    (w) => sql` and ${people.nameWords} && ${spellingsOf(ctx, w, w === search.prefix)}`,
  )
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
        word_similarity(${search.phrase}, ${people.nameSearch}) as score
      from ${people}
      where ${people.orgId} = ${ctx.orgId}${sql.join(wordConditions)}${tags}${branch}
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
      sql`not exists (select 1 from ${people} where ${people.orgId} = ${ctx.orgId}
          and ${people.nameWords} @> array[${personNameWords.word}])`,
    ),
  )
}
