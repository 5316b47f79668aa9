// People scenario (issue 4): 1,000 orgs, BENCH_PEOPLE (200,000) people in the largest one, loaded through
// the bulk import API in files of BENCH_IMPORT_ROWS (50,000) rows; each import (upload, validation, commit)
// is timed. The other 999 orgs get BENCH_OTHER_PEOPLE (200) people each straight into the table, so the
// shared trigram index holds every org's names as in production. Then name searches with typos and exact
// document searches are timed in the largest org. Targets: import of 50,000 rows < 60 s; name search
// p95 < 50 ms. Needs DATABASE_URL (the scenario writes the other orgs with SQL).
import { performance } from 'node:perf_hooks'
import pg from 'pg'
import { percentile, pool, round } from '../lib/measure.ts'
import { type BenchServer, signUpBenchUser, startBenchServer } from '../lib/minga-server.ts'

const totalPeople = Number(process.env.BENCH_PEOPLE ?? 200_000)
const importRows = Number(process.env.BENCH_IMPORT_ROWS ?? 50_000)
const otherOrgs = Number(process.env.BENCH_ORGS ?? 1000) - 1
const otherPeople = Number(process.env.BENCH_OTHER_PEOPLE ?? 200)
const searches = Number(process.env.BENCH_SEARCHES ?? 400)
const slug = 'bench-cooperativa'
const org = `/api/v1/orgs/${slug}`

const FIRST = `José María Juan Luis Carlos Ana Luz Marina Jorge Andrés Diana Paola Sandra Milena Camilo
Alejandro Valentina Sofía Daniel Santiago Sebastián Natalia Carolina Laura Juliana Felipe Ricardo Gloria
Martha Cecilia Rosa Elena Pedro Pablo Manuel Antonio Francisco Javier Hernán Óscar Édgar Fabio Jairo
Yolanda Esperanza Beatriz Claudia Patricia Mónica Adriana Liliana Ángela Nelson Wilson Fredy Yesid
Arley Yeison Brayan Kevin Dayana Yuliana Leidy Katherine Estefanía Mariana Isabella Gabriela Nicolás
Mateo Samuel Emiliano Jerónimo Tomás Salomé Luciana Manuela Antonia Gustavo Álvaro Rubén Orlando
Rodrigo Guillermo Hugo Germán Iván Rafael Mauricio Alberto Enrique Eduardo Humberto Leonardo Lucía`.split(
  /\s+/,
)
const LAST = `García Rodríguez Martínez López González Hernández Pérez Sánchez Ramírez Torres Flórez Díaz
Gómez Vargas Rojas Moreno Jiménez Muñoz Castro Ortiz Rubio Suárez Romero Álvarez Ruiz Mendoza Guerrero
Medina Cárdenas Castillo Herrera Aguilar Ríos Osorio Valencia Restrepo Cardona Arango Zapata Gutiérrez
Montoya Quintero Londoño Giraldo Ospina Salazar Marín Mejía Duque Henao Escobar Bedoya Agudelo Velásquez
Cortés Parra Acosta Beltrán Bermúdez Cuéllar Delgado Espinosa Fajardo Gaitán Ibarra Lozano Mora Navarro
Ochoa Peña Quiroga Reyes Sierra Tovar Uribe Vélez Zuluaga Benítez Cruz Calderón Camacho Arias Barrera
Cabrera Caicedo Córdoba Correa Estrada Franco Guzmán Hurtado Jaramillo León Lara Lugo Maldonado Molina
Narváez Orozco Pacheco Patiño Pineda Polanco Prieto Quintana Rincón Rivera Rueda Sandoval Serna Trujillo`.split(
  /\s+/,
)
const PLACES = ['05001', '11001', '76001', '08001', '68001', '66001', '17001', '73001', '50001', '13001']
const TAGS = ['ahorrador', 'credito', 'fundador', 'delegado', 'empleado', 'pensionado']

/** A deterministic pseudo-random number in [0, 1) for row i and salt s, so runs are comparable. */
const rand = (i: number, s: number) => {
  const x = Math.sin(i * 12.9898 + s * 78.233) * 43_758.5453
  return x - Math.floor(x)
}
const pick = <T>(list: T[], i: number, s: number) => list[Math.floor(rand(i, s) * list.length)] as T

