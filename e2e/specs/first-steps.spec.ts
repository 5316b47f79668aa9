import { expect, test } from '@playwright/test'

// A newcomer's first visit: sign up, create their organization, land on its home.
test('sign up, create an organization and see its home', async ({ page }) => {
  const email = `nueva-${Date.now()}@example.test`
  await page.goto('/')
  await expect(page.getByRole('heading', { name: 'Inicia sesión' })).toBeVisible()
  await page.getByRole('link', { name: 'Crea una cuenta' }).click()

  await page.getByLabel('Nombre completo').fill('Lucía Restrepo')
  await page.getByLabel('Correo electrónico').fill(email)
  await page.getByRole('textbox', { name: 'Contraseña' }).fill('una-clave-segura-2026')
  await page.getByRole('button', { name: 'Crear cuenta' }).click()

  await expect(page.getByRole('heading', { name: 'Mis organizaciones' })).toBeVisible()
  await expect(page.getByText('Aún no haces parte de ninguna organización')).toBeVisible()
  await page.getByRole('link', { name: 'Crear organización' }).first().click()

  await page.getByLabel('Nombre de la organización').fill('Cooperativa La Minga Verde')
  await expect(page.getByLabel('Identificador (slug)')).toHaveValue('cooperativa-la-minga-verde')
  await page
    .getByLabel('Tipo de organización')
    .selectOption({ label: 'Cooperativa de vivienda / propiedad horizontal' })
  await page.getByRole('button', { name: 'Crear organización' }).click()

  await expect(page).toHaveURL(/\/o\/cooperativa-la-minga-verde$/)
  await expect(page.getByRole('heading', { name: /Cooperativa La Minga Verde/ }).first()).toBeVisible()
  const nav = page.getByRole('navigation', { name: 'Navegación de la organización' })
  await expect(nav.getByRole('link', { name: 'Anuncios' })).toBeVisible()
  await expect(nav.getByRole('link', { name: 'Auditoría' })).toBeVisible()

  // The audit page shows the creation the user just made.
  await nav.getByRole('link', { name: 'Auditoría' }).click()
  await expect(page.getByText('org.created')).toBeVisible()
})

test('a demo admin signs in and sees the demo organization', async ({ page }) => {
  await page.goto('/sign-in')
  await page.getByLabel('Correo electrónico').fill('admin@fogonpaisa.demo')
  await page.getByRole('textbox', { name: 'Contraseña' }).fill('minga-demo-2026')
  await page.getByRole('button', { name: 'Iniciar sesión' }).click()
  await expect(page.getByText('Restaurante El Fogón Paisa')).toBeVisible()
})

test('unknown pages show the Spanish not-found page', async ({ page }) => {
  await page.goto('/esto/no/existe')
  await expect(page.getByText('Página no encontrada')).toBeVisible()
})
