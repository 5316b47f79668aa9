import { z } from 'zod'
import { PageQuery, pageOf } from './pagination.ts'

/** apartamento, casa, local, parqueadero, depósito. */
export const UnitType = z.enum(['apartment', 'house', 'commercial', 'parking', 'storage'])
export type UnitType = z.infer<typeof UnitType>

export const HolderRole = z.enum(['owner', 'tenant', 'representative'])
export type HolderRole = z.infer<typeof HolderRole>

const isoDate = z.iso.date()

/** A coefficient as text, "1.234567" (percent, up to 6 decimals; "1,234567" accepted). Checked by the server (422). */
const coefficientText = z.string().trim().min(1).max(20)
/** Private area in m², up to 2 decimals: "54.30". */
const areaText = z
  .string()
  .trim()
  .regex(/^\d{1,7}(?:[.,]\d{1,2})?$/, 'An area in m² with at most 2 decimals')
const code = z
  .string()
  .trim()
  .min(1)
  .max(20)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._/-]*$/u, 'Letters, digits, spaces, . _ / -')
const building = z.string().trim().min(1).max(60)
const notes = z.string().trim().max(2000)

export const UnitVoter = z.object({ holderId: z.uuid(), userId: z.uuid().nullable(), name: z.string() })

export const Unit = z
  .object({
    id: z.uuid(),
    code: z.string(),
    type: UnitType,
    building: z.string().nullable(),
    privateArea: z.string().nullable().meta({ description: 'm², 2 decimals, e.g. "54.30"' }),
    coefficient: z.string().nullable().meta({ description: 'Percent with 6 decimals, e.g. "1.234567"' }),
    notes: z.string().nullable(),
    /** The voting representative in force today, if any. */
    voter: UnitVoter.nullable(),
    holdersInForce: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: 'Unit' })
export type Unit = z.infer<typeof Unit>

export const CreateUnit = z.strictObject({
  code,
  type: UnitType,
  building: building.nullable().optional(),
  privateArea: areaText.nullable().optional(),
  coefficient: coefficientText.nullable().optional(),
  notes: notes.nullable().optional(),
})
export type CreateUnit = z.input<typeof CreateUnit>

export const UpdateUnit = CreateUnit.partial()
export type UpdateUnit = z.input<typeof UpdateUnit>

export const UnitQuery = PageQuery.extend({
  building: z.string().trim().min(1).max(60).optional(),
  type: UnitType.optional(),
  q: z.string().trim().min(1).max(20).optional(),
})
export const UnitPage = pageOf(Unit)
export const UnitParams = z.object({ id: z.uuid() })

export const UnitHolder = z
  .object({
    id: z.uuid(),
    unitId: z.uuid(),
    name: z.string(),
    userId: z.uuid().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    role: HolderRole,
    validFrom: z.string(),
    validTo: z.string().nullable(),
    isVoter: z.boolean(),
    /** validFrom ≤ today ≤ validTo (America/Bogota). */
    inForce: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'UnitHolder' })
export type UnitHolder = z.infer<typeof UnitHolder>

const holderFields = {
  name: z.string().trim().min(2).max(120),
  userId: z.uuid().nullable().optional(),
  email: z.email().max(254).nullable().optional(),
  phone: z.string().trim().min(3).max(40).nullable().optional(),
  role: HolderRole,
  /** Defaults to today (America/Bogota). */
  validFrom: isoDate.optional(),
  validTo: isoDate.nullable().optional(),
  isVoter: z.boolean().optional(),
}
export const CreateUnitHolder = z.strictObject(holderFields)
export type CreateUnitHolder = z.input<typeof CreateUnitHolder>
export const UpdateUnitHolder = z.strictObject(holderFields).partial()
export type UpdateUnitHolder = z.input<typeof UpdateUnitHolder>
export const HolderParams = z.object({ id: z.uuid(), holderId: z.uuid() })
export const UnitHolderList = z.object({ items: z.array(UnitHolder) })

export const BuildingCoefficients = z.object({
  building: z.string().nullable(),
  unitCount: z.number().int(),
  sum: z.string(),
})
export const CoefficientCheckResult = z
  .object({
    ok: z.boolean(),
    /** Units with a coefficient (the electorate). */
    unitCount: z.number().int(),
    unitsWithoutCoefficient: z.number().int(),
    /** "99.999999" */
    sum: z.string(),
    /** sum − 100: "-0.000001" when short, positive when over. */
    difference: z.string(),
    byBuilding: z.array(BuildingCoefficients),
  })
  .meta({ id: 'CoefficientCheck' })
export type CoefficientCheckResult = z.infer<typeof CoefficientCheckResult>

export const ImportUnitsOptions = z.object({
  dryRun: z.stringbool().optional(),
  coefficientsFromAreas: z.stringbool().optional(),
})
export const ImportUnitsJson = z.strictObject({
  csv: z.string().min(1).max(1_000_000),
  dryRun: z.boolean().optional(),
  coefficientsFromAreas: z.boolean().optional(),
})
export const ImportRowError = z.object({
  /** 1-based data row (the header is row 0). */
  row: z.number().int(),
  column: z.string().nullable(),
  message: z.string(),
})
export type ImportRowError = z.infer<typeof ImportRowError>
export const ImportUnitsResult = z
  .object({
    dryRun: z.boolean(),
    committed: z.boolean(),
    rows: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    holdersAdded: z.number().int(),
    errors: z.array(ImportRowError),
    /** The org's coefficients as they are (dry run: as they would be) after the import. */
    check: CoefficientCheckResult.nullable(),
  })
  .meta({ id: 'ImportUnitsResult' })
export type ImportUnitsResult = z.infer<typeof ImportUnitsResult>
