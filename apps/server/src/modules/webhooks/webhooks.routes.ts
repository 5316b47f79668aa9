import {
  CreateWebhookEndpoint,
  EmptyBody,
  PageQuery,
  Problem,
  UpdateWebhookEndpoint,
  WebhookDelivery,
  WebhookDeliveryDetail,
  WebhookDeliveryPage,
  WebhookDeliveryParams,
  WebhookDeliveryQuery,
  WebhookEndpoint,
  WebhookEndpointPage,
  WebhookEndpointParams,
  WebhookEndpointWithSecret,
  WebhookEventTypeList,
} from '@minga/contracts'
import { z } from 'zod'
import type { AppInstance } from '../../platform/http/app-instance.ts'
import { orgRoute } from '../../platform/http/org-route.ts'
import { configureWebhooks, DELIVER_JOB } from './webhooks.delivery.ts'
import * as service from './webhooks.service.ts'

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem }
const tags = ['webhooks']
const permission = 'webhooks:manage'

export function registerWebhookRoutes(app: AppInstance) {
  const settings = app.platform.config.webhooks
  const policy = { allowPrivate: settings.allowPrivate }
  configureWebhooks(app.platform.database.db, settings)

  orgRoute(app, {
    method: 'GET',
    url: '/webhooks/endpoints',
    permission,
    schema: {
      summary: 'Webhook endpoints, newest first',
      tags,
      querystring: PageQuery,
      response: { 200: WebhookEndpointPage, ...errors },
    },
    handler: (ctx, { query }) => service.listEndpoints(ctx, query),
  })

  orgRoute(app, {
    method: 'POST',
    url: '/webhooks/endpoints',
    permission,
    schema: {
      summary: 'Register an endpoint (its signing secret is in this answer only)',
      tags,
      body: CreateWebhookEndpoint,
      response: { 201: WebhookEndpointWithSecret, 422: Problem, ...errors },
    },
    async handler(ctx, { body, reply }) {
      const endpoint = await service.createEndpoint(ctx, body, policy)
      reply.status(201)
      return endpoint
    },
  })

  orgRoute(app, {
    method: 'GET',
    url: '/webhooks/endpoints/:id',
    permission,
    schema: {
      summary: 'One endpoint',
      tags,
      params: WebhookEndpointParams,
      response: { 200: WebhookEndpoint, ...errors },
    },
    handler: (ctx, { params }) => service.getEndpoint(ctx, params.id),
  })

  orgRoute(app, {
    method: 'PATCH',
    url: '/webhooks/endpoints/:id',
    permission,
    schema: {
      summary: 'Edit an endpoint: URL, description, event filters, enabled',
      tags,
      params: WebhookEndpointParams,
      body: UpdateWebhookEndpoint,
      response: { 200: WebhookEndpoint, 422: Problem, ...errors },
    },
    handler: (ctx, { params, body }) => service.updateEndpoint(ctx, params.id, body, policy),
  })

  orgRoute(app, {
    method: 'DELETE',
    url: '/webhooks/endpoints/:id',
    permission,
    schema: {
      summary: 'Delete an endpoint and its delivery log',
      tags,
      params: WebhookEndpointParams,
      response: { 204: z.null(), ...errors },
    },
    async handler(ctx, { params, reply }) {
      await service.removeEndpoint(ctx, params.id)
      reply.status(204)
      return null
    },
  })

  orgRoute(app, {
    method: 'POST',
    url: '/webhooks/endpoints/:id/rotate-secret',
    permission,
    schema: {
      summary: 'Replace the signing secret (the new one is in this answer only)',
      tags,
      params: WebhookEndpointParams,
      body: EmptyBody,
      response: { 200: WebhookEndpointWithSecret, ...errors },
    },
    handler: (ctx, { params }) => service.rotateSecret(ctx, params.id),
  })

  orgRoute(app, {
    method: 'GET',
    url: '/webhooks/endpoints/:id/deliveries',
    permission,
    schema: {
      summary: "An endpoint's deliveries, newest first",
      tags,
      params: WebhookEndpointParams,
      querystring: WebhookDeliveryQuery,
      response: { 200: WebhookDeliveryPage, ...errors },
    },
    handler: (ctx, { params, query }) => service.listDeliveries(ctx, params.id, query),
  })

  orgRoute(app, {
    method: 'GET',
    url: '/webhooks/deliveries/:id',
    permission,
    schema: {
      summary: 'One delivery with its body and every attempt',
      tags,
      params: WebhookDeliveryParams,
      response: { 200: WebhookDeliveryDetail, ...errors },
    },
    handler: (ctx, { params }) => service.getDelivery(ctx, params.id),
  })

  orgRoute(app, {
    method: 'POST',
    url: '/webhooks/deliveries/:id/replay',
    permission,
    schema: {
      summary: 'Send a delivery again (same webhook-id and body) in the background',
      tags,
      params: WebhookDeliveryParams,
      body: EmptyBody,
      response: { 202: WebhookDelivery, 409: Problem, ...errors },
    },
    async handler(ctx, { params, reply, afterCommit }) {
      const delivery = await service.replayDelivery(ctx, params.id)
      // After commit, outside the transaction: a job attempts it at once (the sweeper would within a minute).
      afterCommit(async () => {
        await app.platform.jobs.send(DELIVER_JOB, { orgId: ctx.orgId, deliveryId: params.id })
      })
      reply.status(202)
      return delivery
    },
  })

  orgRoute(app, {
    method: 'GET',
    url: '/webhooks/event-types',
    permission,
    schema: {
      summary: 'Event types seen in this organization, for event filters',
      tags,
      response: { 200: WebhookEventTypeList, ...errors },
    },
    handler: (ctx) => service.listEventTypes(ctx),
  })
}
