import type { ApiKey, Role } from '@minga/contracts'
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { fakeApi, json, problem } from '../../test/fake-api.ts'
import { ana, makeOrg, moduleCatalog, signedIn } from '../../test/fixtures.ts'
import { renderApp } from '../../test/render-app.tsx'

const base = '/api/v1/orgs/coop-la-minga'
const adminId = '0190f7a0-0000-7000-8000-00000000a001'
const cashierId = '0190f7a0-0000-7000-8000-00000000a002'

const catalog = {
  groups: [
    {
      module: 'platform',
      label: { es: 'Plataforma', en: 'Platform' },
      permissions: [
        { key: 'org:read', label: { es: 'Ver la organización', en: 'View the organization' } },
        { key: 'members:read', label: { es: 'Ver miembros', en: 'View members' } },
      ],
    },
    {
      module: 'announcements',
      label: { es: 'Anuncios', en: 'Announcements' },
      permissions: [
        { key: 'announcements:read', label: { es: 'Ver anuncios', en: 'Read announcements' } },
        { key: 'announcements:publish', label: { es: 'Publicar anuncios', en: 'Publish announcements' } },
      ],
    },
  ],
}

function makeRole(overrides: Partial<Role>): Role {
  return {
    id: adminId,
    key: 'admin',
    name: 'Administrador',
    description: '',
    builtIn: true,
    inherits: [],
    permissions: ['org:read', 'members:read', 'announcements:read', 'announcements:publish'],
    effectivePermissions: ['org:read', 'members:read', 'announcements:read', 'announcements:publish'],
    version: 1,
    ...overrides,
  }
}

const roles = [
  makeRole({}),
  makeRole({
    id: cashierId,
    key: 'cajero_sede',
    name: 'Cajero de sede',
    builtIn: false,
    inherits: [],
    permissions: ['announcements:read'],
    effectivePermissions: ['announcements:read', 'org:read'],
    version: 3,
  }),
]

function settingsApi(
  routes: Parameters<typeof fakeApi>[0] = {},
  role: 'owner' | 'admin' | 'member' = 'owner',
) {
  const org = makeOrg({ role })
  return fakeApi({
    'GET /api/v1/me': signedIn,
    'GET /api/v1/modules': moduleCatalog,
    'GET /api/v1/orgs': () => json({ items: [org], nextCursor: null }),
    [`GET ${base}`]: () => json(org),
    'GET /api/v1/permissions': () => json(catalog),
    [`GET ${base}/roles`]: () => json({ items: roles }),
    [`GET ${base}/members`]: () =>
      json({
        items: [
          {
            userId: ana.id,
            email: ana.email,
            name: ana.name,
            role: 'owner',
            joinedAt: '2026-01-10T15:00:00.000Z',
          },
          {
            userId: 'user-luis',
            email: 'luis@example.co',
            name: 'Luis Gómez',
            role: 'member',
            joinedAt: '2026-02-01T15:00:00.000Z',
          },
        ],
        nextCursor: null,
      }),
    [`GET ${base}/branches`]: () => json({ items: [], nextCursor: null }),
    [`GET ${base}/invitations`]: () => json({ items: [], nextCursor: null }),
    [`GET ${base}/role-assignments`]: () => json({ items: [] }),
    [`GET ${base}/api-keys`]: () => json({ items: [], nextCursor: null }),
    [`GET ${base}/security-policy`]: () => json({ twoFactorRequiredFor: ['owner'] }),
    [`GET ${base}/security-events`]: () => json({ items: [], nextCursor: null }),
    ...routes,
  })
}

