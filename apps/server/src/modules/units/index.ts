import type { ModuleManifest } from '../../platform/module-manifest.ts'
import { registerUnitRoutes } from './units.routes.ts'
import { seedUnitsDemo } from './units.seed.ts'

export { addHolder } from './holders.service.ts'
export {
  createUnit,
  type ElectorateSeat,
  listElectorate,
  unitsRepresentedBy,
} from './units.service.ts'

/**
 * Units (unidades privadas) of a horizontal-property building with their coeficientes and holders:
 * the electorate the assemblies module convenes, weighs and counts.
 */
export const unitsModule: ModuleManifest = {
  key: 'units',
  label: { es: 'Unidades', en: 'Units' },
  description: {
    es: 'Apartamentos, locales y parqueaderos con su coeficiente de copropiedad, propietarios y votante.',
    en: 'Apartments, shops and parking spots with their ownership coefficient, holders and voter.',
  },
  defaultFor: ['housing'],
  permissions: [
    {
      key: 'units:read',
      label: { es: 'Ver unidades', en: 'Read units' },
      roles: ['owner', 'admin', 'member'],
    },
    {
      key: 'units:manage',
      label: { es: 'Administrar unidades y titulares', en: 'Manage units and holders' },
      roles: ['owner', 'admin'],
    },
  ],
  routes: registerUnitRoutes,
  seedDemo: seedUnitsDemo,
}
