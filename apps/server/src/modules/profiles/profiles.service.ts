import {
  AVATAR_MIME_TYPES,
  PROFILE_LIMITS,
  type Profile,
  type ProfilePage,
  type ProfileQuery,
  type ProfileSkills,
  type ProfileSummary,
  type SaveProfile,
} from '@minga/contracts'
import { can } from '../../platform/access/effective-permissions.ts'
import { recordAudit } from '../../platform/audit/audit.ts'
import { recordEvent } from '../../platform/events/event-bus.ts'
import type { UploadedFile } from '../../platform/files/index.ts'
import { signedDownloadUrl, storeFile } from '../../platform/files/index.ts'
import { AppError, notFound } from '../../platform/http/app-error.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { findMemberView, findOrgById } from '../../platform/tenancy/tenancy.repository.ts'
import { memberDirectory } from '../../platform/tenancy/tenancy.service.ts'
import {
  countSkills,
  type DirectoryEntry,
  decodeDirectoryCursor,
  hasSkills,
  matchesQuery,
  pageAfter,
  parseSkillFilter,
  sortEntries,
} from './domain/directory.ts'
import { checkProfile, isTimeZone, type Locale, type ProfileFields } from './domain/profile-rules.ts'
import { isMunicipalityCode, municipalityOf } from './profiles.municipality.ts'
import * as repo from './profiles.repository.ts'

export const PROFILE_UPDATED = 'profile.updated'
export const PROFILES_MANAGE = 'profiles:manage'
/** Avatar links are short: enough to load the image, useless if copied around. */
export const AVATAR_LINK_TTL_SECONDS = 300
const FACET_SIZE = 50

export type { UploadedFile }

async function orgTimezone(ctx: ServiceContext) {
  const zone = (await findOrgById(ctx.db, ctx.orgId))?.timezone ?? 'America/Bogota'
  return isTimeZone(zone) ? zone : 'America/Bogota'
}

const defaults = (timezone: string): ProfileFields => ({
  headline: '',
  bio: '',
  skills: [],
  experienceLevel: null,
  location: '',
  municipalityCode: null,
  timezone,
  github: null,
  linkedin: null,
  website: null,
  visibility: 'members',
})

const fieldsOf = (row: repo.ProfileRow): ProfileFields => ({
  headline: row.headline,
  bio: row.bio,
  skills: row.skills,
  experienceLevel: row.experienceLevel,
  location: row.location,
  municipalityCode: row.municipalityCode,
  timezone: row.timezone,
  github: row.github,
  linkedin: row.linkedin,
  website: row.website,
  visibility: row.visibility as ProfileFields['visibility'],
})

function toDto(userId: string, name: string, row: repo.ProfileRow | null, timezone: string): Profile {
  const fields = row ? fieldsOf(row) : defaults(timezone)
  return {
    userId,
    name,
    headline: fields.headline,
    bio: fields.bio,
    skills: fields.skills,
    experienceLevel: fields.experienceLevel as Profile['experienceLevel'],
    location: fields.location,
    municipality: fields.municipalityCode ? municipalityOf(fields.municipalityCode) : null,
    timezone: fields.timezone,
    links: { github: fields.github, linkedin: fields.linkedin, website: fields.website },
    avatarFileId: row?.avatarFileId ?? null,
    visibility: fields.visibility,
    hiddenByAdmin: Boolean(row?.hiddenBy),
    version: row?.version ?? 0,
    updatedAt: row ? row.updatedAt.toISOString() : null,
  }
}

const summaryOf = (p: Profile): ProfileSummary => ({
  userId: p.userId,
  name: p.name,
  headline: p.headline,
  skills: p.skills,
  experienceLevel: p.experienceLevel,
  location: p.location,
  avatarFileId: p.avatarFileId,
  visibility: p.visibility,
})

const auditView = (row: repo.ProfileRow) => ({
  headline: row.headline,
  bio: row.bio,
  skills: row.skills.join(', '),
  experienceLevel: row.experienceLevel,
  location: row.location,
  municipalityCode: row.municipalityCode,
  timezone: row.timezone,
  github: row.github,
  linkedin: row.linkedin,
  website: row.website,
  avatarFileId: row.avatarFileId,
  visibility: row.visibility,
  hiddenBy: row.hiddenBy,
})

/** Who may see a profile: everyone in the org when it is for members; else its owner and managers. */
function visibleTo(ctx: ServiceContext, userId: string, row: repo.ProfileRow | null) {
  return row?.visibility !== 'admins' || userId === ctx.actor.userId || can(ctx, PROFILES_MANAGE)
}

