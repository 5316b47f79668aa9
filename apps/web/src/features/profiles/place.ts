import type { Profile } from '@minga/contracts'

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('es')

/** The free-text location, plus the DANE municipality unless the text already names it. */
export function placeOf(profile: Pick<Profile, 'location' | 'municipality'>) {
  const m = profile.municipality
  if (!m) return profile.location
  const official = `${m.name}, ${m.departmentName}`
  if (!profile.location) return official
  return fold(profile.location).includes(fold(m.name))
    ? profile.location
    : `${profile.location} · ${official}`
}
