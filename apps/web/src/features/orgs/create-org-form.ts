import { CreateOrg, type OrgKind } from '@minga/contracts'
import type { TFunction } from 'i18next'

export interface CreateOrgValues {
  name: string
  slug: string
  kind: OrgKind | ''
}

export type CreateOrgField = keyof CreateOrgValues

/** Validate with the shared contract, with messages in the UI language (first issue per field). */
export function validateCreateOrg(
  t: TFunction,
  values: CreateOrgValues,
): Partial<Record<CreateOrgField, string>> {
  const parsed = CreateOrg.safeParse(values)
  if (parsed.success) return {}
  const errors: Partial<Record<CreateOrgField, string>> = {}
  for (const issue of parsed.error.issues) {
    const field = issue.path[0]
    if (field !== 'name' && field !== 'slug' && field !== 'kind') continue
    if (errors[field]) continue
    if (field === 'name') errors.name = t('orgs.form.errors.nameLength')
    else if (field === 'kind') errors.kind = t('orgs.form.errors.kindRequired')
    else if (issue.code === 'too_small' || issue.code === 'too_big')
      errors.slug = t('orgs.form.errors.slugLength')
    else errors.slug = t('orgs.form.errors.slugFormat')
  }
  return errors
}
