import type { PersonListItem, PersonPage, PersonQuery } from '@minga/contracts'
import { AppError } from '../../platform/http/app-error.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { normalizeName } from './domain/names.ts'
import * as repo from './people.repository.ts'
import { type NameMatch, nameSpellings, searchByName } from './people.search.repository.ts'

const RANK_CURSOR = /^rank:(all|any):(\d{1,7})$/

/** Ranked results page by offset ("the next 20 best matches") within one way of matching. */
const encodeRankCursor = (match: NameMatch, offset: number) =>
  Buffer.from(`rank:${match}:${offset}`, 'utf8').toString('base64url')

function decodeRankCursor(cursor: string | undefined): { match: NameMatch; offset: number } | null {
  if (cursor === undefined) return null
  const match = RANK_CURSOR.exec(Buffer.from(cursor, 'base64url').toString('utf8'))
  if (!match) {
    throw new AppError('validation_failed', 'Invalid cursor', [
      { path: 'querystring.cursor', message: 'Invalid cursor' },
    ])
  }
  return { match: match[1] as NameMatch, offset: Number(match[2]) }
}

/**
 * Name search ranked by similarity, best match first. People whose name has a spelling of every typed
 * word come first; when nobody does (an extra or mangled word), those with any of them, still ranked by
 * how close the whole name is.
 */
export async function listPeopleByName(
  ctx: ServiceContext,
  query: PersonQuery,
  filter: repo.PersonFilter,
  toItem: (row: repo.PersonRow) => PersonListItem,
): Promise<PersonPage> {
  const phrase = normalizeName(query.q ?? '')
  const cursor = decodeRankCursor(query.cursor)
  const page = { limit: query.limit, offset: cursor?.offset ?? 0 }
  const spellings = await nameSpellings(ctx, phrase)
  let match: NameMatch = cursor?.match ?? 'all'
  let found = await searchByName(ctx, { phrase, spellings, match }, filter, page)
  if (!cursor && match === 'all' && found.ids.length === 0) {
    match = 'any'
    found = await searchByName(ctx, { phrase, spellings, match }, filter, page)
  }
  const pageIds = found.ids.slice(0, query.limit)
  const byId = new Map((await repo.peopleByIds(ctx, pageIds)).map((r) => [r.id, r]))
  return {
    items: pageIds.flatMap((id) => {
      const row = byId.get(id)
      return row ? [toItem(row)] : []
    }),
    nextCursor: found.ids.length > query.limit ? encodeRankCursor(match, page.offset + query.limit) : null,
    facets: { status: found.status, tags: found.tags },
  }
}
