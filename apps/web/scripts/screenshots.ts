// Screenshots of the built app with a faked API: `npm run build && npx vite preview --port 4173`,
// then `node scripts/screenshots.ts [baseUrl] [outDir]`. Uses Debian's Chromium; never downloads one.
import { mkdir } from 'node:fs/promises'
import { chromium, type Page, type Route } from 'playwright-core'

const base = process.argv[2] ?? 'http://localhost:4173'
const out = process.argv[3] ?? 'test-results/screenshots'

const org = {
  id: '0190f7a0-0000-7000-8000-000000000001',
  slug: 'coop-la-minga',
  name: 'Cooperativa Multiactiva La Minga',
  kind: 'savings_credit',
  timezone: 'America/Bogota',
  currency: 'COP',
  locale: 'es-CO',
  enabledModules: ['announcements', 'people', 'savings', 'loans'],
  status: 'active',
  role: 'owner',
  createdAt: '2026-01-10T15:00:00.000Z',
}
const user = { id: 'user-ana', email: 'ana@example.co', name: 'Ana Restrepo', emailVerified: true }
const audit = Array.from({ length: 6 }, (_, i) => ({
  id: `e${i}`,
  occurredAt: new Date(Date.UTC(2026, 2, 6, 2 - i * 5, 0)).toISOString(),
  actorId: i % 3 === 2 ? null : user.id,
  action: ['org.created', 'member.added', 'branch.created'][i % 3],
  entityType: ['org', 'membership', 'branch'][i % 3],
  entityId: `0190f7a0-0000-7000-8000-00000000000${i}`,
  changes: null,
  ip: '127.0.0.1',
  requestId: `req-${i}`,
}))

async function fakeApi(page: Page, signedIn: boolean) {
  await page.route('**/api/**', (route: Route) => {
    const url = new URL(route.request().url())
    const method = route.request().method()
    const send = (status: number, body: unknown, type = 'application/json') =>
      route.fulfill({ status, contentType: type, body: JSON.stringify(body) })
    if (url.pathname === '/api/v1/me')
      return signedIn
        ? send(200, { user })
        : send(
            401,
            { status: 401, title: 'x', code: 'unauthenticated', requestId: 'r' },
            'application/problem+json',
          )
    if (url.pathname === '/api/v1/modules')
      return send(200, {
        items: [
          {
            key: 'announcements',
            label: { es: 'Anuncios', en: 'Announcements' },
            description: {
              es: 'Cartelera de la organización: avisos para todos los miembros.',
              en: 'Notice board.',
            },
          },
        ],
      })
    if (url.pathname === '/api/v1/orgs' && method === 'GET')
      return send(200, {
        items: [
          org,
          {
            ...org,
            id: 'b',
            slug: 'conjunto-el-prado',
            name: 'Conjunto Residencial El Prado P.H.',
            kind: 'housing',
            role: 'member',
          },
        ],
        nextCursor: null,
      })
    if (url.pathname === '/api/v1/orgs' && method === 'POST')
      return send(
        409,
        {
          type: 'about:blank',
          title: 'Conflicto',
          status: 409,
          code: 'conflict',
          errors: [{ path: 'body.slug', message: 'El identificador «la-minga» ya está en uso' }],
          requestId: 'r',
        },
        'application/problem+json',
      )
    if (url.pathname === `/api/v1/orgs/${org.slug}/audit`)
      return send(200, { items: audit, nextCursor: 'more' })
    if (url.pathname === `/api/v1/orgs/${org.slug}`) return send(200, org)
    if (url.pathname === '/api/auth/sign-in/email')
      return send(401, { code: 'INVALID_EMAIL_OR_PASSWORD', message: 'Invalid email or password' })
    return send(
      404,
      { status: 404, title: 'No encontrado', code: 'not_found', requestId: 'r' },
      'application/problem+json',
    )
  })
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
})
await mkdir(out, { recursive: true })
try {
  const shots: [string, boolean, string, 'light' | 'dark', (page: Page) => Promise<void>][] = [
    ['sign-in', false, '/sign-in', 'light', async () => {}],
    [
      'sign-in-error',
      false,
      '/sign-in',
      'light',
      async (page) => {
        await page.getByLabel('Correo electrónico').fill('ana@example.co')
        await page.getByLabel('Contraseña', { exact: false }).first().fill('equivocada-123')
        await page.getByRole('button', { name: 'Iniciar sesión' }).click()
        await page.getByRole('alert').waitFor()
      },
    ],
    ['sign-up', false, '/sign-up', 'dark', async () => {}],
    [
      'my-orgs',
      true,
      '/orgs',
      'light',
      async (page) => void (await page.getByText('Conjunto Residencial').waitFor()),
    ],
    [
      'create-org-409',
      true,
      '/orgs/new',
      'light',
      async (page) => {
        await page.getByLabel('Nombre de la organización').fill('La Minga')
        await page.getByLabel('Tipo de organización').selectOption('housing')
        await page.getByRole('button', { name: 'Crear organización' }).click()
        await page.getByText('ya está en uso').waitFor()
      },
    ],
    [
      'org-home',
      true,
      `/o/${org.slug}`,
      'light',
      async (page) => void (await page.getByText('Te damos la bienvenida').waitFor()),
    ],
    [
      'org-home-dark',
      true,
      `/o/${org.slug}`,
      'dark',
      async (page) => void (await page.getByText('Te damos la bienvenida').waitFor()),
    ],
    [
      'audit',
      true,
      `/o/${org.slug}/audit`,
      'light',
      async (page) => void (await page.getByRole('table').waitFor()),
    ],
    [
      'not-found',
      true,
      '/no/existe',
      'light',
      async (page) => void (await page.getByText('Página no encontrada').waitFor()),
    ],
    [
      'org-home-mobile-nav',
      true,
      `/o/${org.slug}`,
      'light',
      async (page) => {
        await page.setViewportSize({ width: 390, height: 760 })
        await page.getByRole('button', { name: 'Mostrar u ocultar la navegación' }).click()
        await page.getByRole('link', { name: 'Auditoría' }).waitFor()
      },
    ],
  ]
  for (const [name, signedIn, path, scheme, act] of shots) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: scheme })
    const page = await context.newPage()
    await fakeApi(page, signedIn)
    await page.goto(base + path)
    await page.waitForLoadState('networkidle')
    await act(page)
    await page.screenshot({ path: `${out}/${name}.png` })
    console.log(`${out}/${name}.png`)
    await context.close()
  }
} finally {
  await browser.close()
}
