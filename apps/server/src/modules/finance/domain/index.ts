// Public API of the finance calculation engine: pure functions, no I/O.

export {
  type AnnuityStep,
  annuityInstallment,
  buildSchedule,
  type LoanSchedule,
  type ScheduleAmounts,
  type ScheduleRow,
  type ScheduleTotals,
} from './amortization-schedule.ts'
export {
  type CapacityToPay,
  type CapacityToPayInput,
  capacityToPay,
  largestRegularPayment,
  type MaximumLoan,
  maximumLoanAmount,
} from './capacity-to-pay.ts'
export {
  type CreditLine,
  effectiveAnnualRateOf,
  lineMaximumAmount,
  validateLoanForLine,
} from './credit-line.ts'
export {
  accruesInterestToIncome,
  applyDragRule,
  categoryRank,
  type DebtorLoan,
  type DraggedLoan,
  riskCategory,
  worstCategory,
} from './credit-risk.ts'
export {
  DAY_COUNTS,
  type DayCount,
  days30E360,
  type YearFraction,
  type YearFractionPart,
  yearFraction,
  yearFractionValue,
} from './day-count.ts'
export {
  accrueDefaultInterest,
  appliedDefaultRate,
  type DefaultInterestMethod,
  type DefaultInterestPolicy,
  defaultInterestFor,
} from './default-interest.ts'
export { ENGINE_ERROR_CODES, EngineError, type EngineErrorCode, isEngineError } from './errors.ts'
export { applyExtraPayment, type ExtraPayment, type ExtraPaymentChoice } from './extra-payment.ts'
export {
  GMF_MONTHLY_EXEMPT_UVT,
  GMF_RATE,
  type GmfResult,
  type GmfWithdrawal,
  gmfMonthlyExemption,
  gmfOnWithdrawal,
} from './gmf.ts'
export { type LoanPeriod, loanPeriods } from './loan-periods.ts'
export {
  type ComponentAmounts,
  daysPastDue,
  type InstallmentState,
  installmentStates,
  isInArrears,
  LOAN_COMPONENTS,
  type LoanComponent,
  outstandingOf,
  totalOutstanding,
} from './loan-state.ts'
export {
  type AmortizationMethod,
  type ExtraInstallment,
  FREQUENCIES,
  type GraceInterestTreatment,
  type InterestCalculation,
  type LoanRate,
  type LoanTerms,
  type NormalizedLoanTerms,
  normalizeLoanTerms,
  type RepaymentFrequency,
} from './loan-terms.ts'
export {
  Decimal,
  decimalFromMinor,
  fromMinorUnits,
  type Numeric,
  sum,
  toDecimal,
  toMinorUnits,
} from './money.ts'
export { isValidNit, nitCheckDigit, normalizeNit } from './nit.ts'
export {
  type AllocationLine,
  type AllocationStrategy,
  allocatePayment,
  DEFAULT_ALLOCATION_ORDER,
  type ExcessHandling,
  type PaymentAllocation,
  type PaymentRequest,
} from './payment-allocation.ts'
export { type PayoffQuote, payoffAmount } from './payoff.ts'
export {
  type CategoryShare,
  type PastDueDefinition,
  type PortfolioIndicators,
  type PortfolioLoan,
  portfolioIndicators,
  type Vintage,
} from './portfolio-indicators.ts'
export {
  type ProgrammedSavingsPlan,
  type ProgrammedSavingsRow,
  type ProgrammedSavingsSchedule,
  programmedSavingsSchedule,
} from './programmed-savings.ts'
export {
  debtorProvisions,
  generalProvision,
  individualProvision,
  type Provision,
  type ProvisionInput,
  provisionRate,
} from './provisioning.ts'
export {
  annualRate,
  anticipatedToArrears,
  arrearsToAnticipated,
  effectiveAnnualToDaily,
  effectiveAnnualToNominal,
  effectiveAnnualToPeriodic,
  effectiveRateFor,
  nominalAnticipatedToEffectiveAnnual,
  nominalRateFor,
  nominalToEffectiveAnnual,
  percent,
  periodicToEffectiveAnnual,
} from './rates.ts'
export {
  GENERAL_PROVISION_RATE,
  type ProvisionTable,
  RISK_CATEGORIES,
  RISK_MODALITIES,
  type RiskCategory,
  type RiskCategoryTable,
  type RiskModality,
  SUPERSOLIDARIA_CATEGORIES_2020,
  SUPERSOLIDARIA_PROVISIONS_2008,
} from './risk-tables.ts'
export {
  COP_ROUNDING,
  FINERACT_ROUNDING,
  type RoundingMode,
  type RoundingPolicy,
  type RoundingPolicyInput,
  roundAmount,
  roundInstallment,
  roundingPolicy,
} from './rounding-policy.ts'
export {
  accrueSavingsInterest,
  type BalanceMovement,
  dailySavingsInterest,
  type InterestPosting,
  postSavingsInterest,
  type SavingsAccrual,
  type SavingsAccrualInput,
  type SavingsProduct,
  type SavingsRate,
  type SavingsRateConvention,
  savingsInterestForPeriod,
  savingsRate,
} from './savings-interest.ts'
export {
  type EarlyWithdrawalPenalty,
  type TermDeposit,
  type TermDepositSettlement,
  termDepositAtMaturity,
  termDepositEarlyWithdrawal,
} from './term-deposit.ts'
export {
  type AccrualSegment,
  assertWithinUsury,
  cappedAccrualSegments,
  checkUsury,
  interestWithinUsury,
  maxEffectiveMonthlyRate,
  type UsuryCheck,
  type UsuryStage,
  usuryCapFromBankingRate,
  usuryRateAt,
} from './usury.ts'
export { USURY_RATES, type UsuryModality, type UsuryRate } from './usury-rates.ts'
export { UVT_VALUES, type UvtValue, uvtFor, uvtToPesos } from './uvt.ts'
