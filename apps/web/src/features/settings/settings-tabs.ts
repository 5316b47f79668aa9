export const settingsTabs = [
  'members',
  'invitations',
  'roles',
  'assignments',
  'api-keys',
  'subscription',
  'security',
] as const
export type SettingsTab = (typeof settingsTabs)[number]

export function isSettingsTab(value: unknown): value is SettingsTab {
  return typeof value === 'string' && (settingsTabs as readonly string[]).includes(value)
}
