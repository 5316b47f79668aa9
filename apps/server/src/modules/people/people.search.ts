import type { PersonListItem, PersonPage, PersonQuery } from '@minga/contracts'
import { AppError } from '../../platform/http/app-error.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { nameQueryWords, normalizeName } from './domain/names.ts'
import * as repo from './people.repository.ts'
import { searchByName } from './people.search.repository.ts'

const RANK_CURSOR = /^rank:(\d{1,7})$/

/** Ranked results page by offset: "the next 20 best matches". */
const encodeRankCursor = (offset: number) => Buffer.from(`rank:${offset}`, 'utf8').toString('base64url')

/** The offset a cursor carries; 0 without one; null for a cursor of the unranked list (an id). */
function rankOffset(cursor: string | undefined): number | null {
  if (cursor === undefined) return 0
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8')
  if (/^[0-9a-f-]{36}$/.test(decoded)) return null
  const match = RANK_CURSOR.exec(decoded)
  if (!match) {
    throw new AppError('validation_failed', 'Invalid cursor', [
      { path: 'querystring.cursor', message: 'Invalid cursor' },
    ])
  }
  return Number(match[1])
}

/**
 * Name search ranked by similarity, best match first: every typed word must match a word of the name
 * (a spelling within trigram distance, or a prefix for the last word). Returns null when the first page
 * finds nobody, so the caller can fall back to comparing the whole name (a name typed run together or
 * with an extra word).
 */
export async function listPeopleByName(
  ctx: ServiceContext,
  query: PersonQuery,
  filter: repo.PersonFilter,
  toItem: (row: repo.PersonRow) => PersonListItem,
): Promise<PersonPage | null> {
  const offset = rankOffset(query.cursor)
  if (offset === null) return null
  const phrase = normalizeName(query.q ?? '')
  const words = nameQueryWords(phrase)
  const typing = phrase.split(' ').at(-1) ?? null
  const found = await searchByName(
    ctx,
    { words, phrase, prefix: typing && words.includes(typing) ? typing : null },
    filter,
    { limit: query.limit, offset },
  )
  if (found.ids.length === 0 && offset === 0) return null
  const pageIds = found.ids.slice(0, query.limit)
  const byId = new Map((await repo.peopleByIds(ctx, pageIds)).map((r) => [r.id, r]))
  return {
    items: pageIds.flatMap((id) => {
      const row = byId.get(id)
      return row ? [toItem(row)] : []
    }),
    nextCursor: found.ids.length > query.limit ? encodeRankCursor(offset + query.limit) : null,
    facets: { status: found.status, tags: found.tags },
  }
}
