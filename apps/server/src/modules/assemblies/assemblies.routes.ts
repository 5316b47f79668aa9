import {
  AgendaItemParams,
  Assembly,
  AssemblyAttendanceEntry,
  AssemblyAttendanceList,
  AssemblyCheckIn,
  AssemblyCheckOut,
  AssemblyElectorate,
  AssemblyLogPage,
  AssemblyLogQuery,
  AssemblyLogVerification,
  AssemblyMySeats,
  AssemblyPage,
  AssemblyParams,
  AssemblyProxy,
  AssemblyProxyList,
  AssemblyProxyParams,
  AssemblyQrCheckIn,
  AssemblyQrTokenList,
  AssemblyQuery,
  AssemblyQuorumStatus,
  ConveneAssembly,
  CreateAgendaItem,
  CreateAssembly,
  CreateAssemblyProxy,
  EmptyBody,
  Problem,
  RevokeAssemblyProxy,
  StartAssembly,
  UpdateAssembly,
} from '@minga/contracts'
import { z } from 'zod'
import type { AppInstance } from '../../platform/http/app-instance.ts'
import { expectedVersion, setETag } from '../../platform/http/etag.ts'
import { orgRoute } from '../../platform/http/org-route.ts'
import { renderActa } from './acta.ts'
import * as assemblies from './assemblies.service.ts'
import * as attendance from './attendance.service.ts'
import { mySeats } from './ballots.service.ts'
import * as log from './log.service.ts'
import * as proxies from './proxies.service.ts'

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem }
const writeErrors = { ...errors, 409: Problem, 422: Problem }
const tags = ['assemblies']
const READ = 'assemblies:read'
const VOTE = 'assemblies:vote'
const MANAGE = 'assemblies:manage'