function personRow(i: number) {
  const first = rand(i, 1) < 0.6 ? `${pick(FIRST, i, 2)} ${pick(FIRST, i, 3)}` : pick(FIRST, i, 2)
  const last = `${pick(LAST, i, 4)} ${pick(LAST, i, 5)}`
  const year = 1950 + Math.floor(rand(i, 6) * 55)
  const month = String(1 + Math.floor(rand(i, 7) * 12)).padStart(2, '0')
  const day = String(1 + Math.floor(rand(i, 8) * 28)).padStart(2, '0')
  const phone = `3${String(100_000_000 + Math.floor(rand(i, 9) * 899_999_999))}`
  const salary = 1_300_000 + Math.floor(rand(i, 10) * 80) * 100_000
  const tags = [pick(TAGS, i, 11), pick(TAGS, i, 12)].join(';')
  const place = pick(PLACES, i, 13)
  return [
    'CC',
    String(10_000_000 + i),
    first,
    last,
    `${year}-${month}-${day}`,
    `socio${i}@correo.test`,
    phone,
    place.slice(0, 2),
    place,
    pick(['Ecopetrol', 'Alcaldía de Medellín', 'Universidad Nacional', 'Nutresa', 'Bancolombia'], i, 14),
    pick(['Analista', 'Docente', 'Operario', 'Auxiliar', 'Ingeniera'], i, 15),
    String(salary),
    '2015-03-01',
    tags,
  ].join(',')
}

const HEADER =
  'tipo_documento,numero_documento,nombres,apellidos,fecha_nacimiento,correo,telefono,departamento,municipio,empresa,cargo,salario,fecha_ingreso,etiquetas'

type Import = {
  id: string
  status: string
  mapping: Record<string, string>
  errorRows: number | null
  created: number | null
  updated: number | null
  failureMessage: string | null
}

async function waitFor(server: BenchServer, token: string, id: string, done: string[]) {
  for (;;) {
    const current = await server.api<Import>(`${org}/people/imports/${id}`, { token })
    if (done.includes(current.status)) return current
    await new Promise((r) => setTimeout(r, 200))
  }
}

/** Uploads, validates and commits one file of rows [from, from + count); returns the phase times. */
async function importFile(server: BenchServer, token: string, from: number, count: number) {
  const csv = [HEADER, ...Array.from({ length: count }, (_, k) => personRow(from + k))].join('\n')
  const form = new FormData()
  form.append('file', new Blob([csv], { type: 'text/csv' }), `asociados-${from}.csv`)
  const t0 = performance.now()
  const response = await fetch(`${server.base}${org}/people/imports`, {
    method: 'POST',
    headers: { origin: server.origin, authorization: `Bearer ${token}` },
    body: form,
  })
  if (!response.ok) throw new Error(`upload: ${response.status} ${await response.text()}`)
  const uploaded = (await response.json()) as Import
  const t1 = performance.now()
  await server.api(`${org}/people/imports/${uploaded.id}/validate`, {
    method: 'POST',
    token,
    body: JSON.stringify({ mapping: uploaded.mapping, assignMembershipNumbers: true }),
  })
  const validated = await waitFor(server, token, uploaded.id, ['validated', 'failed'])
  if (validated.status !== 'validated' || validated.errorRows !== 0)
    throw new Error(`validation: ${JSON.stringify(validated).slice(0, 500)}`)
  const t2 = performance.now()
  await server.api(`${org}/people/imports/${uploaded.id}/commit`, {
    method: 'POST',
    token,
    body: JSON.stringify({ mode: 'all_or_nothing' }),
  })
  const committed = await waitFor(server, token, uploaded.id, ['committed', 'failed'])
  if (committed.status !== 'committed') throw new Error(`commit: ${committed.failureMessage}`)
  const t3 = performance.now()
  return { upload: t1 - t0, validate: t2 - t1, commit: t3 - t2, total: t3 - t0, created: committed.created }
}

/** The other orgs and their people, written with SQL: they only have to exist and fill the indexes. */
async function seedOtherOrgs(databaseUrl: string) {
  const db = new pg.Client({ connectionString: databaseUrl })
  await db.connect()
  await db.query(
    `insert into orgs (id, slug, name, kind, enabled_modules)
     select gen_random_uuid(), 'otra-' || g, 'Otra cooperativa ' || g, 'savings_credit', '{people}' from generate_series(1, $1) g`,
    [otherOrgs],
  )
  // Fake ciphertext: these rows are never read back through the API (only the largest org is queried).
  await db.query(
    `insert into people (org_id, id, kind, document_type, document_number_enc, document_number_bidx,
       document_last4, first_names, last_names, name_search, status)
     select o.id, gen_random_uuid(), 'natural', 'CC', 'v1:bench:bench:bench', md5(o.id::text || g),
       lpad((g % 10000)::text, 4, '0'), f.n, l.n || ' ' || l2.n, lower(f.n || ' ' || l.n || ' ' || l2.n), 'activo'
     from orgs o, generate_series(1, $1) g,
       lateral (select ($2::text[])[1 + (abs(hashtext(o.id::text || g)) % array_length($2::text[], 1))] as n) f,
       lateral (select ($3::text[])[1 + (abs(hashtext(g || o.id::text)) % array_length($3::text[], 1))] as n) l,
       lateral (select ($3::text[])[1 + (abs(hashtext(o.slug || g)) % array_length($3::text[], 1))] as n) l2
     where o.slug like 'otra-%'`,
    [
      otherPeople,
      FIRST.map((n) => n.normalize('NFD').replace(/\p{M}/gu, '')),
      LAST.map((n) => n.normalize('NFD').replace(/\p{M}/gu, '')),
    ],
  )
  await db.query('analyze people')
  const { rows } = await db.query<{ orgs: number; people: number }>(
    'select (select count(*)::int from orgs) as orgs, (select count(*)::int from people) as people',
  )
  await db.end()
  return rows[0]!
}

