import { expect, type Page, test } from '@playwright/test'
import { generateSync } from 'otplib'

const PASSWORD = 'una-clave-segura-2026'
const stamp = Date.now()
const adminEmail = `admin-${stamp}@example.test`
const inviteeEmail = `invitada-${stamp}@example.test`
const slug = `coop-acceso-${stamp}`

async function signIn(page: Page, email: string) {
  await page.goto('/sign-in')
  await page.getByLabel('Correo electrónico').fill(email)
  await page.getByRole('textbox', { name: 'Contraseña' }).fill(PASSWORD)
  await page.getByRole('button', { name: 'Iniciar sesión' }).click()
}

// Issue 3's journey: invite a user, accept, enrol 2FA, sign in with the code, see only what the role allows.
test('invite, accept, enrol 2FA, sign in with a code, and see only what a member may', async ({
  browser,
  baseURL,
}) => {
  // The admin and the org are set up through the API; the journey itself happens in the browser.
  const admin = await browser.newContext()
  const adminPage = await admin.newPage()
  const headers = { origin: baseURL! }
  const signUp = await adminPage.request.post('/api/auth/sign-up/email', {
    headers,
    data: { name: 'Admin Acceso', email: adminEmail, password: PASSWORD },
  })
  expect(signUp.ok()).toBe(true)
  const org = await adminPage.request.post('/api/v1/orgs', {
    headers,
    data: { name: 'Cooperativa Acceso', slug, kind: 'housing' },
  })
  expect(org.status()).toBe(201)

  await adminPage.goto(`/o/${slug}/settings?tab=invitations`)
  await adminPage.getByRole('textbox', { name: 'Correo electrónico' }).fill(inviteeEmail)
  await adminPage.getByRole('button', { name: 'Enviar invitación' }).click()
  const link = adminPage.locator('code').filter({ hasText: '/invitations/' })
  await expect(link).toBeVisible()
  const invitationUrl = new URL((await link.textContent())!.trim())

  // The invitee opens the link, signs up with the invited address and accepts.
  const invitee = await browser.newContext()
  const page = await invitee.newPage()
  await page.goto(`${invitationUrl.pathname}${invitationUrl.search}`)
  await page
    .getByRole('link', { name: /Crea una cuenta|Crear cuenta/ })
    .first()
    .click()
  await page.getByLabel('Nombre completo').fill('Invitada Acceso')
  await page.getByLabel('Correo electrónico').fill(inviteeEmail)
  await page.getByRole('textbox', { name: 'Contraseña' }).fill(PASSWORD)
  await page.getByRole('button', { name: 'Crear cuenta' }).click()
  await page.getByRole('button', { name: 'Aceptar' }).click()
  await expect(page).toHaveURL(new RegExp(`/o/${slug}`))

  // Enrol two-factor authentication from the account page.
  await page.goto('/account')
  await page.getByRole('button', { name: 'Activar la verificación en dos pasos' }).click()
  await page.getByLabel('Tu contraseña').fill(PASSWORD)
  await page.getByRole('button', { name: 'Continuar' }).click()
  const secret = ((await page.getByLabel('Clave secreta').textContent()) ?? '').replace(/\s+/g, '')
  expect(secret).toMatch(/^[A-Z2-7]+=*$/)
  await page.getByLabel('Código de verificación').fill(generateSync({ secret }))
  await page.getByRole('button', { name: 'Confirmar y activar' }).click()
  await expect(page.getByText('Activaste la verificación en dos pasos.')).toBeVisible()

  // A new sign-in asks for the code.
  await invitee.clearCookies()
  await signIn(page, inviteeEmail)
  await expect(page.getByText('Verificación en dos pasos').first()).toBeVisible()
  await page.getByLabel('Código de verificación').fill(generateSync({ secret }))
  await page.getByRole('button', { name: 'Verificar' }).click()
  await expect(page.getByRole('heading', { name: 'Mis organizaciones' })).toBeVisible()

  // As a plain member (residente), the org shows no settings and no audit, and refuses them by URL.
  await page.goto(`/o/${slug}`)
  const nav = page.getByRole('navigation', { name: 'Navegación de la organización' })
  await expect(nav.getByRole('link', { name: 'Anuncios' })).toBeVisible()
  await expect(nav.getByRole('link', { name: 'Configuración' })).toHaveCount(0)
  await expect(nav.getByRole('link', { name: 'Auditoría' })).toHaveCount(0)
  await page.goto(`/o/${slug}/settings`)
  await expect(
    page.getByText('Solo los propietarios y administradores pueden ver la configuración.'),
  ).toBeVisible()
  const audit = await page.request.get(`/api/v1/orgs/${slug}/audit`)
  expect(audit.status()).toBe(403)

  // The admin sees the new member.
  await adminPage.goto(`/o/${slug}/settings?tab=members`)
  await expect(adminPage.getByText(inviteeEmail)).toBeVisible()
  await admin.close()
  await invitee.close()
})
