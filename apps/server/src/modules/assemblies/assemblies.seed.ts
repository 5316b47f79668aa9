import { addDays } from '../../platform/calendar/index.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { conveneAssembly, createAssembly, orgOf } from './assemblies.service.ts'
import { createMotion } from './motions.service.ts'
import { dateInZone, zonedInstant } from './zoned-time.ts'

/**
 * Demo: the ordinary annual assembly of the housing demo org, convened 20 days ahead, three agenda items
 * with one draft motion each (secret art. 45 budget, art. 46 extraordinary fee, named per-unit
 * non-economic decision per C-522/2002).
 */
export async function seedAssembliesDemo(ctx: ServiceContext) {
  const org = await orgOf(ctx)
  if (org.kind !== 'housing') return
  const today = dateInZone(ctx.now, org.timezone)
  const assembly = await createAssembly(ctx, {
    title: 'Asamblea general ordinaria de copropietarios 2027',
    kind: 'ordinary',
    modality: 'mixed',
    legalFramework: 'horizontal-property',
    residential: true,
    firstCallAt: zonedInstant(addDays(today, 20), '19:00', org.timezone).toISOString(),
    noticeSentOn: today,
    noticeDayCount: 'calendar',
    proxyPolicy: { maxProxiesPerHolder: 2, barredRoles: ['administrator', 'council-member', 'staff'] },
    agenda: [
      {
        title: 'Aprobación del presupuesto 2027',
        description: 'Presupuesto de gastos y cuota de administración.',
      },
      {
        title: 'Impermeabilización de cubiertas',
        description: 'Cuota extraordinaria para las obras de las torres.',
      },
      { title: 'Manual de convivencia', description: 'Reglas de uso del salón comunal y mascotas.' },
    ],
  })
  const [budget, roofs, rules] = assembly.agenda
  await createMotion(ctx, assembly.id, {
    agendaItemId: budget!.id,
    title: '¿Aprueba el presupuesto 2027?',
    basis: 'coefficient',
    method: 'yes-no-abstain',
    options: [],
    majority: { preset: 'ley-675-art-45' },
    economicContent: true,
    extinction: false,
    secrecy: 'secret',
    resultsVisibility: 'hidden-until-closed',
  })
  await createMotion(ctx, assembly.id, {
    agendaItemId: roofs!.id,
    title: '¿Aprueba la cuota extraordinaria para impermeabilizar las cubiertas?',
    basis: 'coefficient',
    method: 'yes-no-abstain',
    options: [],
    majority: { preset: 'ley-675-art-46' },
    economicContent: true,
    extinction: false,
    secrecy: 'named',
    resultsVisibility: 'live',
  })
  await createMotion(ctx, assembly.id, {
    agendaItemId: rules!.id,
    title: '¿Aprueba el manual de convivencia propuesto?',
    basis: 'unit',
    method: 'yes-no-abstain',
    options: [],
    majority: { preset: 'ley-675-art-45' },
    economicContent: false,
    extinction: false,
    secrecy: 'named',
    resultsVisibility: 'live',
  })
  try {
    await conveneAssembly(ctx, assembly.id, {})
  } catch {
    // The demo units may not sum to 100 %: the assembly then stays a draft for the admin to fix.
  }
}
