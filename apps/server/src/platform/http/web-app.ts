import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import { sendProblem } from './error-handler.ts'

export const webDistDir = resolve(import.meta.dirname, '../../../../web/dist')

/**
 * Serves the built web app at `/`; unknown non-API paths get index.html so the client router
 * handles them. Unknown API paths get a problem+json 404.
 */
export async function installWebApp(app: FastifyInstance) {
  const hasWeb = existsSync(resolve(webDistDir, 'index.html'))
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webDistDir, wildcard: false, index: ['index.html'] })
  }
  app.setNotFoundHandler({ preHandler: app.rateLimit?.() }, (request, reply) => {
    const isApi = /^\/(api|socket\.io|health|ready|metrics)(\/|$)/.test(request.url)
    if (hasWeb && !isApi && request.method === 'GET') return reply.sendFile('index.html')
    return sendProblem(request, reply, 'not_found', `No route ${request.method} ${request.url.split('?')[0]}`)
  })
}
