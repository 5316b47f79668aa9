import { expect, test } from '@playwright/test'

const PASSWORD = 'una-clave-segura-2026'
const stamp = Date.now()
const slug = `coop-personas-${stamp}`

// Four members and one row the importer must refuse (30 February does not exist).
const MEMBERS_CSV = [
  'tipo_documento,numero_documento,nombres,apellidos,fecha_nacimiento,correo,departamento,municipio',
  'CC,79123456,José,García Restrepo,1980-05-14,jose.garcia@correo.test,05,05001',
  'CC,52987654,María Fernanda,Osorio Díaz,1991-11-02,maria.osorio@correo.test,11,11001',
  'CE,412345,Ana Lucía,Quintero Mejía,1975-01-30,,76,76001',
  'CC,1020304050,Luis Carlos,Zuluaga Henao,1968-07-21,luis.zuluaga@correo.test,05,05266',
  'CC,43111222,Pedro,Ramírez Gómez,2024-02-30,pedro.ramirez@correo.test,05,05001',
].join('\n')

/** A one-page PDF: what a member's scanned ID card would be. */
function pdf(text: string) {
  const stream = `BT /F1 18 Tf 72 720 Td (${text}) Tj ET`
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]
  let body = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((object, i) => {
    offsets.push(body.length)
    body += `${i + 1} 0 obj\n${object}\nendobj\n`
  })
  const xref = body.length
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(body, 'latin1')
}

