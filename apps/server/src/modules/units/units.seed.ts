import type { ServiceContext } from '../../platform/service-context.ts'
import { coefficientsFromAreas, formatCoefficient } from '../assemblies/domain/index.ts'
import { addHolder } from './holders.service.ts'
import { areaHundredths } from './units.fields.ts'
import { createUnit } from './units.service.ts'

const FIRST_NAMES = ['María', 'Juan', 'Luz Marina', 'Carlos', 'Ana Lucía', 'Jorge', 'Diana', 'Andrés']
const LAST_NAMES = ['Gómez', 'Rodríguez', 'Martínez', 'López', 'Hernández', 'Restrepo', 'Zapata', 'Ospina']
/** Three apartment sizes per floor, in m². */
const APARTMENT_AREAS = ['62.50', '74.80', '88.10']

/**
 * "Conjunto Los Robles": towers 1 and 2 with 12 apartments each (4 floors × 3) and 4 parking spots,
 * coefficients derived from the areas so they sum to exactly 100 %, one owner-voter per unit. The demo
 * admin votes for T1-101, so the assembly screens can be tried from the phone.
 */
export async function seedUnitsDemo(ctx: ServiceContext) {
  const plan: { code: string; type: 'apartment' | 'parking'; building: string | null; area: string }[] = []
  for (const tower of [1, 2]) {
    for (let floor = 1; floor <= 4; floor++) {
      APARTMENT_AREAS.forEach((area, i) => {
        plan.push({
          code: `T${tower}-${floor}0${i + 1}`,
          type: 'apartment',
          building: `Torre ${tower}`,
          area,
        })
      })
    }
  }
  for (let n = 1; n <= 4; n++) plan.push({ code: `P-0${n}`, type: 'parking', building: null, area: '12.50' })

  const coefficients = coefficientsFromAreas(
    plan.map((p) => ({ unitId: p.code, area: areaHundredths(p.area) })),
  )
  for (const [i, p] of plan.entries()) {
    const unit = await createUnit(ctx, {
      code: p.code,
      type: p.type,
      building: p.building,
      privateArea: p.area,
      coefficient: formatCoefficient(coefficients[i]!.coefficient),
    })
    const name = `${FIRST_NAMES[i % FIRST_NAMES.length]} ${LAST_NAMES[(i * 3 + 1) % LAST_NAMES.length]}`
    await addHolder(ctx, unit.id, {
      name: i === 0 ? 'Administración Los Robles' : name,
      userId: i === 0 ? ctx.actor.userId : null,
      role: 'owner',
      validFrom: '2024-01-01',
      isVoter: true,
    })
  }
}
