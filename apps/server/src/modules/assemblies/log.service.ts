import type { AssemblyLogVerification } from '@minga/contracts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { assemblyOr404 } from './assemblies.service.ts'
import { readLog, verifyLog } from './assembly-log.ts'

export async function getLog(ctx: ServiceContext, id: string, query: { after: number; limit: number }) {
  await assemblyOr404(ctx, id)
  const rows = await readLog(ctx, id, query.after, query.limit + 1)
  const items = rows.slice(0, query.limit).map((r) => ({
    seq: r.seq,
    type: r.type,
    payload: r.payload,
    prevHash: r.prevHash,
    hash: r.hash,
    createdAt: r.createdAt.toISOString(),
  }))
  const nextAfter = rows.length > query.limit ? (items.at(-1)?.seq ?? null) : null
  return { items, nextAfter }
}

export async function verifyAssemblyLog(ctx: ServiceContext, id: string): Promise<AssemblyLogVerification> {
  const row = await assemblyOr404(ctx, id)
  return { assemblyId: id, ...(await verifyLog(ctx, id, row.logHead)) }
}
