import { describe, expect, it } from 'vitest'
import { bogotaDate } from '../../../platform/calendar/index.ts'
import { businessDaysLeft, extendedDueDate, initialDueDate, reminderDate } from '../due-dates.ts'

describe('Ley 1581 due dates on the Colombian business-day calendar', () => {
  it('consulta: 10 business days from the day after receipt, skipping Semana Santa 2025', () => {
    // Holy Thursday and Good Friday 2025 are 17 and 18 April.
    expect(initialDueDate('consulta', '2025-04-11')).toBe('2025-04-29')
    // Extension: 5 business days after the first term, skipping 1 May.
    expect(extendedDueDate('consulta', '2025-04-29')).toBe('2025-05-07')
  })

  it('reclamo: 15 business days, skipping Semana Santa 2026 (2 and 3 April), then +8', () => {
    expect(initialDueDate('reclamo', '2026-03-25')).toBe('2026-04-17')
    expect(extendedDueDate('reclamo', '2026-04-17')).toBe('2026-04-29')
  })

  it('supresión follows the reclamo terms', () => {
    expect(initialDueDate('supresion', '2026-03-25')).toBe('2026-04-17')
    expect(extendedDueDate('supresion', '2026-04-17')).toBe('2026-04-29')
  })

  it('crosses the year end: Christmas, New Year and the Epiphany Monday (6 January 2025)', () => {
    expect(initialDueDate('consulta', '2024-12-20')).toBe('2025-01-08')
  })

  it('a request received on a Saturday before an Emiliani Monday (18 August 2025) starts on Tuesday', () => {
    expect(initialDueDate('consulta', '2025-08-16')).toBe('2025-09-01')
  })

  it('Semana Santa 2024 (28 and 29 March) and the San José Monday (25 March 2024)', () => {
    // Received Friday 22 March 2024: 25, 28 and 29 March are holidays.
    expect(initialDueDate('consulta', '2024-03-22')).toBe('2024-04-10')
  })

  it('reminds 2 business days before the due date, skipping holidays backwards', () => {
    expect(reminderDate('2026-04-17')).toBe('2026-04-15')
    expect(reminderDate('2025-04-22')).toBe('2025-04-16')
  })

  it('counts business days left, negative when overdue', () => {
    expect(businessDaysLeft('2025-04-16', '2025-04-22')).toBe(2)
    expect(businessDaysLeft('2025-04-22', '2025-04-22')).toBe(0)
    expect(businessDaysLeft('2025-04-24', '2025-04-22')).toBe(-2)
  })

  it("uses Bogotá's civil date", () => {
    // 03:00 UTC is still the previous evening in Bogotá (UTC−5).
    expect(bogotaDate(new Date('2026-01-02T03:00:00Z'))).toBe('2026-01-01')
  })
})
