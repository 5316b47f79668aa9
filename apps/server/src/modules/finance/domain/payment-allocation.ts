import { type IsoDate, toEpochDay } from '../../../platform/calendar/index.ts'
import { EngineError } from './errors.ts'
import { type InstallmentState, LOAN_COMPONENTS, type LoanComponent, outstandingOf } from './loan-state.ts'
import { type Decimal, minDecimal, type Numeric, positiveAmount } from './money.ts'

/** Mora → insurance → fees → interest → principal: the usual Colombian order (Fineract's mifos-standard, with mora first). */
export const DEFAULT_ALLOCATION_ORDER: readonly LoanComponent[] = [
  'defaultInterest',
  'insurance',
  'fees',
  'interest',
  'principal',
]

/**
 * INSTALLMENT_FIRST settles the oldest installment completely (in component order) before the next one.
 * COMPONENT_FIRST settles a component across all due installments before the next component.
 */
export type AllocationStrategy = 'INSTALLMENT_FIRST' | 'COMPONENT_FIRST'

/** What to do with money left after everything due is paid: hand it back, or pay the next installments early. */
export type ExcessHandling = 'RETURN' | 'NEXT_INSTALLMENTS'

export interface PaymentRequest {
  readonly amount: Numeric
  readonly date: IsoDate
  readonly order?: readonly LoanComponent[]
  readonly strategy?: AllocationStrategy
  readonly excess?: ExcessHandling
}

export interface AllocationLine {
  readonly installment: number
  readonly component: LoanComponent
  readonly amount: Decimal
}

export interface PaymentAllocation {
  readonly installments: InstallmentState[]
  readonly lines: AllocationLine[]
  readonly allocated: Decimal
  /** Money not applied (RETURN, or more than the whole loan): an extra payment, a credit balance or a refund. */
  readonly excess: Decimal
}

function assertOrder(order: readonly LoanComponent[]): void {
  const unique = new Set(order)
  if (
    order.length !== LOAN_COMPONENTS.length ||
    unique.size !== order.length ||
    !order.every((c) => LOAN_COMPONENTS.includes(c))
  ) {
    throw new EngineError(
      'INVALID_INPUT',
      `allocation order must list each of ${LOAN_COMPONENTS.join(', ')} exactly once, got ${order.join(', ')}`,
    )
  }
}

/** Applies a payment (partial or not) to the installments, oldest first, in the configured order. */
export function allocatePayment(
  installments: readonly InstallmentState[],
  request: PaymentRequest,
): PaymentAllocation {
  const amount = positiveAmount(request.amount, 'payment amount')
  const order = request.order ?? DEFAULT_ALLOCATION_ORDER
  assertOrder(order)
  const strategy = request.strategy ?? 'INSTALLMENT_FIRST'
  if (strategy !== 'INSTALLMENT_FIRST' && strategy !== 'COMPONENT_FIRST') {
    throw new EngineError('INVALID_INPUT', `unknown allocation strategy ${String(strategy)}`)
  }
  const excessHandling = request.excess ?? 'RETURN'
  if (excessHandling !== 'RETURN' && excessHandling !== 'NEXT_INSTALLMENTS') {
    throw new EngineError('INVALID_INPUT', `unknown excess handling ${String(excessHandling)}`)
  }
  const today = toEpochDay(request.date)
  const state = installments.map((i) => ({ ...i, paid: { ...i.paid } as Record<LoanComponent, Decimal> }))
  const byDueDate = [...state.keys()].sort(
    (a, b) =>
      toEpochDay(state[a]!.dueDate) - toEpochDay(state[b]!.dueDate) || state[a]!.number - state[b]!.number,
  )
  const due = byDueDate.filter((i) => toEpochDay(state[i]!.dueDate) <= today)
  const future = byDueDate.filter((i) => toEpochDay(state[i]!.dueDate) > today)
  const lines: AllocationLine[] = []
  let remaining = amount

  const pay = (index: number, component: LoanComponent) => {
    if (remaining.isZero()) return
    const installment = state[index]!
    const applied = minDecimal(remaining, outstandingOf(installment, component))
    if (applied.lte(0)) return
    installment.paid[component] = installment.paid[component].plus(applied)
    remaining = remaining.minus(applied)
    lines.push({ installment: installment.number, component, amount: applied })
  }

  if (strategy === 'INSTALLMENT_FIRST') {
    for (const index of due) for (const component of order) pay(index, component)
  } else {
    for (const component of order) for (const index of due) pay(index, component)
  }
  if (excessHandling === 'NEXT_INSTALLMENTS') {
    for (const index of future) for (const component of order) pay(index, component)
  }
  return { installments: state, lines, allocated: amount.minus(remaining), excess: remaining }
}
