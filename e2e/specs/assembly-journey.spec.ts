import { type APIRequestContext, type Browser, expect, type Page, test } from '@playwright/test'

const PASSWORD = 'una-clave-segura-2026'
const stamp = Date.now()
const slug = `edificio-${stamp}`
const api = `/api/v1/orgs/${slug}`
const motionTitle = '¿Aprueba el presupuesto 2027?'

type Person = { page: Page; id: string; email: string }

async function signUpIn(browser: Browser, baseURL: string, name: string, email: string): Promise<Person> {
  const context = await browser.newContext()
  const page = await context.newPage()
  const response = await page.request.post('/api/auth/sign-up/email', {
    headers: { origin: baseURL },
    data: { name, email, password: PASSWORD },
  })
  expect(response.ok()).toBe(true)
  return { page, id: (await response.json()).user.id, email }
}

async function post(request: APIRequestContext, baseURL: string, url: string, data: object) {
  const response = await request.post(url, { headers: { origin: baseURL }, data })
  expect(response.status(), `${url}: ${await response.text()}`).toBe(201)
  return response.json()
}

// Issue 6's journey: a small Ley 675 assembly from convocation to the acta, with one poder and three
// residents voting from their own browsers.
test('a small assembly end to end: check-in, a proxy, a motion, three voters, close, publish, acta', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000)
  const origin = baseURL!
  // Set-up through the API: the building, four units of 25 %, and the people.
  const admin = await signUpIn(browser, origin, 'Administradora Edificio', `admin-${stamp}@example.test`)
  const request = admin.page.request
  await post(request, origin, '/api/v1/orgs', { name: 'Edificio Las Palmas', slug, kind: 'housing' })
  const residents: Person[] = []
  for (const [i, name] of ['Ana Residente', 'Bruno Residente', 'Carla Apoderada'].entries()) {
    const person = await signUpIn(browser, origin, name, `residente-${i}-${stamp}@example.test`)
    await post(request, origin, `${api}/members`, { email: person.email, role: 'member' })
    residents.push(person)
  }
  const [ana, bruno, carla] = residents as [Person, Person, Person]
  const units: Record<string, string> = {}
  for (const code of ['101', '102', '201', '202']) {
    units[code] = (
      await post(request, origin, `${api}/units`, { code, type: 'apartment', coefficient: '25.000000' })
    ).id
  }
  // 101 and 102 vote through their owners; 201's owner has no account and gives a poder to Carla.
  await post(request, origin, `${api}/units/${units['101']}/holders`, {
    name: 'Ana Residente',
    userId: ana.id,
    role: 'owner',
    isVoter: true,
  })
  await post(request, origin, `${api}/units/${units['102']}/holders`, {
    name: 'Bruno Residente',
    userId: bruno.id,
    role: 'owner',
    isVoter: true,
  })
  await post(request, origin, `${api}/units/${units['201']}/holders`, {
    name: 'Diego Propietario',
    role: 'owner',
    isVoter: true,
  })
  const noticeSentOn = new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10)
  const assembly = await post(request, origin, `${api}/assemblies`, {
    title: 'Asamblea ordinaria 2026',
    firstCallAt: new Date(Date.now() - 60_000).toISOString(),
    noticeSentOn,
    agenda: [{ title: 'Presupuesto 2027' }],
  })
  await post(request, origin, `${api}/assemblies/${assembly.id}/motions`, {
    agendaItemId: assembly.agenda[0].id,
    title: motionTitle,
    secrecy: 'secret',
    resultsVisibility: 'hidden-until-closed',
  })

  // The administrator convenes and starts the session in the console.
  const console = admin.page
  await console.goto(`/o/${slug}/assemblies/${assembly.id}`)
  await console.getByRole('button', { name: 'Convocar', exact: true }).click()
  await console.getByRole('button', { name: 'Convocar ahora' }).click()
  await console.getByRole('button', { name: 'Iniciar la sesión' }).click()
  await console.getByRole('button', { name: 'Iniciar', exact: true }).click()

  // Check-in: 101 and 102 in person, 201 through Carla's poder.
  await console.getByRole('link', { name: 'Registro de asistencia' }).click()
  await console.getByRole('button', { name: 'Registrar llegada de 101' }).click()
  await console.getByRole('button', { name: 'Registrar llegada de 102' }).click()
  await console.getByRole('combobox', { name: 'Unidad que otorga el poder' }).click()
  await console.getByRole('option', { name: /^201/ }).click()
  await console.getByRole('combobox', { name: 'Persona de la organización (opcional)' }).click()
  await console.getByRole('option', { name: /Carla Apoderada/ }).click()
  await console.getByLabel('Nombre de quien recibe el poder').fill('Carla Apoderada')
  await console.getByLabel('Documento de identidad de quien recibe el poder').fill('52123456')
  await console.getByRole('button', { name: 'Registrar poder' }).click()
  await expect(console.getByRole('table', { name: 'Poderes registrados' })).toContainText('Carla Apoderada')
  await console.getByRole('button', { name: 'Registrar 201 por poder' }).click()
  await expect(console.getByText('Hay quórum').first()).toBeVisible()

  // Open the motion from the console.
  await console.goto(`/o/${slug}/assemblies/${assembly.id}`)
  await console.getByRole('button', { name: `Abrir votación: ${motionTitle}` }).click()

  // Three residents vote from their own browsers: Ana yes, Bruno no, Carla yes for 201.
  const votes: [Person, string, string][] = [
    [ana, '101', 'Sí'],
    [bruno, '102', 'No'],
    [carla, '201', 'Sí'],
  ]
  await Promise.all(
    votes.map(async ([person, code, option]) => {
      const page = person.page
      await page.goto(`/o/${slug}/assemblies/${assembly.id}/vote`)
      const options = page.getByRole('group', { name: `Opciones de ${code}` })
      await options.getByRole('button', { name: option, exact: true }).click()
      await page.getByRole('button', { name: `Votar por ${code}` }).click()
      await page.getByRole('button', { name: 'Confirmar voto' }).click()
      await expect(page.getByText('Voto registrado').first()).toBeVisible()
    }),
  )

  // A second attempt for the same unit is refused by the server.
  const again = await ana.page.request.post(
    `${api}/motions/${await motionId(request, assembly.id)}/ballots`,
    {
      headers: { origin },
      data: { unitId: units['101'], choice: ['no'] },
    },
  )
  expect(again.status()).toBe(409)

  // Close and publish: 50 % yes of 75 % present is a simple majority of the represented coefficients.
  await console.getByRole('button', { name: `Cerrar votación: ${motionTitle}` }).click()
  await console.getByRole('button', { name: `Publicar resultados: ${motionTitle}` }).click()
  await expect(console.getByText('Resultado: Aprobada')).toBeVisible()

  // The log verifies and the acta downloads as a PDF.
  await console.getByRole('button', { name: 'Verificar el registro' }).click()
  await expect(console.getByText(/El registro está íntegro: \d+ entradas encadenadas\./)).toBeVisible()
  const [download] = await Promise.all([
    console.waitForEvent('download'),
    console.getByRole('link', { name: 'Descargar el acta (PDF)' }).click(),
  ])
  const path = await download.path()
  const { readFileSync } = await import('node:fs')
  expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-')
})

async function motionId(request: APIRequestContext, assemblyId: string): Promise<string> {
  const response = await request.get(`${api}/assemblies/${assemblyId}/motions`)
  const { items } = (await response.json()) as { items: { id: string; title: string }[] }
  return items.find((m) => m.title === motionTitle)!.id
}
