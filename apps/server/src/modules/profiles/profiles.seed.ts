import type { SaveProfile } from '@minga/contracts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { findOrgById } from '../../platform/tenancy/tenancy.repository.ts'
import { saveMyProfile } from './profiles.service.ts'

/** The demo admin's profile, by org kind (the demo seed creates one user per org). */
const demoProfiles: Record<string, SaveProfile> = {
  community: {
    headline: 'Moderación de la comunidad · desarrollo web',
    bio: 'Organizamos los encuentros mensuales de Dev Cali y acompañamos a quienes empiezan a programar.',
    skills: ['TypeScript', 'React', 'Node.js', 'PostgreSQL', 'Comunidad', 'Mentoría'],
    experienceLevel: 'advanced',
    location: 'Cali, Valle del Cauca',
    municipalityCode: '76001',
    timezone: 'America/Bogota',
    links: { github: 'https://github.com/minga-coop', website: 'https://minga.coop' },
  },
  incubator: {
    headline: 'Coordinación de la incubadora',
    bio: 'Acompañamos emprendimientos del Pacífico colombiano desde la idea hasta sus primeras ventas.',
    skills: ['Emprendimiento', 'Modelo de negocio', 'Finanzas', 'Mercadeo', 'Mentoría'],
    experienceLevel: 'expert',
    location: 'Buenaventura, Valle del Cauca',
    municipalityCode: '76109',
    timezone: 'America/Bogota',
  },
}

export async function seedProfilesDemo(ctx: ServiceContext) {
  const org = await findOrgById(ctx.db, ctx.orgId)
  const profile = org ? demoProfiles[org.kind] : undefined
  if (profile && ctx.actor.userId) await saveMyProfile(ctx, profile, undefined, 'es')
}
