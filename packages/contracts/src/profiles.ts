import { z } from 'zod'
import { PageQuery } from './pagination.ts'

export const EXPERIENCE_LEVELS = ['beginner', 'intermediate', 'advanced', 'expert'] as const
export const ExperienceLevel = z.enum(EXPERIENCE_LEVELS)
export type ExperienceLevel = z.infer<typeof ExperienceLevel>

/** `members`: every member of the org sees the profile; `admins`: only owners and admins (and its owner). */
export const PROFILE_VISIBILITIES = ['members', 'admins'] as const
export const ProfileVisibility = z.enum(PROFILE_VISIBILITIES)
export type ProfileVisibility = z.infer<typeof ProfileVisibility>

/** The rules the server enforces (422 with a message per field); the web form shows the same bounds. */
export const PROFILE_LIMITS = {
  headline: 120,
  bio: 2000,
  skills: 30,
  skillLength: 40,
  location: 120,
  avatarBytes: 2 * 1024 * 1024,
} as const

export const AVATAR_MIME_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const

export const ProfileLinks = z.object({
  github: z.string().nullable(),
  linkedin: z.string().nullable(),
  website: z.string().nullable(),
})
export type ProfileLinks = z.infer<typeof ProfileLinks>

export const ProfileMunicipality = z.object({
  code: z.string(),
  name: z.string(),
  departmentCode: z.string(),
  departmentName: z.string(),
})

/** A member's profile in one org. A member who never saved one gets the defaults (`version` 0). */
export const Profile = z
  .object({
    userId: z.uuid(),
    name: z.string(),
    headline: z.string(),
    bio: z.string(),
    skills: z.array(z.string()),
    experienceLevel: ExperienceLevel.nullable(),
    location: z.string(),
    municipality: ProfileMunicipality.nullable(),
    timezone: z.string(),
    links: ProfileLinks,
    /** A file id of platform/files; the image is served by GET /profiles/{userId}/avatar. */
    avatarFileId: z.uuid().nullable(),
    visibility: ProfileVisibility,
    /** An owner or admin hid it: its member cannot make it visible again. */
    hiddenByAdmin: z.boolean(),
    version: z.number().int(),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'Profile' })
export type Profile = z.infer<typeof Profile>

/** A card of the directory. */
export const ProfileSummary = Profile.pick({
  userId: true,
  name: true,
  headline: true,
  skills: true,
  experienceLevel: true,
  location: true,
  avatarFileId: true,
  visibility: true,
}).meta({ id: 'ProfileSummary' })
export type ProfileSummary = z.infer<typeof ProfileSummary>

// Shapes only: the precise rules (lengths, URLs, time zones, skills) are checked by the service, which
// answers 422 with one message per field in the caller's language.
const text = z.string().max(20_000)
const link = z.string().max(2_000).nullable().optional()

/** PUT /profiles/me: the whole profile (a missing field takes its default). */
export const SaveProfile = z.strictObject({
  headline: text.optional(),
  bio: text.optional(),
  skills: z.array(z.string().max(1_000)).max(200).optional(),
  experienceLevel: ExperienceLevel.nullable().optional(),
  location: text.optional(),
  municipalityCode: z.string().max(20).nullable().optional(),
  timezone: z.string().max(100).optional(),
  links: z.strictObject({ github: link, linkedin: link, website: link }).optional(),
  visibility: ProfileVisibility.optional(),
})
export type SaveProfile = z.infer<typeof SaveProfile>

/** PATCH /profiles/{userId} (owners and admins): only the fields sent change. */
export const UpdateProfile = SaveProfile
export type UpdateProfile = SaveProfile

export const ProfileQuery = PageQuery.extend({
  /** Name, headline or skill; accents and case do not matter. */
  q: z.string().trim().min(1).max(100).optional(),
  /** Comma-separated skills the profile must all have (case-insensitive). */
  skill: z.string().trim().min(1).max(500).optional(),
})
export type ProfileQuery = z.infer<typeof ProfileQuery>

export const ProfilePage = z
  .object({
    items: z.array(ProfileSummary),
    nextCursor: z.string().nullable(),
    /** The top 50 skills of every match (not only this page), most common first: skill → count. */
    facets: z.object({ skills: z.record(z.string(), z.number().int()) }),
  })
  .meta({ id: 'ProfilePage' })
export type ProfilePage = z.infer<typeof ProfilePage>

export const SkillCount = z.object({ skill: z.string(), count: z.number().int() })
export type SkillCount = z.infer<typeof SkillCount>
export const ProfileSkills = z.object({ items: z.array(SkillCount) }).meta({ id: 'ProfileSkills' })
export type ProfileSkills = z.infer<typeof ProfileSkills>

export const ProfileParams = z.object({ userId: z.uuid() })
/** `v` busts caches when the picture changes; `link=1` answers the signed link as JSON instead of a redirect. */
export const AvatarQuery = z.object({ v: z.string().max(100).optional(), link: z.enum(['1']).optional() })
export const AvatarLink = z.object({ url: z.string(), expiresAt: z.string() }).meta({ id: 'AvatarLink' })
export type AvatarLink = z.infer<typeof AvatarLink>