// Issue 4's journey: a coop admin imports the member file, finds a member by a misspelt name, opens the
// expediente, attaches a document and a new version of it, and answers a Ley 1581 request on time.
test('import members, find one by a misspelt name, expediente, documents with versions, a Ley 1581 request', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000)
  const headers = { origin: baseURL! }
  const signUp = await page.request.post('/api/auth/sign-up/email', {
    headers,
    data: { name: 'Gerente Cooperativa', email: `gerente-${stamp}@example.test`, password: PASSWORD },
  })
  expect(signUp.ok()).toBe(true)
  const org = await page.request.post('/api/v1/orgs', {
    headers,
    data: { name: 'Cooperativa de Ahorro La Minga', slug, kind: 'savings_credit' },
  })
  expect(org.status()).toBe(201)

  // 1. Import: upload, check the suggested mapping, dry run with a report, then only the valid rows.
  await page.goto(`/o/${slug}/people`)
  await page.getByRole('link', { name: 'Importar' }).click()
  await expect(page.getByRole('heading', { name: 'Importar personas' })).toBeVisible()
  await page
    .locator('input[type=file]')
    .setInputFiles({ name: 'asociados.csv', mimeType: 'text/csv', buffer: Buffer.from(MEMBERS_CSV, 'utf8') })
  await page.getByRole('button', { name: 'Subir archivo', exact: true }).click()
  await expect(page.getByText('asociados.csv: 5 filas')).toBeVisible()
  await expect(page.getByRole('combobox', { name: /^Número de documento/ })).toHaveValue('numero_documento')
  await page.getByRole('button', { name: 'Validar', exact: true }).click()

  const counts = page.getByLabel('Resultado de la validación')
  await expect(counts).toContainText('Válidas4')
  await expect(counts).toContainText('Con errores1')
  const errors = page.getByRole('table', { name: 'Errores encontrados' })
  await expect(errors).toContainText('6')
  await expect(errors).toContainText('fecha_nacimiento')
  const reportHref = await page.getByRole('link', { name: 'Descargar reporte' }).getAttribute('href')
  const report = await page.request.get(reportHref!)
  expect(report.ok()).toBe(true)
  expect(await report.text()).toContain('fecha_nacimiento')

  await page.getByRole('button', { name: 'Continuar', exact: true }).click()
  await expect(page.getByRole('radio', { name: 'Todo o nada' })).toBeDisabled()
  await page.getByRole('radio', { name: 'Solo las filas válidas (se omiten 1)' }).check()
  await page.getByRole('button', { name: 'Confirmar importación', exact: true }).click()
  await expect(page.getByText('Importación terminada')).toBeVisible({ timeout: 30_000 })
  const summary = page.getByLabel('Resultado de la importación')
  await expect(summary).toContainText('Creadas4')
  await expect(summary).toContainText('Omitidas1')

  // 2. Find José García by a misspelt name, accents left out.
  await page.getByRole('link', { name: 'Ir a la lista de personas' }).click()
  await page.getByRole('textbox', { name: 'Buscar' }).fill('jose garzia')
  const results = page.getByRole('table', { name: 'Personas registradas' })
  await expect(results.getByRole('row')).toHaveCount(2) // the header and José
  await results.getByRole('link', { name: 'José García Restrepo' }).click()

  // 3. The expediente: sections, completeness, and the import in the history.
  await expect(page.getByRole('heading', { name: 'José García Restrepo' })).toBeVisible()
  await expect(page.getByText(/Expediente completo al \d+ %/)).toBeVisible()
  for (const section of ['Personal', 'Contacto', 'Laboral', 'Familia y beneficiarios', 'Historial']) {
    await expect(page.getByRole('tab', { name: section })).toBeVisible()
  }
  await page.getByRole('tab', { name: 'Contacto' }).click()
  await expect(page.getByText('Medellín')).toBeVisible()
  await page.getByRole('tab', { name: 'Historial' }).click()
  await expect(page.getByText('Sin cambios registrados.')).toHaveCount(0)

  // 4. Attach the scanned ID card, then a second version of it.
  await page.getByLabel('Título').fill('Cédula escaneada')
  await page
    .locator('form')
    .filter({ has: page.getByRole('button', { name: 'Subir documento' }) })
    .locator('input[type=file]')
    .setInputFiles({ name: 'cedula.pdf', mimeType: 'application/pdf', buffer: pdf('Cedula 79123456') })
  await page.getByRole('button', { name: 'Subir documento' }).click()
  const documents = page.getByRole('table', { name: 'Documentos adjuntos' })
  await expect(documents).toContainText('Cédula escaneada')
  await expect(documents).toContainText('1 versión')
  await documents.getByRole('button', { name: 'Ver' }).click()
  const preview = page.getByRole('dialog')
  await expect(preview.locator('iframe[title="Cédula escaneada"]')).toBeVisible()
  await preview.locator('input[type=file]').setInputFiles({
    name: 'cedula-ambas-caras.pdf',
    mimeType: 'application/pdf',
    buffer: pdf('Ambas caras'),
  })
  await preview.getByRole('button', { name: 'Nueva versión', exact: true }).click()
  await expect(preview.getByText('Versión 2 · cedula-ambas-caras.pdf')).toBeVisible()
  await expect(preview.getByText('Versión 1 · cedula.pdf')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(documents).toContainText('2 versiones')

  // 5. A consulta under Ley 1581 for José, answered within its 10 business days.
  await page.goto(`/o/${slug}/privacy`)
  await page.getByRole('button', { name: 'Nueva solicitud' }).click()
  const form = page.getByRole('form', { name: 'Nueva solicitud' })
  await form.getByRole('combobox', { name: 'Titular' }).fill('jose garsia')
  await page.getByRole('option', { name: /José García Restrepo · CC/ }).click()
  await form.getByRole('textbox', { name: 'Descripción' }).fill('Quiero conocer los datos que tienen de mí.')
  await form.getByRole('button', { name: 'Registrar solicitud' }).click()
  const requests = page.getByRole('table', { name: 'Solicitudes de titulares' })
  await expect(requests).toContainText('Consulta')
  await expect(requests).toContainText(/Vence en \d+ días hábiles/)
  await requests.getByRole('link', { name: /Abrir la solicitud/ }).click()
  await page.getByRole('button', { name: 'Responder' }).click()
  const answer = page.getByRole('form', { name: 'Responder la solicitud' })
  await answer
    .getByRole('textbox', { name: 'Respuesta' })
    .fill('Adjuntamos el reporte de sus datos personales.')
  await answer.getByRole('button', { name: 'Guardar' }).click()
  await expect(page.getByText('Respondida')).toBeVisible()
  await expect(page.getByText('Cerrada dentro del término')).toBeVisible()
})
