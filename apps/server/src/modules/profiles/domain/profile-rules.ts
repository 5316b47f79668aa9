import { PROFILE_LIMITS, type SaveProfile } from '@minga/contracts'

export type Locale = 'es' | 'en'
export type FieldProblem = { path: string; message: string }

/** A profile's editable fields once checked and normalized. */
export type ProfileFields = {
  headline: string
  bio: string
  skills: string[]
  experienceLevel: string | null
  location: string
  municipalityCode: string | null
  timezone: string
  github: string | null
  linkedin: string | null
  website: string | null
  visibility: 'members' | 'admins'
}

const say = (locale: Locale, en: string, es: string) => (locale === 'es' ? es : en)
const thousands = (n: number, locale: Locale) => n.toLocaleString(locale === 'es' ? 'es-CO' : 'en-US')

let zones: Set<string> | undefined
/** IANA names the runtime knows (Intl.supportedValuesOf lists canonical zones; UTC is added). */
export function isTimeZone(value: string) {
  zones ??= new Set([...Intl.supportedValuesOf('timeZone'), 'UTC'])
  return zones.has(value)
}

/** Trims, drops empties' duplicates case-insensitively and keeps the first spelling typed. */
export function normalizeSkills(raw: readonly string[]) {
  const seen = new Set<string>()
  const out: string[] = []
  for (const skill of raw.map((s) => s.trim().replace(/\s+/g, ' '))) {
    const key = skillKey(skill)
    if (seen.has(key)) continue
    seen.add(key)
    out.push(skill)
  }
  return out
}

/** How skills are compared and grouped: case-insensitive ("React" = "react"). */
export const skillKey = (skill: string) => skill.trim().normalize('NFC').toLocaleLowerCase('es')

const GITHUB = /^https:\/\/github\.com\/[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}\/?$/
const LINKEDIN = /^https:\/\/(?:www\.)?linkedin\.com\/in\/[\p{L}\p{N}_%-]{3,100}\/?$/u
/** C0 control characters other than tab and newline, and DEL: never part of plain text. */
const CONTROL = {
  test: (text: string) =>
    [...text].some((c) => {
      const code = c.charCodeAt(0)
      return (code < 32 && c !== '\n' && c !== '\t' && c !== '\r') || code === 127
    }),
}

function isHttpsSite(value: string) {
  try {
    const url = new URL(value)
    return url.protocol === 'https:' && url.hostname.includes('.') && !url.username && !url.password
  } catch {
    return false
  }
}

const blankToNull = (value: string | null | undefined) => {
  const trimmed = value?.trim()
  return trimmed ? trimmed : null
}

/**
 * Checks a profile against the rules and returns it normalized, or every field's problem (the route
 * answers 422 with them). `current` fills fields a PATCH did not send; a PUT passes the defaults.
 */
