import {
  AnswerDataRequest,
  ConsentEvent,
  CreateDataRequest,
  CreatePrivacyPolicy,
  CreatePrivacyPurpose,
  DataRequest,
  DataRequestPage,
  DataRequestQuery,
  EmptyBody,
  ExtendDataRequest,
  GrantConsent,
  PersonConsents,
  PrivacyIdParams,
  PrivacyPersonParams,
  PrivacyPolicy,
  PrivacyPolicyList,
  PrivacyPurpose,
  PrivacyPurposeList,
  Problem,
  RejectDataRequest,
  RevokeConsent,
} from '@minga/contracts'
import { z } from 'zod'
import type { AppInstance } from '../../platform/http/app-instance.ts'
import { orgRoute } from '../../platform/http/org-route.ts'
import { exportMyData, exportMyDataPdf, ownPersonId } from './my-data.ts'
import * as service from './privacy.service.ts'

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem }
const writeErrors = { ...errors, 409: Problem, 422: Problem }
const tags = ['privacy']
const READ = 'privacy:read'
const MANAGE = 'privacy:manage'

export function registerPrivacyRoutes(app: AppInstance) {
  orgRoute(app, {
    method: 'GET',
    url: '/privacy/policies',
    permission: READ,
    schema: {
      summary: 'Privacy policy versions, newest first',
      tags,
      response: { 200: PrivacyPolicyList, ...errors },
    },
    handler: (ctx) => service.listPolicies(ctx),
  })

  orgRoute(app, {
    method: 'POST',
    url: '/privacy/policies',
    permission: MANAGE,
    schema: {
      summary: 'Draft the next privacy policy version',
      tags,
      body: CreatePrivacyPolicy,
      response: { 201: PrivacyPolicy, ...writeErrors },
    },
    async handler(ctx, { body, reply }) {
      reply.status(201)
      return service.createPolicyDraft(ctx, body)
    },
  })

  orgRoute(app, {
    method: 'POST',
    url: '/privacy/policies/:id/publish',
    permission: MANAGE,
    schema: {
      summary: 'Publish a policy version; it becomes the current one',
      tags,
      params: PrivacyIdParams,
      body: EmptyBody,
      response: { 200: PrivacyPolicy, ...writeErrors },
    },
    handler: (ctx, { params }) => service.publishPolicy(ctx, params.id),
  })

  orgRoute(app, {
    method: 'GET',
    url: '/privacy/purposes',
    permission: READ,
    schema: {
      summary: 'Purpose catalog for consents',
      tags,
      response: { 200: PrivacyPurposeList, ...errors },
    },
    handler: (ctx) => service.listPurposes(ctx),
  })

  orgRoute(app, {
    method: 'POST',
    url: '/privacy/purposes',
    permission: MANAGE,
    schema: {
      summary: 'Add a purpose to the catalog',
      tags,
      body: CreatePrivacyPurpose,
      response: { 201: PrivacyPurpose, ...writeErrors },
    },
    async handler(ctx, { body, reply }) {
      reply.status(201)
      return service.createPurpose(ctx, body)
    },
  })

  orgRoute(app, {
    method: 'GET',
    url: '/privacy/people/:personId/consents',
    permission: READ,
    schema: {
      summary: "A person's consents: current state per purpose and the full history",
      tags,
      params: PrivacyPersonParams,
      response: { 200: PersonConsents, ...errors },
    },
    handler: (ctx, { params }) => service.personConsents(ctx, params.personId),
  })

  orgRoute(app, {
    method: 'POST',
    url: '/privacy/consents',
    permission: MANAGE,
    schema: {
      summary: 'Record a consent with its proof',
      tags,
      body: GrantConsent,
      response: { 201: ConsentEvent, ...writeErrors },
    },
    async handler(ctx, { body, reply }) {
      reply.status(201)
      return service.grantConsent(ctx, body)
    },
  })

  orgRoute(app, {
    method: 'POST',
    url: '/privacy/consents/revoke',
    permission: MANAGE,
    schema: {
      summary: 'Record the revocation of a consent (history is kept)',
      tags,
      body: RevokeConsent,
      response: { 201: ConsentEvent, ...writeErrors },
    },
    async handler(ctx, { body, reply }) {
      reply.status(201)
      return service.revokeConsent(ctx, body)
    },
  })

  orgRoute(app, {
    method: 'GET',
    url: '/privacy/requests',
    permission: READ,
    schema: {
      summary: 'Data-subject requests, newest first',
      tags,
      querystring: DataRequestQuery,
      response: { 200: DataRequestPage, ...errors },
    },
    handler: (ctx, { query }) => service.listRequests(ctx, query),
  })

  orgRoute(app, {
    method: 'GET',
    url: '/privacy/requests/:id',
    permission: READ,
    schema: {
      summary: 'One data-subject request',
      tags,
      params: PrivacyIdParams,
      response: { 200: DataRequest, ...errors },
    },
    handler: (ctx, { params }) => service.getRequest(ctx, params.id),
  })

  orgRoute(app, {
    method: 'POST',
    url: '/privacy/requests',
    permission: MANAGE,
    schema: {
      summary: 'Register a consulta, reclamo or supresión; computes its due date',
      tags,
      body: CreateDataRequest,
      response: { 201: DataRequest, ...writeErrors },
    },
    async handler(ctx, { body, reply }) {
      reply.status(201)
      return service.createRequest(ctx, body)
    },
  })

  orgRoute(app, {
    method: 'POST',
    url: '/privacy/requests/:id/start',
    permission: MANAGE,
    schema: {
      summary: 'Mark a request in progress',
      tags,
      params: PrivacyIdParams,
      body: EmptyBody,
      response: { 200: DataRequest, ...writeErrors },
    },
    handler: (ctx, { params }) => service.startRequest(ctx, params.id),
  })

  orgRoute(app, {
    method: 'POST',
    url: '/privacy/requests/:id/extend',
    permission: MANAGE,
    schema: {
      summary: 'Extend the term once (consulta +5, reclamo +8 business days)',
      tags,
      params: PrivacyIdParams,
      body: ExtendDataRequest,
      response: { 200: DataRequest, ...writeErrors },
    },
    handler: (ctx, { params, body }) => service.extendRequest(ctx, params.id, body.reason),
  })

  orgRoute(app, {
    method: 'POST',
    url: '/privacy/requests/:id/answer',
    permission: MANAGE,
    schema: {
      summary: 'Answer a request (a supresión with retention anonymizes the person)',
      tags,
      params: PrivacyIdParams,
      body: AnswerDataRequest,
      response: { 200: DataRequest, ...writeErrors },
    },
    handler: (ctx, { params, body }) => service.answerRequest(ctx, params.id, body),
  })

  orgRoute(app, {
    method: 'POST',
    url: '/privacy/requests/:id/reject',
    permission: MANAGE,
    schema: {
      summary: 'Reject a request with its reason',
      tags,
      params: PrivacyIdParams,
      body: RejectDataRequest,
      response: { 200: DataRequest, ...writeErrors },
    },
    handler: (ctx, { params, body }) => service.rejectRequest(ctx, params.id, body.reason),
  })

  // A member's own "Mis datos": only org:read, and only the record linked to the caller's account.
  orgRoute(app, {
    method: 'GET',
    url: '/privacy/me/export.json',
    permission: 'org:read',
    schema: {
      summary: '"Mis datos": everything held about me, as JSON',
      tags,
      response: { 200: z.record(z.string(), z.unknown()), ...errors },
    },
    async handler(ctx, { reply }) {
      const data = await exportMyData(ctx, await ownPersonId(ctx))
      reply.header('content-disposition', 'attachment; filename="mis-datos.json"')
      return data
    },
  })

  orgRoute(app, {
    method: 'GET',
    url: '/privacy/me/export.pdf',
    permission: 'org:read',
    schema: {
      summary: '"Mis datos" as a PDF',
      tags,
      response: { 200: z.any().meta({ description: 'application/pdf' }), ...errors },
    },
    async handler(ctx, { reply }) {
      const pdf = await exportMyDataPdf(ctx, await ownPersonId(ctx))
      reply.type('application/pdf').header('content-disposition', 'attachment; filename="mis-datos.pdf"')
      return pdf
    },
  })

  orgRoute(app, {
    method: 'GET',
    url: '/privacy/people/:personId/export.json',
    permission: MANAGE,
    schema: {
      summary: '"Mis datos": everything held about a person, as JSON',
      tags,
      params: PrivacyPersonParams,
      response: { 200: z.record(z.string(), z.unknown()), ...errors },
    },
    async handler(ctx, { params, reply }) {
      const data = await exportMyData(ctx, params.personId)
      reply.header('content-disposition', `attachment; filename="mis-datos-${params.personId}.json"`)
      return data
    },
  })

  orgRoute(app, {
    method: 'GET',
    url: '/privacy/people/:personId/export.pdf',
    permission: MANAGE,
    schema: {
      summary: '"Mis datos" as a PDF',
      tags,
      params: PrivacyPersonParams,
      response: { 200: z.any().meta({ description: 'application/pdf' }), ...errors },
    },
    async handler(ctx, { params, reply }) {
      const pdf = await exportMyDataPdf(ctx, params.personId)
      reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="mis-datos-${params.personId}.pdf"`)
      return pdf
    },
  })
}