export function registerAssemblyRoutes(app: AppInstance) {
  const secret = () => app.platform.config.authSecret

  orgRoute(app, {
    method: 'GET',
    url: '/assemblies',
    permission: READ,
    schema: {
      summary: 'Assemblies, newest first',
      tags,
      querystring: AssemblyQuery,
      response: { 200: AssemblyPage, ...errors },
    },
    handler: (ctx, { query }) => assemblies.listAssemblies(ctx, query),
  })

  orgRoute(app, {
    method: 'POST',
    url: '/assemblies',
    permission: MANAGE,
    idempotent: true,
    schema: {
      summary: 'Create an assembly (draft)',
      tags,
      body: CreateAssembly,
      response: { 201: Assembly, ...writeErrors },
    },
    async handler(ctx, { body, reply }) {
      const assembly = await assemblies.createAssembly(ctx, body)
      setETag(reply, assembly.version)
      reply.status(201)
      return assembly
    },
  })

  orgRoute(app, {
    method: 'GET',
    url: '/assemblies/:id',
    permission: READ,
    schema: {
      summary: 'One assembly with its agenda',
      tags,
      params: AssemblyParams,
      response: { 200: Assembly, ...errors },
    },
    async handler(ctx, { params, reply }) {
      const assembly = await assemblies.getAssembly(ctx, params.id)
      setETag(reply, assembly.version)
      return assembly
    },
  })

  orgRoute(app, {
    method: 'PATCH',
    url: '/assemblies/:id',
    permission: MANAGE,
    schema: {
      summary: 'Edit a draft assembly (send If-Match with its ETag)',
      tags,
      params: AssemblyParams,
      body: UpdateAssembly,
      response: { 200: Assembly, 412: Problem, 428: Problem, ...writeErrors },
    },
    async handler(ctx, { params, body, request, reply }) {
      const assembly = await assemblies.updateAssembly(ctx, params.id, expectedVersion(request), body)
      setETag(reply, assembly.version)
      return assembly
    },
  })

  orgRoute(app, {
    method: 'POST',
    url: '/assemblies/:id/agenda-items',
    permission: MANAGE,
    schema: {
      summary: 'Add an agenda item (draft)',
      tags,
      params: AssemblyParams,
      body: CreateAgendaItem,
      response: { 201: Assembly, ...writeErrors },
    },
    async handler(ctx, { params, body, reply }) {
      const assembly = await assemblies.addAgendaItem(ctx, params.id, body)
      reply.status(201)
      return assembly
    },
  })

  orgRoute(app, {
    method: 'DELETE',
    url: '/assemblies/:id/agenda-items/:itemId',
    permission: MANAGE,
    schema: {
      summary: 'Remove an agenda item (draft)',
      tags,
      params: AgendaItemParams,
      response: { 200: Assembly, ...writeErrors },
    },
    handler: (ctx, { params }) => assemblies.removeAgendaItem(ctx, params.id, params.itemId),
  })

  orgRoute(app, {
    method: 'POST',
    url: '/assemblies/:id/convene',
    permission: MANAGE,
    schema: {
      summary: 'Convene: check notice and coefficients, freeze the electorate',
      tags,
      params: AssemblyParams,
      body: ConveneAssembly.nullish(),
      response: { 200: Assembly, ...writeErrors },
    },
    handler: (ctx, { params, body }) => assemblies.conveneAssembly(ctx, params.id, body ?? {}),
  })

  orgRoute(app, {
    method: 'POST',
    url: '/assemblies/:id/start',
    permission: MANAGE,
    schema: {
      summary: 'Open the session under the first or second call',
      tags,
      params: AssemblyParams,
      body: StartAssembly.nullish(),
      response: { 200: Assembly, ...writeErrors },
    },
    handler: (ctx, { params, body }) => assemblies.startAssembly(ctx, params.id, body ?? { call: 'first' }),
  })

  orgRoute(app, {
    method: 'POST',
    url: '/assemblies/:id/close',
    permission: MANAGE,
    schema: {
      summary: 'Close the assembly',
      tags,
      params: AssemblyParams,
      body: EmptyBody,
      response: { 200: Assembly, ...writeErrors },
    },
    handler: (ctx, { params }) => assemblies.closeAssembly(ctx, params.id),
  })

  orgRoute(app, {
    method: 'GET',
    url: '/assemblies/:id/electorate',
    permission: READ,
    schema: {
      summary: 'The electorate frozen at convocation',
      tags,
      params: AssemblyParams,
      response: { 200: AssemblyElectorate, ...errors },
    },
    handler: (ctx, { params }) => assemblies.getElectorate(ctx, params.id),
  })

  orgRoute(app, {
    method: 'GET',
    url: '/assemblies/:id/quorum',
    permission: READ,
    schema: {
      summary: 'Live quorum',
      tags,
      params: AssemblyParams,
      response: { 200: AssemblyQuorumStatus, ...errors },
    },
    handler: (ctx, { params }) => assemblies.getQuorum(ctx, params.id),
  })

  orgRoute(app, {
    method: 'GET',
    url: '/assemblies/:id/attendance',
    permission: MANAGE,
    schema: {
      summary: 'The attendance register',
      tags,
      params: AssemblyParams,
      response: { 200: AssemblyAttendanceList, ...errors },
    },
    handler: (ctx, { params }) => attendance.listAttendance(ctx, params.id),
  })

  orgRoute(app, {
    method: 'POST',
    url: '/assemblies/:id/attendance/check-in',
    permission: MANAGE,
    schema: {
      summary: 'Check a unit in (by its holder or a proxy)',
      tags,
      params: AssemblyParams,
      body: AssemblyCheckIn,
      response: { 201: AssemblyAttendanceEntry, ...writeErrors },
    },
    async handler(ctx, { params, body, reply }) {
      const entry = await attendance.checkIn(ctx, params.id, body)
      reply.status(201)
      return entry
    },
  })

  orgRoute(app, {
    method: 'POST',
    url: '/assemblies/:id/attendance/check-out',
    permission: MANAGE,
    schema: {
      summary: 'Check a unit out',
      tags,
      params: AssemblyParams,
      body: AssemblyCheckOut,
      response: { 201: AssemblyAttendanceEntry, ...writeErrors },
    },
    async handler(ctx, { params, body, reply }) {
      const entry = await attendance.checkOut(ctx, params.id, body)
      reply.status(201)
      return entry
    },
  })

  orgRoute(app, {
    method: 'GET',
    url: '/assemblies/:id/qr-tokens',
    permission: MANAGE,
    schema: {
      summary: 'Signed QR check-in tokens, one per unit',
      tags,
      params: AssemblyParams,
      response: { 200: AssemblyQrTokenList, ...writeErrors },
    },
    handler: (ctx, { params }) => attendance.listQrTokens(ctx, params.id, secret()),
  })

  orgRoute(app, {
    method: 'POST',
    url: '/assemblies/:id/attendance/qr',
    permission: VOTE,
    schema: {
      summary: 'QR check-in (a manager scanning, or the unit’s voter / proxy holder opening it)',
      tags,
      params: AssemblyParams,
      body: AssemblyQrCheckIn,
      response: { 201: AssemblyAttendanceEntry, ...writeErrors },
    },
    async handler(ctx, { params, body, reply }) {
      const entry = await attendance.qrCheckIn(ctx, params.id, body.token, secret())
      reply.status(201)
      return entry
    },
  })

  orgRoute(app, {
    method: 'GET',
    url: '/assemblies/:id/proxies',
    permission: MANAGE,
    schema: {
      summary: 'Poderes of the assembly',
      tags,
      params: AssemblyParams,
      response: { 200: AssemblyProxyList, ...errors },
    },
    handler: (ctx, { params }) => proxies.listProxies(ctx, params.id),
  })

  orgRoute(app, {
    method: 'POST',
    url: '/assemblies/:id/proxies',
    permission: MANAGE,
    schema: {
      summary: 'Register a poder',
      tags,
      params: AssemblyParams,
      body: CreateAssemblyProxy,
      response: { 201: AssemblyProxy, ...writeErrors },
    },
    async handler(ctx, { params, body, reply }) {
      const proxy = await proxies.grantProxy(ctx, params.id, body)
      reply.status(201)
      return proxy
    },
  })

  orgRoute(app, {
    method: 'POST',
    url: '/proxies/:id/revoke',
    permission: MANAGE,
    schema: {
      summary: 'Revoke a poder',
      tags,
      params: AssemblyProxyParams,
      body: RevokeAssemblyProxy.nullish(),
      response: { 200: AssemblyProxy, ...writeErrors },
    },
    handler: (ctx, { params, body }) => proxies.revokeProxy(ctx, params.id, body ?? {}),
  })

  orgRoute(app, {
    method: 'GET',
    url: '/assemblies/:id/my-seats',
    permission: VOTE,
    schema: {
      summary: 'The units I may vote for, per motion',
      tags,
      params: AssemblyParams,
      response: { 200: AssemblyMySeats, ...errors },
    },
    handler: (ctx, { params }) => mySeats(ctx, params.id, secret()),
  })

  orgRoute(app, {
    method: 'GET',
    url: '/assemblies/:id/log',
    permission: READ,
    schema: {
      summary: 'The tamper-evident assembly log',
      tags,
      params: AssemblyParams,
      querystring: AssemblyLogQuery,
      response: { 200: AssemblyLogPage, ...errors },
    },
    handler: (ctx, { params, query }) => log.getLog(ctx, params.id, query),
  })

  orgRoute(app, {
    method: 'GET',
    url: '/assemblies/:id/log/verify',
    permission: READ,
    schema: {
      summary: 'Recompute the log chain',
      tags,
      params: AssemblyParams,
      response: { 200: AssemblyLogVerification, ...errors },
    },
    handler: (ctx, { params }) => log.verifyAssemblyLog(ctx, params.id),
  })

  orgRoute(app, {
    method: 'GET',
    url: '/assemblies/:id/acta.pdf',
    permission: READ,
    schema: {
      summary: 'The acta (minutes) as PDF',
      tags,
      params: AssemblyParams,
      response: { 200: z.any().meta({ description: 'application/pdf' }), ...errors },
    },
    async handler(ctx, { params, reply }) {
      const pdf = await renderActa(ctx, params.id)
      reply.type('application/pdf').header('content-disposition', `inline; filename="acta-${params.id}.pdf"`)
      return pdf
    },
  })
}
