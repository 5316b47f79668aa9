import type { IncomingMessage, ServerResponse } from 'node:http'
import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { Role } from '../access/permissions.ts'
import type { SessionUser } from '../auth/auth.ts'
import type { Platform } from '../platform.ts'

export type AppInstance = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>

/**
 * Who may call a route: anyone, any signed-in user, or a member of the `:org` holding a permission.
 * Every route declares one; the server refuses to start otherwise.
 */
export type Access = 'public' | 'authenticated' | { permission: string }

export type OrgAccess = {
  org: { id: string; slug: string; name: string; timezone: string; status: 'active' | 'suspended' }
  role: Role
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access
    /** Set by orgRoute: the handler authorizes the member inside its transaction. */
    orgScoped?: boolean
  }
  interface FastifyRequest {
    user: SessionUser | null
    orgAccess: OrgAccess | null
  }
  interface FastifyInstance {
    platform: Platform
  }
}
