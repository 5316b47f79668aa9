import {
  ChangePersonStatus,
  CreatePerson,
  Person,
  PersonHistory,
  PersonPage,
  PersonParams,
  PersonQuery,
  Problem,
  SetPersonRelatives,
  UpdatePerson,
} from '@minga/contracts'
import type { AppInstance } from '../../platform/http/app-instance.ts'
import { expectedVersion, setETag } from '../../platform/http/etag.ts'
import { orgRoute } from '../../platform/http/org-route.ts'
import { registerPeopleImportRoutes } from './import/import.routes.ts'
import * as service from './people.service.ts'

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem }
const tags = ['people']

export function registerPeopleRoutes(app: AppInstance) {
  registerPeopleImportRoutes(app)

  orgRoute(app, {
    method: 'GET',
    url: '/people',
    permission: 'people:read',
    schema: {
      summary: 'Search people: name (accent/typo tolerant), exact document, membership number, phone, email',
      tags,
      querystring: PersonQuery,
      response: { 200: PersonPage, ...errors },
    },
    handler: (ctx, { query }) => service.listPeople(ctx, query),
  })

  // The same search with the query in the body: request logs record URLs, and a document number or
  // phone must never reach them. The web app searches through this route.
  orgRoute(app, {
    method: 'POST',
    url: '/people/search',
    permission: 'people:read',
    schema: {
      summary: 'Search people (query in the body, so document numbers stay out of URLs and logs)',
      tags,
      body: PersonQuery,
      response: { 200: PersonPage, ...errors },
    },
    handler: (ctx, { body }) => service.listPeople(ctx, body),
  })

  orgRoute(app, {
    method: 'GET',
    url: '/people/:id',
    permission: 'people:read',
    schema: {
      summary: 'One person (sensitive fields masked without people:read_sensitive)',
      tags,
      params: PersonParams,
      response: { 200: Person, ...errors },
    },
    async handler(ctx, { params, reply }) {
      const person = await service.getPerson(ctx, params.id)
      setETag(reply, person.version)
      return person
    },
  })

  orgRoute(app, {
    method: 'POST',
    url: '/people',
    permission: 'people:write',
    idempotent: true,
    schema: {
      summary: 'Register a person',
      tags,
      body: CreatePerson,
      response: { 201: Person, 409: Problem, 422: Problem, ...errors },
    },
    async handler(ctx, { body, reply }) {
      const person = await service.createPerson(ctx, body)
      setETag(reply, person.version)
      reply.status(201)
      return person
    },
  })

  orgRoute(app, {
    method: 'PATCH',
    url: '/people/:id',
    permission: 'people:write',
    schema: {
      summary: 'Edit a person (send If-Match with its ETag)',
      tags,
      params: PersonParams,
      body: UpdatePerson,
      response: { 200: Person, 409: Problem, 412: Problem, 422: Problem, 428: Problem, ...errors },
    },
    async handler(ctx, { params, body, request, reply }) {
      const person = await service.updatePerson(ctx, params.id, expectedVersion(request), body)
      setETag(reply, person.version)
      return person
    },
  })

  orgRoute(app, {
    method: 'POST',
    url: '/people/:id/status',
    permission: 'people:write',
    schema: {
      summary: 'Change the status (activo, inactivo, retirado, excluido, fallecido) with date and reason',
      tags,
      params: PersonParams,
      body: ChangePersonStatus,
      response: { 200: Person, 422: Problem, ...errors },
    },
    async handler(ctx, { params, body, reply }) {
      const person = await service.changePersonStatus(ctx, params.id, body)
      setETag(reply, person.version)
      return person
    },
  })

  orgRoute(app, {
    method: 'PUT',
    url: '/people/:id/relatives',
    permission: 'people:write',
    schema: {
      summary: 'Replace family and beneficiaries (beneficiary percentages sum to exactly 100)',
      tags,
      params: PersonParams,
      body: SetPersonRelatives,
      response: { 200: Person, 422: Problem, ...errors },
    },
    async handler(ctx, { params, body, reply }) {
      const person = await service.setPersonRelatives(ctx, params.id, body)
      setETag(reply, person.version)
      return person
    },
  })

  orgRoute(app, {
    method: 'GET',
    url: '/people/:id/history',
    permission: 'people:read',
    schema: {
      summary: 'Change history per field (audit log, sensitive values masked) and status timeline',
      tags,
      params: PersonParams,
      response: { 200: PersonHistory, ...errors },
    },
    handler: (ctx, { params }) => service.personHistory(ctx, params.id),
  })
}
