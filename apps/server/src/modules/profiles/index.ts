import type { ModuleManifest } from '../../platform/module-manifest.ts'
import { registerProfileRoutes } from './profiles.routes.ts'
import { seedProfilesDemo } from './profiles.seed.ts'

export { PROFILE_UPDATED } from './profiles.service.ts'

/**
 * Profiles: what each member tells their org about themselves (headline, bio, skills, links, picture)
 * and the directory to find each other by skill. See docs/modules/profiles.md.
 */
export const profilesModule: ModuleManifest = {
  key: 'profiles',
  label: { es: 'Directorio', en: 'Directory' },
  description: {
    es: 'Perfiles de los miembros: biografía, habilidades, enlaces y foto; directorio con búsqueda por habilidad.',
    en: "Members' profiles: bio, skills, links and picture; a directory searchable by skill.",
  },
  defaultFor: ['community', 'incubator'],
  permissions: [
    {
      key: 'profiles:read',
      label: { es: 'Ver el directorio y los perfiles', en: 'Read the directory and profiles' },
      roles: ['owner', 'admin', 'member'],
    },
    {
      key: 'profiles:manage',
      label: { es: 'Editar u ocultar cualquier perfil', en: 'Edit or hide any profile' },
      roles: ['owner', 'admin'],
    },
  ],
  routes: registerProfileRoutes,
  seedDemo: seedProfilesDemo,
}