/** Typo'd and accent-free spellings of names the generator uses, and exact documents. */
const NAME_QUERIES = [
  'jose garzia',
  'maria rodriges',
  'luz marina gomes',
  'andres felipe restrepo',
  'valencia',
  'carolina zuluga',
  'yeison arley',
  'gonzales ortis',
  'angela mejia',
  'sebastian osorio jaramilo',
]

async function timeSearches(server: BenchServer, token: string, queries: string[], concurrency: number) {
  const times: number[] = []
  const hits: number[] = []
  await pool(queries.length, concurrency, async (i) => {
    const t0 = performance.now()
    const page = await server.api<{ items: unknown[] }>(
      `${org}/people?limit=20${queries[i] ? `&q=${encodeURIComponent(queries[i])}` : ''}`,
      { token },
    )
    times.push(performance.now() - t0)
    hits.push(page.items.length)
  })
  times.sort((a, b) => a - b)
  return { times, hits }
}

async function main() {
  if (!process.env.DATABASE_URL) {
    console.log('people: skipped (needs DATABASE_URL: the other orgs are written with SQL)')
    return
  }
  const server = await startBenchServer({ port: 3411, database: 'minga_bench_people' })
  try {
    const admin = await signUpBenchUser(server, 'Gerencia', `gerencia-${Date.now()}@bench.test`)
    await server.api('/api/v1/orgs', {
      method: 'POST',
      token: admin.token,
      body: JSON.stringify({ name: 'Cooperativa de prueba', slug, kind: 'savings_credit' }),
    })
    const others = await seedOtherOrgs(server.databaseUrl!)
    console.log(`other orgs written: ${others.orgs} orgs, ${others.people} people in all`)

    console.log(`\nimport of ${importRows.toLocaleString('en')} rows per file (ms)`)
    console.log('| file | people before | upload | validate | commit | total | created |')
    console.log('|---|---|---|---|---|---|---|')
    for (let from = 0, file = 1; from < totalPeople; from += importRows, file++) {
      const t = await importFile(server, admin.token, from, Math.min(importRows, totalPeople - from))
      console.log(
        `| ${file} | ${from.toLocaleString('en')} | ${round(t.upload)} | ${round(t.validate)} | ${round(t.commit)} | **${round(t.total)}** | ${t.created} |`,
      )
    }

    const nameQueries = Array.from({ length: searches }, (_, i) => NAME_QUERIES[i % NAME_QUERIES.length]!)
    await timeSearches(server, admin.token, nameQueries.slice(0, 20), 1) // warm-up
    console.log(`\nsearch in the largest org (${totalPeople.toLocaleString('en')} people), ms`)
    console.log('| query kind | concurrency | requests | p50 | p95 | p99 | max | hits per page (min–max) |')
    console.log('|---|---|---|---|---|---|---|---|')
    const documentQueries = Array.from({ length: searches }, (_, i) =>
      String(10_000_000 + Math.floor(rand(i, 99) * totalPeople)),
    )
    for (const [kind, queries] of [
      ['name with typos', nameQueries],
      ['exact document', documentQueries],
      ['list, no query', Array.from({ length: 100 }, () => '')],
    ] as const) {
      for (const concurrency of [1, 4]) {
        const { times, hits } = await timeSearches(server, admin.token, [...queries], concurrency)
        console.log(
          `| ${kind} | ${concurrency} | ${times.length} | ${round(percentile(times, 50))} | **${round(percentile(times, 95))}** | ${round(percentile(times, 99))} | ${round(times.at(-1)!)} | ${Math.min(...hits)}–${Math.max(...hits)} |`,
        )
      }
    }
  } finally {
    server.stop()
  }
}

await main()