/** Every current member with their profile (or the defaults) that the caller may see. */
async function visibleEntries(ctx: ServiceContext) {
  // One after another: the queries share the request's transaction (one connection).
  const members = await memberDirectory(ctx)
  const rows = await repo.listProfiles(ctx)
  const timezone = await orgTimezone(ctx)
  const byUser = new Map(rows.map((r) => [r.userId, r]))
  const entries: (DirectoryEntry & { profile: Profile })[] = []
  for (const member of members.values()) {
    const row = byUser.get(member.userId) ?? null
    if (!visibleTo(ctx, member.userId, row)) continue
    const profile = toDto(member.userId, member.name, row, timezone)
    entries.push({
      userId: member.userId,
      name: member.name,
      headline: profile.headline,
      skills: profile.skills,
      profile,
    })
  }
  return entries
}

/**
 * The directory: members matching `q` (name, headline, skills; accent-insensitive) and having every
 * skill of `skill`, by name, with the skill counts of all matches.
 */
export async function listDirectory(ctx: ServiceContext, query: ProfileQuery): Promise<ProfilePage> {
  const after = query.cursor === undefined ? null : decodeDirectoryCursor(query.cursor)
  if (query.cursor !== undefined && after === null) {
    throw new AppError('validation_failed', 'Invalid cursor', [
      { path: 'querystring.cursor', message: 'Invalid cursor' },
    ])
  }
  const wanted = parseSkillFilter(query.skill)
  const matches = sortEntries(
    (await visibleEntries(ctx)).filter((e) => matchesQuery(e, query.q) && hasSkills(e, wanted)),
  )
  const page = pageAfter(matches, after, query.limit)
  const skills: Record<string, number> = {}
  for (const { skill, count } of countSkills(matches, FACET_SIZE)) skills[skill] = count
  return {
    items: page.items.map((e) => summaryOf(e.profile)),
    nextCursor: page.nextCursor,
    facets: { skills },
  }
}

/** Every skill of the profiles the caller may see, with how many members list it. */
export async function listSkills(ctx: ServiceContext): Promise<ProfileSkills> {
  return { items: countSkills(await visibleEntries(ctx)) }
}

async function loadMember(ctx: ServiceContext, userId: string) {
  const member = await findMemberView(ctx.db, ctx.orgId, userId)
  if (!member) throw notFound('Profile')
  return member
}

/** A member's profile: 404 for non-members, and for hidden ones unless it is yours or you manage profiles. */
export async function getProfile(ctx: ServiceContext, userId: string): Promise<Profile> {
  const member = await loadMember(ctx, userId)
  const row = await repo.findProfile(ctx, userId)
  if (!visibleTo(ctx, userId, row)) throw notFound('Profile')
  return toDto(userId, member.name, row, await orgTimezone(ctx))
}

function requireSelf(ctx: ServiceContext) {
  const userId = ctx.actor.userId
  if (!userId) throw new AppError('forbidden', 'Only a member has a profile')
  return userId
}

export async function getMyProfile(ctx: ServiceContext) {
  return getProfile(ctx, requireSelf(ctx))
}

/** Writes the profile (creating it on first save), its audit row and its event, together. */
async function write(
  ctx: ServiceContext,
  userId: string,
  before: repo.ProfileRow | null,
  expected: number,
  values: Partial<repo.ProfileValues>,
  action: string,
) {
  const after = before
    ? await repo.updateProfileIfVersion(ctx, userId, expected, values)
    : await repo.insertProfile(ctx, userId, { timezone: await orgTimezone(ctx), ...values })
  if (!after) throw new AppError('precondition_failed', 'The profile changed since you read it')
  await recordAudit(ctx, {
    action,
    entityType: 'profile',
    entityId: after.id,
    ...(before ? { before: auditView(before) } : {}),
    after: { userId, ...auditView(after) },
  })
  await recordEvent(ctx, {
    type: PROFILE_UPDATED,
    entityId: after.id,
    payload: { userId, version: after.version, action },
  })
  const member = await loadMember(ctx, userId)
  return toDto(userId, member.name, after, after.timezone)
}

/** A write needs the version read (If-Match) once the profile exists; a first save needs none or "0". */
function checkVersion(row: repo.ProfileRow | null, expected: number | undefined) {
  if (!row) {
    if (expected !== undefined && expected !== 0)
      throw new AppError('precondition_failed', 'The profile changed since you read it')
    return 0
  }
  if (expected === undefined)
    throw new AppError('precondition_required', 'Send If-Match with the ETag you read')
  if (expected !== row.version)
    throw new AppError('precondition_failed', 'The profile changed since you read it')
  return expected
}

function valuesOf(fields: ProfileFields): Partial<repo.ProfileValues> {
  return { ...fields }
}

function rejectIfAny(problems: { path: string; message: string }[], locale: Locale) {
  if (problems.length)
    throw new AppError(
      'unprocessable',
      locale === 'es' ? 'El perfil tiene campos inválidos' : 'The profile has invalid fields',
      problems,
    )
}

