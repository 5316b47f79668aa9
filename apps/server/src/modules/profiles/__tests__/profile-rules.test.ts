import { describe, expect, it } from 'vitest'
import { checkProfile, isTimeZone, normalizeSkills, type ProfileFields } from '../domain/profile-rules.ts'

const empty: ProfileFields = {
  headline: '',
  bio: '',
  skills: [],
  experienceLevel: null,
  location: '',
  municipalityCode: null,
  timezone: 'America/Bogota',
  github: null,
  linkedin: null,
  website: null,
  visibility: 'members',
}
const known = (code: string) => code === '76001'
const problemsOf = (input: Parameters<typeof checkProfile>[0], locale: 'es' | 'en' = 'en') =>
  checkProfile(input, empty, locale, known).problems.map((p) => p.path)

describe('skills', () => {
  it('trims, collapses spaces and drops case-insensitive duplicates, keeping the first spelling', () => {
    expect(normalizeSkills([' React ', 'react', 'Diseño  UX', 'DISEÑO UX', 'Node.js'])).toEqual([
      'React',
      'Diseño UX',
      'Node.js',
    ])
  })

  it('counts 30 distinct skills as the limit (duplicates do not count)', () => {
    const thirty = Array.from({ length: 30 }, (_, i) => `s${i}`)
    expect(problemsOf({ skills: [...thirty, 'S0'] })).toEqual([])
    expect(problemsOf({ skills: [...thirty, 'extra'] })).toEqual(['body.skills'])
    expect(problemsOf({ skills: ['  '] })).toEqual(['body.skills'])
    expect(problemsOf({ skills: ['x'.repeat(40)] })).toEqual([])
  })
})

describe('links', () => {
  it.each([
    ['github', 'https://github.com/minga-coop', true],
    ['github', 'https://github.com/minga-coop/', true],
    ['github', 'http://github.com/minga', false],
    ['github', 'https://github.com/minga/repo', false],
    ['github', 'https://github.com/-minga', false],
    ['linkedin', 'https://www.linkedin.com/in/jose-nunez', true],
    ['linkedin', 'https://linkedin.com/in/josé-núñez', true],
    ['linkedin', 'https://www.linkedin.com/company/minga', false],
    ['website', 'https://minga.coop/sobre', true],
    ['website', 'http://minga.coop', false],
    ['website', 'https://localhost', false],
    ['website', 'javascript:alert(1)', false],
  ] as const)('%s %s → %s', (link, value, ok) => {
    expect(problemsOf({ links: { [link]: value } })).toEqual(ok ? [] : [`body.links.${link}`])
  })

  it('treats blank links as none and strips a trailing slash', () => {
    const { fields } = checkProfile(
      { links: { github: '  ', linkedin: 'https://www.linkedin.com/in/ana/' } },
      empty,
      'en',
      known,
    )
    expect(fields).toMatchObject({ github: null, linkedin: 'https://www.linkedin.com/in/ana' })
  })
})

describe('other fields', () => {
  it('checks time zones against the IANA list', () => {
    expect(isTimeZone('America/Bogota')).toBe(true)
    expect(isTimeZone('UTC')).toBe(true)
    expect(isTimeZone('America/Cali')).toBe(false)
    expect(problemsOf({ timezone: 'Bogotá' })).toEqual(['body.timezone'])
  })

  it('bounds lengths and refuses control characters; answers in Spanish', () => {
    const { problems } = checkProfile(
      { headline: 'h'.repeat(121), bio: 'b'.repeat(2001), location: 'l'.repeat(121) },
      empty,
      'es',
      known,
    )
    expect(problems.map((p) => p.message)).toEqual([
      'Máximo 120 caracteres (este tiene 121)',
      'Máximo 2.000 caracteres (esta tiene 2.001)',
      'Máximo 120 caracteres (esta tiene 121)',
    ])
    expect(problemsOf({ bio: 'hola\u0007' })).toEqual(['body.bio'])
    expect(problemsOf({ headline: 'dos\nlíneas' })).toEqual(['body.headline'])
  })

  it('accepts only known DANE municipality codes', () => {
    expect(problemsOf({ municipalityCode: '76001' })).toEqual([])
    expect(problemsOf({ municipalityCode: '76999' })).toEqual(['body.municipalityCode'])
    expect(problemsOf({ municipalityCode: 'Cali' })).toEqual(['body.municipalityCode'])
    expect(checkProfile({ municipalityCode: '' }, empty, 'en', known).fields.municipalityCode).toBeNull()
  })

  it('keeps current values for fields a PATCH does not send', () => {
    const current = { ...empty, headline: 'Antes', skills: ['Go'] }
    expect(checkProfile({ bio: 'Nueva' }, current, 'en', known).fields).toMatchObject({
      headline: 'Antes',
      skills: ['Go'],
      bio: 'Nueva',
    })
  })
})
