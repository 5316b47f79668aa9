import type { TFunction } from 'i18next'
import { isApiError } from '../../app/api-client.ts'
import { errorMessage } from '../../app/error-message.ts'
import { esCO } from '../../app/i18n/es-co.ts'
import { i18n } from '../../app/i18n/i18n.ts'
import { formatDate } from './assembly-format.ts'

/**
 * The server answers rule errors (notice too short, coefficients ≠ 100 %, barred proxy holder…) as
 * problem+json whose `errors[].message` starts with the domain code: "NOTICE_PERIOD_TOO_SHORT: …".
 * Its detail stays in English (it names the figures), so the screens translate the code and pull the
 * figures out of the message when they can.
 */
type RuleCode = keyof typeof esCO.assemblies.rules

function isRuleCode(code: string): code is RuleCode {
  return Object.hasOwn(esCO.assemblies.rules, code)
}

export interface AssemblyProblem {
  /** Last path segment (`body.noticeSentOn` → `noticeSentOn`), or null when it is about the whole request. */
  field: string | null
  code: string | null
  message: string
}

/** Every rule problem of an error, each with a message in the UI language. */
export function assemblyProblems(t: TFunction, error: unknown): AssemblyProblem[] {
  if (!isApiError(error) || !error.problem?.errors?.length) return []
  return error.problem.errors.map((item) => {
    const match = /^([A-Z][A-Z0-9_]+): (.*)$/s.exec(item.message)
    const code = match?.[1] ?? null
    const raw = match?.[2] ?? item.message
    const segment = item.path.split(/[./]/).filter(Boolean).at(-1) ?? null
    return {
      field: segment === 'body' ? null : segment,
      code,
      message: code && isRuleCode(code) ? ruleMessage(t, code, raw) : raw,
    }
  })
}

/** The first rule code of an error (`DUPLICATE_VOTE`…), if the server named one. */
export function ruleCode(error: unknown): string | null {
  if (!isApiError(error)) return null
  for (const item of error.problem?.errors ?? []) {
    const match = /^([A-Z][A-Z0-9_]+):/.exec(item.message)
    if (match?.[1]) return match[1]
  }
  return null
}

/**
 * Field messages for a form (`form.setErrors`) and the rest for the alert above it: rule problems
 * translated, anything else as `errorMessage` says.
 */
export function formProblems(
  t: TFunction,
  error: unknown,
  fields: readonly string[],
): { fieldErrors: Record<string, string>; general: string[] } {
  const problems = assemblyProblems(t, error)
  const fieldErrors: Record<string, string> = {}
  const general: string[] = []
  for (const problem of problems) {
    if (problem.field && fields.includes(problem.field) && fieldErrors[problem.field] === undefined) {
      fieldErrors[problem.field] = problem.message
    } else {
      general.push(problem.message)
    }
  }
  if (problems.length === 0) general.push(errorMessage(t, error))
  return { fieldErrors, general: [...new Set(general)] }
}

function ruleMessage(t: TFunction, code: RuleCode, raw: string): string {
  if (code === 'NOTICE_PERIOD_TOO_SHORT') {
    const figures = /convened on (\S+) cannot meet before (\S+?);/.exec(raw)
    if (figures?.[1] && figures[2]) {
      return t('assemblies.rules.noticeTooShortOn', {
        notice: formatDate(figures[1], i18n.language),
        earliest: formatDate(figures[2], i18n.language),
      })
    }
  }
  if (code === 'COEFFICIENTS_NOT_100') {
    const figures = /of (\d+) units sum to ([\d.]+) %, ([\d.]+) % (short of|over) 100 %/.exec(raw)
    if (figures) {
      const values = { count: figures[1], sum: decimal(figures[2]), gap: decimal(figures[3]) }
      return figures[4] === 'over'
        ? t('assemblies.rules.coefficientsOver', values)
        : t('assemblies.rules.coefficientsShort', values)
    }
  }
  return t(`assemblies.rules.${code}`)
}

/** "99.999999" as the UI language writes decimals ("99,999999" in Spanish). */
function decimal(value: string | undefined): string {
  if (!value) return ''
  return i18n.language.startsWith('en') ? value : value.replace('.', ',')
}
