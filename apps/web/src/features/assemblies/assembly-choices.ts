import type { Assembly, AssemblyProxy, Motion } from '@minga/contracts'

/*
 * The choices the forms offer, typed against the contracts but written here: importing the
 * contracts' runtime constants would pull Zod into the console and check-in chunks.
 */
export const ASSEMBLY_KINDS = ['ordinary', 'extraordinary'] as const satisfies readonly Assembly['kind'][]
export const ASSEMBLY_MODALITIES = [
  'presential',
  'virtual',
  'mixed',
  'written',
] as const satisfies readonly Assembly['modality'][]
export const LEGAL_FRAMEWORKS = [
  'horizontal-property',
  'cooperative',
] as const satisfies readonly Assembly['legalFramework'][]
export const PROXY_BARRED_ROLES = [
  'administrator',
  'council-member',
  'staff',
] as const satisfies readonly AssemblyProxy['holderRoles'][number][]
export const MOTION_DECISION_BASES = [
  'coefficient',
  'unit',
  'head',
  'delegate',
] as const satisfies readonly Motion['basis'][]
export const MOTION_VOTING_METHODS = [
  'yes-no',
  'yes-no-abstain',
  'single-choice',
  'multiple-choice',
  'ranked',
] as const satisfies readonly Motion['method'][]
export const MAJORITY_PRESETS = [
  'ley-675-art-45',
  'ley-675-art-46',
  'ley-79-absolute',
  'ley-79-two-thirds',
  'plurality',
  'custom',
] as const satisfies readonly Motion['majorityPreset'][]
export const MOTION_SECRECY = ['secret', 'named'] as const satisfies readonly Motion['secrecy'][]
export const RESULTS_VISIBILITY = [
  'live',
  'hidden-until-closed',
] as const satisfies readonly Motion['resultsVisibility'][]
