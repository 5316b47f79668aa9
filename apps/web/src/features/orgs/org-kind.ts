import { OrgKind } from '@minga/contracts'

/** Org kinds in the order the create form offers them; labels live under `orgs.kinds.<kind>`. */
export const orgKinds = OrgKind.options
