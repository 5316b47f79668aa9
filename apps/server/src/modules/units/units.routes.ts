import {
  CoefficientCheckResult,
  CreateUnit,
  CreateUnitHolder,
  HolderParams,
  Problem,
  Unit,
  UnitHolder,
  UnitHolderList,
  UnitPage,
  UnitParams,
  UnitQuery,
  UpdateUnit,
  UpdateUnitHolder,
} from '@minga/contracts'
import { z } from 'zod'
import type { AppInstance } from '../../platform/http/app-instance.ts'
import { expectedVersion, setETag } from '../../platform/http/etag.ts'
import { orgRoute } from '../../platform/http/org-route.ts'
import * as holders from './holders.service.ts'
import { registerUnitImportRoute } from './units.import.routes.ts'
import * as service from './units.service.ts'

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem }
const tags = ['units']

export function registerUnitRoutes(app: AppInstance) {
  orgRoute(app, {
    method: 'GET',
    url: '/units',
    permission: 'units:read',
    schema: {
      summary: 'Units ordered by code (filters: building, type; q searches the code)',
      tags,
      querystring: UnitQuery,
      response: { 200: UnitPage, ...errors },
    },
    handler: (ctx, { query }) => service.listUnits(ctx, query),
  })

  // Registered before /units/:id so the static path wins.
  orgRoute(app, {
    method: 'GET',
    url: '/units/coefficients/check',
    permission: 'units:read',
    schema: {
      summary: 'Sum of the coefficients against 100 % (overall and per building)',
      tags,
      response: { 200: CoefficientCheckResult, ...errors },
    },
    handler: (ctx) => service.coefficientCheck(ctx),
  })

  orgRoute(app, {
    method: 'GET',
    url: '/units/:id',
    permission: 'units:read',
    schema: { summary: 'One unit', tags, params: UnitParams, response: { 200: Unit, ...errors } },
    async handler(ctx, { params, reply }) {
      const unit = await service.getUnit(ctx, params.id)
      setETag(reply, unit.version)
      return unit
    },
  })

  orgRoute(app, {
    method: 'POST',
    url: '/units',
    permission: 'units:manage',
    idempotent: true,
    schema: {
      summary: 'Create a unit',
      tags,
      body: CreateUnit,
      response: { 201: Unit, 422: Problem, ...errors },
    },
    async handler(ctx, { body, reply }) {
      const unit = await service.createUnit(ctx, body)
      setETag(reply, unit.version)
      reply.status(201)
      return unit
    },
  })

  orgRoute(app, {
    method: 'PATCH',
    url: '/units/:id',
    permission: 'units:manage',
    schema: {
      summary: 'Edit a unit (send If-Match with its ETag)',
      tags,
      params: UnitParams,
      body: UpdateUnit,
      response: { 200: Unit, 412: Problem, 422: Problem, 428: Problem, ...errors },
    },
    async handler(ctx, { params, body, request, reply }) {
      const unit = await service.updateUnit(ctx, params.id, expectedVersion(request), body)
      setETag(reply, unit.version)
      return unit
    },
  })

  orgRoute(app, {
    method: 'DELETE',
    url: '/units/:id',
    permission: 'units:manage',
    schema: {
      summary: 'Delete a unit without holders',
      tags,
      params: UnitParams,
      response: { 204: z.null(), 409: Problem, ...errors },
    },
    async handler(ctx, { params, reply }) {
      await service.removeUnit(ctx, params.id)
      reply.status(204)
      return null
    },
  })

  orgRoute(app, {
    method: 'GET',
    url: '/units/:id/holders',
    permission: 'units:read',
    schema: {
      summary: "A unit's holders, past and present",
      tags,
      params: UnitParams,
      response: { 200: UnitHolderList, ...errors },
    },
    handler: (ctx, { params }) => holders.listUnitHolders(ctx, params.id),
  })

  orgRoute(app, {
    method: 'POST',
    url: '/units/:id/holders',
    permission: 'units:manage',
    idempotent: true,
    schema: {
      summary: 'Add a holder (owner, tenant, representative) to a unit',
      tags,
      params: UnitParams,
      body: CreateUnitHolder,
      response: { 201: UnitHolder, 409: Problem, 422: Problem, ...errors },
    },
    async handler(ctx, { params, body, reply }) {
      const holder = await holders.addHolder(ctx, params.id, body)
      reply.status(201)
      return holder
    },
  })

  orgRoute(app, {
    method: 'PATCH',
    url: '/units/:id/holders/:holderId',
    permission: 'units:manage',
    schema: {
      summary: 'Edit a holder: end it (validTo), mark or unmark the voter',
      tags,
      params: HolderParams,
      body: UpdateUnitHolder,
      response: { 200: UnitHolder, 409: Problem, 422: Problem, ...errors },
    },
    handler: (ctx, { params, body }) => holders.updateHolder(ctx, params.id, params.holderId, body),
  })

  orgRoute(app, {
    method: 'DELETE',
    url: '/units/:id/holders/:holderId',
    permission: 'units:manage',
    schema: {
      summary: 'Delete a holder entered by mistake',
      tags,
      params: HolderParams,
      response: { 204: z.null(), ...errors },
    },
    async handler(ctx, { params, reply }) {
      await holders.removeHolder(ctx, params.id, params.holderId)
      reply.status(204)
      return null
    },
  })

  registerUnitImportRoute(app)
}