/** PUT /profiles/me: the member's whole profile; a field not sent takes its default. */
export async function saveMyProfile(
  ctx: ServiceContext,
  input: SaveProfile,
  expected: number | undefined,
  locale: Locale,
) {
  const userId = requireSelf(ctx)
  await loadMember(ctx, userId)
  const row = await repo.findProfile(ctx, userId)
  const version = checkVersion(row, expected)
  // PUT replaces: what is not sent goes back to the default, except the avatar (its own route) and
  // an admin's hiding (a client that does not send `visibility` keeps it hidden).
  const { fields, problems } = checkProfile(
    {
      ...input,
      links: { github: null, linkedin: null, website: null, ...input.links },
      visibility: input.visibility ?? (row?.hiddenBy ? 'admins' : 'members'),
    },
    defaults(await orgTimezone(ctx)),
    locale,
    isMunicipalityCode,
  )
  const manager = can(ctx, PROFILES_MANAGE)
  if (row?.hiddenBy && fields.visibility === 'members' && !manager) {
    problems.push({
      path: 'body.visibility',
      message:
        locale === 'es'
          ? 'Un administrador ocultó este perfil; pídele que lo vuelva a mostrar'
          : 'An administrator hid this profile; ask them to show it again',
    })
  }
  rejectIfAny(problems, locale)
  const hiddenBy = row?.hiddenBy && fields.visibility === 'admins' ? row.hiddenBy : null
  return write(
    ctx,
    userId,
    row,
    version,
    { ...valuesOf(fields), hiddenBy },
    row ? 'profile.updated' : 'profile.created',
  )
}

/** PATCH /profiles/{userId} by an owner or admin: edit fields, or hide (`visibility: "admins"`) / show it. */
export async function updateProfile(
  ctx: ServiceContext,
  userId: string,
  expected: number,
  input: SaveProfile,
  locale: Locale,
) {
  await loadMember(ctx, userId)
  const row = await repo.findProfile(ctx, userId)
  const version = checkVersion(row, expected)
  const current = row ? fieldsOf(row) : defaults(await orgTimezone(ctx))
  const { fields, problems } = checkProfile(input, current, locale, isMunicipalityCode)
  rejectIfAny(problems, locale)
  const hiddenBy =
    fields.visibility === 'members'
      ? null
      : input.visibility === 'admins' && userId !== ctx.actor.userId
        ? ctx.actor.userId
        : (row?.hiddenBy ?? null)
  return write(
    ctx,
    userId,
    row,
    version,
    { ...valuesOf(fields), hiddenBy },
    row ? 'profile.updated' : 'profile.created',
  )
}

/** Replaces the member's avatar: PNG, JPEG or WebP (read from the bytes), at most 2 MB. */
export async function setMyAvatar(ctx: ServiceContext, upload: UploadedFile, locale: Locale) {
  const userId = requireSelf(ctx)
  await loadMember(ctx, userId)
  if (upload.bytes.length > PROFILE_LIMITS.avatarBytes) throw avatarTooLarge(locale)
  const file = await storeFile(ctx, {
    bytes: upload.bytes,
    originalName: upload.originalName,
    declaredMimeType: upload.declaredMimeType,
    allowed: AVATAR_MIME_TYPES,
  })
  const row = await repo.findProfile(ctx, userId)
  return write(ctx, userId, row, row?.version ?? 0, { avatarFileId: file.id }, 'profile.avatar_changed')
}

/** The avatar limit is the module's rule (a 422 on `file`), below the platform's upload limit. */
export function avatarTooLarge(locale: Locale) {
  return new AppError(
    'unprocessable',
    locale === 'es' ? 'La foto supera 2 MB' : 'The picture is larger than 2 MB',
    [
      {
        path: 'file',
        message:
          locale === 'es'
            ? 'La foto de perfil puede pesar hasta 2 MB'
            : 'A profile picture may be at most 2 MB',
      },
    ],
  )
}

export async function removeMyAvatar(ctx: ServiceContext) {
  const userId = requireSelf(ctx)
  const row = await repo.findProfile(ctx, userId)
  if (!row?.avatarFileId) throw notFound('Avatar')
  await write(ctx, userId, row, row.version, { avatarFileId: null }, 'profile.avatar_removed')
}

/** A short signed link to a member's avatar, under the same visibility as the profile. */
export async function avatarLink(ctx: ServiceContext, userId: string) {
  const profile = await getProfile(ctx, userId)
  if (!profile.avatarFileId) throw notFound('Avatar')
  const url = await signedDownloadUrl(ctx, profile.avatarFileId, AVATAR_LINK_TTL_SECONDS)
  return { url, expiresAt: new Date(ctx.now.getTime() + AVATAR_LINK_TTL_SECONDS * 1000).toISOString() }
}
