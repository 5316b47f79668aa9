const maxSlugLength = 48

/** Suggest an org slug from its name: "Cooperativa Ñandú" → "cooperativa-nandu". */
export function suggestSlug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxSlugLength)
    .replace(/-+$/, '')
}
