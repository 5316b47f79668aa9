import type { Profile, ProfileSummary } from '@minga/contracts'
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { fakeApi, json, problem } from '../../test/fake-api.ts'
import { ana, makeOrg, moduleCatalog, signedIn } from '../../test/fixtures.ts'
import { renderApp } from '../../test/render-app.tsx'
import { placeOf } from './place.ts'

const base = '/api/v1/orgs/coop-la-minga'
const joseId = '0190f7a0-0000-7000-8000-0000000000a1'
const mariaId = '0190f7a0-0000-7000-8000-0000000000a2'

const card = (overrides: Partial<ProfileSummary>): ProfileSummary => ({
  userId: joseId,
  name: 'José Núñez',
  headline: 'Backend y datos',
  skills: ['TypeScript', 'PostgreSQL'],
  experienceLevel: 'advanced',
  location: 'Cali',
  avatarFileId: null,
  visibility: 'members',
  ...overrides,
})

const joseProfile: Profile = {
  ...card({}),
  bio: 'Me gusta el café.\nY PostgreSQL.',
  municipality: { code: '76001', name: 'Cali', departmentCode: '76', departmentName: 'Valle del Cauca' },
  timezone: 'America/Bogota',
  links: {
    github: 'https://github.com/jose-nunez',
    linkedin: 'https://www.linkedin.com/in/jose-nunez',
    website: null,
  },
  hiddenByAdmin: false,
  version: 3,
  updatedAt: '2026-11-20T15:00:00.000Z',
}

const myEmpty: Profile = {
  userId: ana.id,
  name: ana.name,
  headline: '',
  bio: '',
  skills: [],
  experienceLevel: null,
  location: '',
  municipality: null,
  timezone: 'America/Bogota',
  links: { github: null, linkedin: null, website: null },
  avatarFileId: null,
  visibility: 'members',
  hiddenByAdmin: false,
  version: 0,
  updatedAt: null,
}

/** The TagsInput's text box (Mantine also labels its hidden value input). */
function skillsInput() {
  const input = screen
    .getAllByLabelText('Habilidades')
    .find((el) => el instanceof HTMLInputElement && el.type !== 'hidden')
  if (!input) throw new Error('skills input not found')
  return input
}

function profilesApi(routes: Parameters<typeof fakeApi>[0] = {}, role: 'owner' | 'member' = 'member') {
  const org = makeOrg({ kind: 'community', enabledModules: ['profiles'], role })
  return fakeApi({
    'GET /api/v1/me': signedIn,
    'GET /api/v1/modules': moduleCatalog,
    'GET /api/v1/orgs': () => json({ items: [org], nextCursor: null }),
    [`GET ${base}`]: () => json(org),
    [`GET ${base}/profiles/skills`]: () =>
      json({
        items: [
          { skill: 'TypeScript', count: 3 },
          { skill: 'Figma', count: 1 },
        ],
      }),
    ...routes,
  })
}

describe('directory', () => {
  it('shows member cards with skill counts, filters by skill and search, and loads more', async () => {
    const api = profilesApi({
      [`GET ${base}/profiles`]: (request) => {
        if (request.query.get('cursor') === 'page-2')
          return json({
            items: [card({ userId: mariaId, name: 'María Ríos', headline: '', skills: ['Figma'] })],
            nextCursor: null,
            facets: { skills: { TypeScript: 3, Figma: 1 } },
          })
        return json({
          items: [card({ avatarFileId: '0190f7a0-0000-7000-8000-0000000000f1' })],
          nextCursor: 'page-2',
          facets: { skills: { TypeScript: 3, Figma: 1 } },
        })
      },
    })
    const { user } = renderApp('/o/coop-la-minga/profiles')
    const jose = await screen.findByRole('link', { name: 'José Núñez' })
    expect(within(jose).getByText('Backend y datos')).toBeInTheDocument()
    expect(within(jose).getByText('PostgreSQL')).toBeInTheDocument()
    expect(within(jose).getByRole('img', { name: 'Foto de José Núñez' })).toHaveAttribute(
      'src',
      `${base}/profiles/${joseId}/avatar?v=0190f7a0-0000-7000-8000-0000000000f1`,
    )
    expect(jose).toHaveAttribute('href', `/o/coop-la-minga/profiles/${joseId}`)
    expect(document.title).toBe('Directorio · Minga')

    await user.click(screen.getByRole('button', { name: 'Cargar más' }))
    const maria = await screen.findByRole('link', { name: 'María Ríos' })
    expect(within(maria).getByText('Sin titular todavía')).toBeInTheDocument()
    expect(within(maria).getByText('MR')).toBeInTheDocument()

    await user.click(screen.getByRole('checkbox', { name: 'TypeScript (3)' }))
    await user.click(screen.getByRole('checkbox', { name: 'Figma (1)' }))
    await waitFor(() =>
      expect(
        api.callsTo('GET', `${base}/profiles`).some((c) => c.query.get('skill') === 'TypeScript,Figma'),
      ).toBe(true),
    )
    await user.type(screen.getByLabelText('Buscar'), 'jose nunez')
    await waitFor(() =>
      expect(api.callsTo('GET', `${base}/profiles`).some((c) => c.query.get('q') === 'jose nunez')).toBe(
        true,
      ),
    )
  })

  it('shows the empty state, and a no-match line when filtered', async () => {
    profilesApi({
      [`GET ${base}/profiles`]: () => json({ items: [], nextCursor: null, facets: { skills: {} } }),
    })
    const { user } = renderApp('/o/coop-la-minga/profiles')
    expect(await screen.findByText('Aún no hay perfiles en el directorio.')).toBeInTheDocument()
    await user.type(screen.getByLabelText('Buscar'), 'zz')
    expect(await screen.findByText('Ningún miembro coincide con la búsqueda.')).toBeInTheDocument()
  })
})