describe('org settings', () => {
  it('edits the permission matrix of a custom role, sending If-Match; built-in roles stay read-only', async () => {
    const api = settingsApi({
      [`PATCH ${base}/roles/${cashierId}`]: (request) =>
        json({ ...roles[1], ...(request.body as object), version: 4 }),
    })
    const { user } = renderApp('/o/coop-la-minga/settings?tab=roles')
    const matrix = await screen.findByRole('table', { name: 'Matriz de permisos por rol' })
    const headers = within(matrix)
      .getAllByRole('columnheader')
      .map((cell) => cell.textContent)
    expect(headers[0]).toBe('Permiso')
    expect(headers[1]).toContain('Administrador')
    expect(headers[1]).toContain('Predefinido')
    expect(within(matrix).getByRole('rowheader', { name: /Publicar anuncios/ })).toBeInTheDocument()
    expect(within(matrix).getByRole('columnheader', { name: 'Anuncios' })).toBeInTheDocument()

    const builtIn = within(matrix).getByRole('checkbox', { name: 'Publicar anuncios — Administrador' })
    expect(builtIn).toBeChecked()
    expect(builtIn).toBeDisabled()
    // inherited permissions are shown but cannot be unticked
    const inherited = within(matrix).getByRole('checkbox', { name: 'Ver la organización — Cajero de sede' })
    expect(inherited).toBeChecked()
    expect(inherited).toBeDisabled()

    const publish = within(matrix).getByRole('checkbox', { name: 'Publicar anuncios — Cajero de sede' })
    expect(publish).not.toBeChecked()
    expect(publish).toBeEnabled()
    await user.click(publish)
    await user.click(within(matrix).getByRole('checkbox', { name: 'Ver miembros — Cajero de sede' }))
    await user.click(within(matrix).getByRole('checkbox', { name: 'Ver miembros — Cajero de sede' }))
    expect(screen.getByText('Roles con cambios sin guardar: 1')).toBeInTheDocument()
    expect(api.callsTo('PATCH', `${base}/roles/${cashierId}`)).toHaveLength(0)

    await user.click(screen.getByRole('button', { name: 'Guardar cambios' }))
    await waitFor(() => expect(api.callsTo('PATCH', `${base}/roles/${cashierId}`)).toHaveLength(1))
    const [patch] = api.callsTo('PATCH', `${base}/roles/${cashierId}`)
    expect(patch?.body).toEqual({ permissions: ['announcements:publish', 'announcements:read'] })
    expect(patch?.headers.get('if-match')).toBe('"3"')
    expect(api.callsTo('PATCH', `${base}/roles/${adminId}`)).toHaveLength(0)
    expect(await screen.findByText('Guardamos los permisos.')).toBeInTheDocument()
  })

  it('creates a custom role that inherits from another', async () => {
    const api = settingsApi({
      [`POST ${base}/roles`]: (request) => json({ ...roles[1], ...(request.body as object), id: 'new' }, 201),
    })
    const { user } = renderApp('/o/coop-la-minga/settings?tab=roles')
    await user.click(await screen.findByRole('button', { name: 'Nuevo rol' }))
    const dialog = await screen.findByRole('dialog', { name: 'Nuevo rol' })
    await user.type(within(dialog).getByLabelText(/Identificador/), 'tesorero_norte')
    await user.type(within(dialog).getByLabelText(/^Nombre/), 'Tesorero Norte')
    await user.click(within(dialog).getByRole('combobox', { name: /Hereda permisos de/ }))
    await user.click(await screen.findByRole('option', { name: 'Cajero de sede' }))
    await user.click(within(dialog).getByRole('button', { name: 'Nuevo rol' }))
    await waitFor(() => expect(api.callsTo('POST', `${base}/roles`)).toHaveLength(1))
    expect(api.callsTo('POST', `${base}/roles`)[0]?.body).toEqual({
      key: 'tesorero_norte',
      name: 'Tesorero Norte',
      description: '',
      permissions: [],
      inherits: [cashierId],
    })
  })

  it('shows a new API key once, with a copy button, and never again', async () => {
    let keys: ApiKey[] = []
    const api = settingsApi({
      [`GET ${base}/api-keys`]: () => json({ items: keys, nextCursor: null }),
      [`POST ${base}/api-keys`]: (request) => {
        const body = request.body as { name: string; permissions: string[] }
        const key: ApiKey = {
          id: 'k1',
          name: body.name,
          hint: 'mk_live_…f00d',
          permissions: body.permissions,
          createdBy: ana.id,
          expiresAt: '2026-06-01T00:00:00.000Z',
          lastUsedAt: null,
          revokedAt: null,
          createdAt: '2026-03-03T00:00:00.000Z',
        }
        keys = [key]
        return json({ ...key, key: 'mk_live_SECRET_0123456789abcdef' }, 201)
      },
    })
    const { user } = renderApp('/o/coop-la-minga/settings?tab=api-keys')
    expect(await screen.findByText('Aún no hay llaves de API.')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Nueva llave de API' }))
    const dialog = await screen.findByRole('dialog', { name: 'Nueva llave de API' })
    await user.type(within(dialog).getByLabelText(/^Nombre/), 'Integración contable')
    await user.click(within(dialog).getByRole('checkbox', { name: 'Ver anuncios' }))
    await user.click(within(dialog).getByRole('button', { name: 'Crear llave' }))

    const shown = await screen.findByRole('dialog', { name: 'Tu nueva llave de API' })
    expect(within(shown).getByLabelText('Llave de API')).toHaveTextContent('mk_live_SECRET_0123456789abcdef')
    expect(within(shown).getByText(/Es la única vez que la verás/)).toBeInTheDocument()
    expect(within(shown).getByRole('button', { name: 'Copiar la llave' })).toBeInTheDocument()
    expect(api.callsTo('POST', `${base}/api-keys`)[0]?.body).toEqual({
      name: 'Integración contable',
      permissions: ['announcements:read'],
      expiresInDays: 90,
    })

    await user.click(within(shown).getByRole('button', { name: 'Ya la guardé' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    const table = await screen.findByRole('table', { name: 'Llaves de API' })
    expect(within(table).getByText('Integración contable')).toBeInTheDocument()
    expect(within(table).getByText('mk_live_…f00d')).toBeInTheDocument()
    expect(within(table).getByText('Nunca')).toBeInTheDocument()
    expect(screen.queryByText('mk_live_SECRET_0123456789abcdef')).not.toBeInTheDocument()
  })

  it('invites by email, shows the accept link, and revokes after confirming', async () => {
    const invitation = {
      id: '0190f7a0-0000-7000-8000-0000000000i1',
      email: 'marta@example.co',
      role: 'member',
      roleId: null,
      branchId: null,
      status: 'pending',
      expiresAt: '2026-03-13T00:00:00.000Z',
      invitedBy: ana.id,
      sentCount: 1,
      createdAt: '2026-03-06T00:00:00.000Z',
    }
    let list: (typeof invitation)[] = []
    const api = settingsApi({
      [`GET ${base}/invitations`]: () => json({ items: list, nextCursor: null }),
      [`POST ${base}/invitations`]: () => {
        list = [invitation]
        return json(
          {
            ...invitation,
            token: 'tok',
            acceptUrl: 'http://localhost:3700/invitations/tok_0123456789abcdefghij',
          },
          201,
        )
      },
      [`DELETE ${base}/invitations/${invitation.id}`]: () => {
        list = [{ ...invitation, status: 'revoked' }]
        return json(list[0])
      },
    })
    const { user } = renderApp('/o/coop-la-minga/settings?tab=invitations')
    const form = await screen.findByRole('form', { name: 'Invitar por correo' })
    await user.type(within(form).getByLabelText(/Correo electrónico/), 'marta@example.co')
    await user.click(within(form).getByRole('button', { name: 'Enviar invitación' }))
    expect(await screen.findByLabelText('Enlace de la invitación')).toHaveTextContent(
      'http://localhost:3700/invitations/tok_0123456789abcdefghij',
    )
    expect(api.callsTo('POST', `${base}/invitations`)[0]?.body).toEqual({
      email: 'marta@example.co',
      role: 'member',
      expiresInDays: 7,
    })
    const table = await screen.findByRole('table', { name: 'Invitaciones' })
    expect(within(table).getByText('Pendiente')).toBeInTheDocument()

    await user.click(within(table).getByRole('button', { name: 'Revocar la invitación a marta@example.co' }))
    const dialog = await screen.findByRole('dialog', { name: 'Revocar invitación' })
    await user.click(within(dialog).getByRole('button', { name: 'Revocar' }))
    await waitFor(() => expect(api.callsTo('DELETE', `${base}/invitations/${invitation.id}`)).toHaveLength(1))
    expect(await within(table).findByText('Revocada')).toBeInTheDocument()
  })

  it("changes a member's role", async () => {
    const api = settingsApi({
      [`PATCH ${base}/members/user-luis`]: () =>
        json({
          userId: 'user-luis',
          email: 'luis@example.co',
          name: 'Luis Gómez',
          role: 'admin',
          joinedAt: '',
        }),
    })
    const { user } = renderApp('/o/coop-la-minga/settings')
    const table = await screen.findByRole('table', { name: 'Miembros' })
    expect(within(table).getByRole('combobox', { name: 'Rol de Ana Restrepo' })).toBeDisabled()
    await user.click(within(table).getByRole('combobox', { name: 'Rol de Luis Gómez' }))
    await user.click(await screen.findByRole('option', { name: 'Administrador' }))
    await waitFor(() => expect(api.callsTo('PATCH', `${base}/members/user-luis`)).toHaveLength(1))
    expect(api.callsTo('PATCH', `${base}/members/user-luis`)[0]?.body).toEqual({ role: 'admin' })
  })

  it('is not offered to members', async () => {
    const api = settingsApi({}, 'member')
    renderApp('/o/coop-la-minga/settings')
    expect(
      await screen.findByText('Solo los propietarios y administradores pueden ver la configuración.'),
    ).toBeInTheDocument()
    expect(screen.queryByRole('tab')).not.toBeInTheDocument()
    expect(api.callsTo('GET', `${base}/members`)).toHaveLength(0)
  })

  describe('Seguridad', () => {
    const event = (id: string, type: string, occurredAt: string, email: string, ip: string) => ({
      id,
      occurredAt,
      type,
      userId: 'user-luis',
      email,
      ip,
      userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0',
    })

    it('loads the policy with the platform and org roles, and saves the ticked keys with PUT', async () => {
      const api = settingsApi({
        [`PUT ${base}/security-policy`]: (request) => json(request.body),
      })
      const { user } = renderApp('/o/coop-la-minga/settings?tab=security')
      const form = await screen.findByRole('form', { name: 'Verificación en dos pasos obligatoria' })
      expect(
        within(form).getByText(
          'Quienes tengan estos roles deberán activar la verificación en dos pasos para seguir trabajando en la organización.',
        ),
      ).toBeInTheDocument()
      expect(within(form).getByRole('checkbox', { name: 'Propietarios' })).toBeChecked()
      expect(within(form).getByRole('checkbox', { name: 'Administradores' })).not.toBeChecked()
      expect(within(form).getByRole('checkbox', { name: 'Miembros' })).not.toBeChecked()
      // org roles come from GET /roles; the built-in "admin" role is not listed twice
      const cashier = await within(form).findByRole('checkbox', { name: 'Cajero de sede' })
      expect(cashier).not.toBeChecked()
      expect(within(form).getAllByRole('checkbox')).toHaveLength(4)

      await user.click(within(form).getByRole('checkbox', { name: 'Administradores' }))
      await user.click(cashier)
      await user.click(within(form).getByRole('button', { name: 'Guardar' }))
      await waitFor(() => expect(api.callsTo('PUT', `${base}/security-policy`)).toHaveLength(1))
      expect(api.callsTo('PUT', `${base}/security-policy`)[0]?.body).toEqual({
        twoFactorRequiredFor: ['owner', 'admin', 'cajero_sede'],
      })
      expect(await screen.findByText('Guardamos la política de seguridad.')).toBeInTheDocument()
    })

    it('explains the lockout (422) and links to Mi cuenta', async () => {
      settingsApi({
        [`GET ${base}/security-policy`]: () => json({ twoFactorRequiredFor: [] }),
        [`PUT ${base}/security-policy`]: () =>
          problem(422, 'unprocessable', {
            title: 'Unprocessable',
            errors: [{ path: 'body.twoFactorRequiredFor', message: 'Your own role would be locked out' }],
          }),
      })
      const { user } = renderApp('/o/coop-la-minga/settings?tab=security')
      const form = await screen.findByRole('form', { name: 'Verificación en dos pasos obligatoria' })
      await user.click(within(form).getByRole('checkbox', { name: 'Propietarios' }))
      await user.click(within(form).getByRole('button', { name: 'Guardar' }))
      const alert = await within(form).findByRole('alert')
      expect(alert).toHaveTextContent(
        'Para exigir la verificación en dos pasos a tu propio rol, primero actívala en tu cuenta',
      )
      expect(within(alert).getByRole('link', { name: 'Ir a Mi cuenta' })).toHaveAttribute('href', '/account')
      // the draft is kept so the person can change it
      expect(within(form).getByRole('checkbox', { name: 'Propietarios' })).toBeChecked()
    })

    it('flags an unknown role key (400)', async () => {
      settingsApi({
        [`PUT ${base}/security-policy`]: () =>
          problem(400, 'validation_failed', {
            title: 'Validation failed',
            errors: [{ path: 'body.twoFactorRequiredFor.0', message: 'Unknown role owner' }],
          }),
      })
      const { user } = renderApp('/o/coop-la-minga/settings?tab=security')
      const form = await screen.findByRole('form', { name: 'Verificación en dos pasos obligatoria' })
      await user.click(within(form).getByRole('button', { name: 'Guardar' }))
      expect(await within(form).findByRole('alert')).toHaveTextContent(
        'Uno de los roles elegidos ya no existe.',
      )
    })

    it('shows the org security log with Spanish labels, Bogotá dates, and loads more', async () => {
      const api = settingsApi({
        [`GET ${base}/security-events`]: (request) =>
          request.query.get('cursor') === 'c2'
            ? json({
                items: [
                  event('e3', 'two_factor.enabled', '2026-03-04T15:00:00.000Z', 'ana@example.co', '10.0.0.3'),
                ],
                nextCursor: null,
              })
            : json({
                items: [
                  event('e1', 'sign_in.failed', '2026-03-06T02:30:00.000Z', 'luis@example.co', '10.0.0.1'),
                  event('e2', 'something.new', '2026-03-05T15:00:00.000Z', 'marta@example.co', '10.0.0.2'),
                ],
                nextCursor: 'c2',
              }),
      })
      const { user } = renderApp('/o/coop-la-minga/settings?tab=security')
      const table = await screen.findByRole('table', { name: 'Registro de seguridad de la organización' })
      const headers = within(table)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent)
      expect(headers).toEqual(['Fecha', 'Evento', 'Correo electrónico', 'IP'])
      const first = within(table).getAllByRole('row')[1] as HTMLElement
      expect(within(first).getByText('Intento fallido')).toBeInTheDocument()
      expect(within(first).getByText('luis@example.co')).toBeInTheDocument()
      expect(within(first).getByText('10.0.0.1')).toBeInTheDocument()
      // 02:30 UTC on the 6th is 21:30 on the 5th in Bogotá
      expect(first.querySelector('time')?.textContent).toMatch(/^5\/03\/2026.*9:30/)
      expect(within(table).getByText('something.new')).toBeInTheDocument()
      expect(api.callsTo('GET', `${base}/security-events`)[0]?.query.get('limit')).toBe('25')

      await user.click(screen.getByRole('button', { name: 'Cargar más' }))
      expect(await within(table).findByText('Verificación en dos pasos activada')).toBeInTheDocument()
      expect(api.callsTo('GET', `${base}/security-events`).at(-1)?.query.get('cursor')).toBe('c2')
      expect(screen.queryByRole('button', { name: 'Cargar más' })).not.toBeInTheDocument()
    })

    it('shows an empty state when the org has no security events', async () => {
      settingsApi()
      renderApp('/o/coop-la-minga/settings?tab=security')
      expect(
        await screen.findByText('Aún no hay eventos de seguridad en esta organización.'),
      ).toBeInTheDocument()
    })
  })
})
