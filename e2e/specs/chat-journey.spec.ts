import { expect, type Page, test } from '@playwright/test'

const PASSWORD = 'una-clave-segura-2026'
const stamp = Date.now()
const slug = `coop-chat-${stamp}`
const anaEmail = `ana-${stamp}@example.test`
const luisEmail = `luis-${stamp}@example.test`

async function signUp(page: Page, origin: string, name: string, email: string) {
  const response = await page.request.post('/api/auth/sign-up/email', {
    headers: { origin },
    data: { name, email, password: PASSWORD },
  })
  expect(response.ok()).toBe(true)
}

// Issue 5's journey: two people chat in real time; a mention reaches the other's bell and mailbox.
test('two people chat live, and a mention reaches the bell and the mailbox', async ({ browser, baseURL }) => {
  const origin = baseURL!
  const ana = await (await browser.newContext()).newPage()
  const luis = await (await browser.newContext()).newPage()
  await signUp(ana, origin, 'Ana Chat', anaEmail)
  await signUp(luis, origin, 'Luis Chat', luisEmail)
  const org = await ana.request.post('/api/v1/orgs', {
    headers: { origin },
    data: { name: 'Comunidad Chat', slug, kind: 'community' },
  })
  expect(org.status()).toBe(201)
  const added = await ana.request.post(`/api/v1/orgs/${slug}/members`, {
    headers: { origin },
    data: { email: luisEmail, role: 'member' },
  })
  expect(added.status()).toBe(201)

  // Ana starts a direct conversation with Luis.
  await ana.goto(`/o/${slug}/messages`)
  await ana.getByRole('button', { name: 'Nueva conversación' }).click()
  const dialog = ana.getByRole('dialog', { name: 'Nueva conversación' })
  await dialog.getByRole('combobox', { name: 'Participantes' }).click()
  await ana.getByRole('option', { name: 'Luis Chat' }).click()
  await dialog.getByRole('button', { name: 'Crear conversación' }).click()
  await expect(ana.getByRole('region', { name: 'Conversación: Luis Chat' })).toBeVisible()
  const conversationPath = new URL(ana.url()).pathname

  // Luis opens it in his own browser.
  await luis.goto(conversationPath)
  await expect(luis.getByRole('region', { name: 'Conversación: Ana Chat' })).toBeVisible()

  // Ana mentions Luis; the message appears live on Luis's screen.
  const anaBox = ana.getByRole('textbox', { name: 'Escribe un mensaje' })
  await anaBox.pressSequentially('Hola @Lu')
  await ana.getByRole('option', { name: 'Luis Chat' }).click()
  await anaBox.pressSequentially('¿vienes a la minga del sábado?')
  await ana.getByRole('button', { name: 'Enviar' }).click()
  const luisLog = luis.getByRole('log', { name: 'Mensajes de Ana Chat' })
  await expect(luisLog.getByRole('article', { name: 'Ana Chat' }).last()).toContainText(
    '¿vienes a la minga del sábado?',
  )

  // Luis types (Ana sees it) and answers; Ana sees the answer and Luis sees she read it.
  const luisBox = luis.getByRole('textbox', { name: 'Escribe un mensaje' })
  await luisBox.pressSequentially('Sí, llevo')
  await expect(ana.getByRole('status').filter({ hasText: 'Luis Chat está escribiendo…' })).toBeVisible()
  await luisBox.pressSequentially(' café')
  await luisBox.press('Enter')
  const anaLog = ana.getByRole('log', { name: 'Mensajes de Luis Chat' })
  await expect(anaLog.getByRole('article', { name: 'Luis Chat' }).last()).toContainText('Sí, llevo café')
  await expect(luis.getByRole('log').getByText('Visto por Ana Chat')).toBeVisible()

  // The mention is in Luis's inbox (the bell counts it) and in the mailbox.
  await expect(luis.getByRole('button', { name: /Notificaciones: 1 sin leer/ })).toBeVisible()
  await luis.goto(`/o/${slug}/notifications`)
  await expect(luis.getByRole('button', { name: 'Ana Chat te mencionó en un mensaje' })).toBeVisible()
  await expect
    .poll(async () => {
      const mailbox = await luis.request.get('/api/dev/mailbox')
      const { items } = (await mailbox.json()) as { items: { to: string; subject: string }[] }
      return items.some((m) => m.to === luisEmail && m.subject.includes('Ana Chat te mencionó'))
    })
    .toBe(true)
})