export function checkProfile(
  input: SaveProfile,
  current: ProfileFields,
  locale: Locale,
  isMunicipality: (code: string) => boolean,
): { fields: ProfileFields; problems: FieldProblem[] } {
  const problems: FieldProblem[] = []
  const add = (path: string, en: string, es: string) => problems.push({ path, message: say(locale, en, es) })
  const L = PROFILE_LIMITS

  const headline = input.headline === undefined ? current.headline : input.headline.trim()
  if (headline.length > L.headline || CONTROL.test(headline) || headline.includes('\n')) {
    if (headline.length > L.headline)
      add(
        'body.headline',
        `At most ${L.headline} characters (this one has ${headline.length})`,
        `Máximo ${L.headline} caracteres (este tiene ${headline.length})`,
      )
    else
      add(
        'body.headline',
        'The headline is one line of plain text',
        'El titular es una línea de texto simple',
      )
  }

  const bio = input.bio === undefined ? current.bio : input.bio.replace(/\r\n?/g, '\n').trim()
  if (bio.length > L.bio)
    add(
      'body.bio',
      `At most ${thousands(L.bio, locale)} characters (this one has ${thousands(bio.length, locale)})`,
      `Máximo ${thousands(L.bio, locale)} caracteres (esta tiene ${thousands(bio.length, locale)})`,
    )
  else if (CONTROL.test(bio))
    add(
      'body.bio',
      'The bio is plain text without control characters',
      'La biografía es texto simple sin caracteres de control',
    )

  let skills = current.skills
  if (input.skills !== undefined) {
    skills = normalizeSkills(input.skills)
    const bad = skills.find((s) => s.length === 0 || s.length > L.skillLength || CONTROL.test(s))
    if (bad !== undefined)
      add(
        'body.skills',
        bad.length === 0
          ? `A skill cannot be empty`
          : `Each skill has 1 to ${L.skillLength} characters: "${bad.slice(0, 50)}" has ${bad.length}`,
        bad.length === 0
          ? 'Una habilidad no puede estar vacía'
          : `Cada habilidad tiene de 1 a ${L.skillLength} caracteres: "${bad.slice(0, 50)}" tiene ${bad.length}`,
      )
    else if (skills.length > L.skills)
      add(
        'body.skills',
        `At most ${L.skills} skills (you sent ${skills.length})`,
        `Máximo ${L.skills} habilidades (enviaste ${skills.length})`,
      )
  }

  const location = input.location === undefined ? current.location : input.location.trim()
  if (location.length > L.location)
    add(
      'body.location',
      `At most ${L.location} characters (this one has ${location.length})`,
      `Máximo ${L.location} caracteres (esta tiene ${location.length})`,
    )

  let municipalityCode = current.municipalityCode
  if (input.municipalityCode !== undefined) {
    municipalityCode = blankToNull(input.municipalityCode)
    if (municipalityCode !== null) {
      if (!/^\d{5}$/.test(municipalityCode) || !isMunicipality(municipalityCode))
        add(
          'body.municipalityCode',
          `${municipalityCode} is not a DANE municipality code (5 digits, e.g. 76001 for Cali)`,
          `${municipalityCode} no es un código de municipio del DANE (5 dígitos, p. ej. 76001 para Cali)`,
        )
    }
  }

  const timezone = input.timezone === undefined ? current.timezone : input.timezone.trim()
  if (!isTimeZone(timezone))
    add(
      'body.timezone',
      `"${timezone.slice(0, 60)}" is not a time zone: use an IANA name such as America/Bogota`,
      `"${timezone.slice(0, 60)}" no es una zona horaria: usa un nombre IANA como America/Bogota`,
    )

  const links = input.links
  const github = links?.github === undefined ? current.github : blankToNull(links.github)
  if (links?.github !== undefined && github && !GITHUB.test(github))
    add(
      'body.links.github',
      'Use your GitHub profile address: https://github.com/<user>',
      'Usa la dirección de tu perfil de GitHub: https://github.com/<usuario>',
    )
  const linkedin = links?.linkedin === undefined ? current.linkedin : blankToNull(links.linkedin)
  if (links?.linkedin !== undefined && linkedin && !LINKEDIN.test(linkedin))
    add(
      'body.links.linkedin',
      'Use your LinkedIn profile address: https://www.linkedin.com/in/<name>',
      'Usa la dirección de tu perfil de LinkedIn: https://www.linkedin.com/in/<nombre>',
    )
  const website = links?.website === undefined ? current.website : blankToNull(links.website)
  if (links?.website !== undefined && website && !isHttpsSite(website))
    add(
      'body.links.website',
      'Use a full https:// address, e.g. https://example.co',
      'Usa una dirección https:// completa, p. ej. https://ejemplo.co',
    )

  return {
    fields: {
      headline,
      bio,
      skills,
      experienceLevel: input.experienceLevel === undefined ? current.experienceLevel : input.experienceLevel,
      location,
      municipalityCode,
      timezone,
      github: github?.replace(/\/$/, '') ?? null,
      linkedin: linkedin?.replace(/\/$/, '') ?? null,
      website,
      visibility: input.visibility ?? current.visibility,
    },
    problems,
  }
}