describe('place', () => {
  it('adds the DANE municipality unless the location already names it', () => {
    const cali = { code: '76001', name: 'Cali', departmentCode: '76', departmentName: 'Valle del Cauca' }
    expect(placeOf({ location: 'Barrio San Antonio, cali', municipality: cali })).toBe(
      'Barrio San Antonio, cali',
    )
    expect(placeOf({ location: 'Barrio San Antonio', municipality: cali })).toBe(
      'Barrio San Antonio · Cali, Valle del Cauca',
    )
    expect(placeOf({ location: '', municipality: cali })).toBe('Cali, Valle del Cauca')
    expect(placeOf({ location: 'Remoto', municipality: null })).toBe('Remoto')
  })
})

describe('profile page', () => {
  it('shows bio, skills, place with local time and links as icons', async () => {
    profilesApi({ [`GET ${base}/profiles/${joseId}`]: () => json(joseProfile) })
    renderApp(`/o/coop-la-minga/profiles/${joseId}`)
    expect(await screen.findByRole('heading', { name: 'José Núñez', level: 1 })).toBeInTheDocument()
    expect(screen.getByText(/Me gusta el café/)).toBeInTheDocument()
    expect(screen.getByText('Avanzado')).toBeInTheDocument()
    expect(screen.getByText('Cali')).toBeInTheDocument()
    expect(screen.getByText(/^Hora local: .+ \(America\/Bogota\)$/)).toBeInTheDocument()
    const links = screen.getByRole('group', { name: 'Enlaces' })
    expect(within(links).getByRole('link', { name: 'GitHub' })).toHaveAttribute(
      'href',
      'https://github.com/jose-nunez',
    )
    expect(within(links).getByRole('link', { name: 'LinkedIn' })).toHaveAttribute(
      'rel',
      'noopener noreferrer nofollow',
    )
    expect(within(links).queryByRole('link', { name: 'Sitio web' })).toBeNull()
    // Not mine, and I am not an admin: no edit or hide buttons.
    expect(screen.queryByRole('link', { name: 'Editar mi perfil' })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Ocultar perfil' })).toBeNull()
    expect(document.title).toBe('José Núñez · Minga')
  })

  it('lets an admin hide a profile (PATCH with If-Match)', async () => {
    const api = profilesApi(
      {
        [`GET ${base}/profiles/${joseId}`]: () => json(joseProfile),
        [`PATCH ${base}/profiles/${joseId}`]: () =>
          json({ ...joseProfile, visibility: 'admins', version: 4 }),
      },
      'owner',
    )
    const { user } = renderApp(`/o/coop-la-minga/profiles/${joseId}`)
    await user.click(await screen.findByRole('button', { name: 'Ocultar perfil' }))
    await waitFor(() => expect(api.callsTo('PATCH', `${base}/profiles/${joseId}`)).toHaveLength(1))
    const [patch] = api.callsTo('PATCH', `${base}/profiles/${joseId}`)
    expect(patch!.body).toEqual({ visibility: 'admins' })
    expect(patch!.headers.get('if-match')).toBe('"3"')
  })

  it('says so when the profile is hidden or not a member (404)', async () => {
    profilesApi({
      [`GET ${base}/profiles/${joseId}`]: () => problem(404, 'not_found', { title: 'No encontrado' }),
    })
    renderApp(`/o/coop-la-minga/profiles/${joseId}`)
    expect(await screen.findByText('Este perfil no existe o no está visible para ti.')).toBeInTheDocument()
  })
})

describe('Mi perfil', () => {
  it('saves the form and puts server field errors on their inputs', async () => {
    let attempt = 0
    const api = profilesApi({
      [`GET ${base}/profiles/me`]: () => json(myEmpty),
      [`PUT ${base}/profiles/me`]: () => {
        attempt += 1
        if (attempt === 1)
          return problem(422, 'unprocessable', {
            title: 'Solicitud no procesable',
            detail: 'El perfil tiene campos inválidos',
            errors: [
              {
                path: 'body.links.github',
                message: 'Usa la dirección de tu perfil de GitHub: https://github.com/<usuario>',
              },
              { path: 'body.skills', message: 'Máximo 30 habilidades (enviaste 31)' },
            ],
          })
        return json({ ...myEmpty, headline: 'Diseñadora', version: 1 })
      },
    })
    const { user } = renderApp('/o/coop-la-minga/profiles/me')
    await user.type(await screen.findByLabelText('Titular'), 'Diseñadora')
    const skills = skillsInput()
    await user.type(skills, 'Figma{enter}')
    await user.type(screen.getByLabelText('GitHub'), 'github.com/ana')
    await user.click(screen.getByRole('button', { name: 'Guardar perfil' }))

    expect(
      await screen.findByText('Usa la dirección de tu perfil de GitHub: https://github.com/<usuario>'),
    ).toBeInTheDocument()
    expect(screen.getByLabelText('GitHub')).toHaveAttribute('aria-invalid', 'true')
    expect(screen.getByText('Máximo 30 habilidades (enviaste 31)')).toBeInTheDocument()
    const [first] = api.callsTo('PUT', `${base}/profiles/me`)
    expect(first!.body).toMatchObject({
      headline: 'Diseñadora',
      skills: ['Figma'],
      timezone: 'America/Bogota',
      links: { github: 'github.com/ana', linkedin: null, website: null },
      visibility: 'members',
    })
    // Never saved (version 0): no If-Match.
    expect(first!.headers.get('if-match')).toBeNull()

    await user.clear(screen.getByLabelText('GitHub'))
    await user.click(screen.getByRole('button', { name: 'Guardar perfil' }))
    expect(await screen.findByText('Perfil guardado')).toBeInTheDocument()
  })

  it('offers skills from the directory and refuses a picture over 2 MB before sending it', async () => {
    const api = profilesApi({ [`GET ${base}/profiles/me`]: () => json(myEmpty) })
    const { user } = renderApp('/o/coop-la-minga/profiles/me')
    await screen.findByLabelText('Titular')
    await user.click(skillsInput())
    expect(await screen.findByRole('option', { name: 'TypeScript' })).toBeInTheDocument()

    const big = new File([new Uint8Array(2 * 1024 * 1024 + 1)], 'grande.png', { type: 'image/png' })
    const input = document.querySelector('input[type="file"]') as HTMLInputElement
    await user.upload(input, big)
    expect(await screen.findByText('La foto puede pesar hasta 2 MB.')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Subir foto' })).toBeDisabled()
    expect(api.callsTo('PUT', `${base}/profiles/me/avatar`)).toHaveLength(0)
  })

  it('uploads a picture and shows the server refusal for a disguised file', async () => {
    const api = profilesApi({
      [`GET ${base}/profiles/me`]: () => json(myEmpty),
      [`PUT ${base}/profiles/me/avatar`]: () =>
        problem(422, 'unprocessable', {
          title: 'Solicitud no procesable',
          errors: [{ path: 'file', message: 'El contenido del archivo no corresponde al tipo declarado' }],
        }),
    })
    const { user } = renderApp('/o/coop-la-minga/profiles/me')
    await screen.findByLabelText('Titular')
    const input = document.querySelector('input[type="file"]') as HTMLInputElement
    await user.upload(input, new File(['%PDF-1.4'], 'foto.png', { type: 'image/png' }))
    await user.click(screen.getByRole('button', { name: 'Subir foto' }))
    expect(
      await screen.findByText('El contenido del archivo no corresponde al tipo declarado'),
    ).toBeInTheDocument()
    expect(api.callsTo('PUT', `${base}/profiles/me/avatar`)).toHaveLength(1)
  })
})
