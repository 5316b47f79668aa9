// Finance engine benchmark: run with `node bench/scenarios/finance-engine.ts`. Prints figures, asserts nothing.
import { cpus } from 'node:os'
import {
  type BalanceMovement,
  buildSchedule,
  COP_ROUNDING,
  Decimal,
  type LoanTerms,
  savingsInterestForPeriod,
  savingsRate,
} from '../../apps/server/src/modules/finance/domain/index.ts'
import { EVERY_DAY_CALENDAR } from '../../apps/server/src/platform/calendar/index.ts'

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

function materialize(terms: LoanTerms): void {
  let sink = 0
  for (const row of buildSchedule(terms, EVERY_DAY_CALENDAR, COP_ROUNDING).rows) {
    sink +=
      row.openingBalance.e + row.principal.e + row.interest.e + row.accruedInterest.e + row.extraPayment.e
    sink += row.extraInstallment.e + row.installment.e + row.insurance.e + row.fees.e + row.totalDue.e
    sink += row.closingBalance.e
  }
  if (sink < 0) throw new Error('unreachable')
}

function timeSchedule(label: string, terms: LoanTerms, runs: number): void {
  const coldStart = performance.now()
  const first = buildSchedule(terms, EVERY_DAY_CALENDAR, COP_ROUNDING)
  const cold = performance.now() - coldStart
  for (let i = 0; i < 50; i++) buildSchedule(terms, EVERY_DAY_CALENDAR, COP_ROUNDING)
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    buildSchedule(terms, EVERY_DAY_CALENDAR, COP_ROUNDING)
    samples.push(performance.now() - start)
  }
  // Rows keep bigint minor units and build each Decimal on first read: time that too.
  const withDecimals: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    materialize(terms)
    withDecimals.push(performance.now() - start)
  }
  console.log(
    `schedule ${label}: ${first.rows.length} installments, median ${median(samples).toFixed(3)} ms, ` +
      `p95 ${percentile(samples, 95).toFixed(3)} ms over ${runs} runs (first call ${cold.toFixed(3)} ms; target < 1 ms); ` +
      `reading every amount as a Decimal too: median ${median(withDecimals).toFixed(3)} ms`,
  )
}

// Deterministic data: the same accounts on every run.
function prng(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

function savingsBenchmark(accounts: number): void {
  const random = prng(7)
  const days = Array.from({ length: 30 }, (_, i) => `2025-06-${String(i + 1).padStart(2, '0')}`)
  // Movements in date order; a withdrawal never takes more than the balance of its day.
  const data = Array.from({ length: accounts }, () => {
    const opening = Math.floor(random() * 20_000_000)
    const dates = Array.from({ length: Math.floor(random() * 5) }, () => Math.floor(random() * 30)).sort(
      (a, b) => a - b,
    )
    let balance = opening
    const movements: BalanceMovement[] = dates.map((day) => {
      const amount = random() < 0.6 ? Math.floor(random() * 2_000_000) + 1 : -Math.floor(random() * balance)
      balance += amount
      return { date: days[day]!, amount }
    })
    return { opening, movements }
  })
  const rate = savingsRate({ annualRate: '0.035', minimumBalance: 100_000, withholdingRate: '0.07' })
  const movementCount = data.reduce((n, a) => n + a.movements.length, 0)

  const start = performance.now()
  let posted = new Decimal(0)
  for (const account of data) {
    const result = savingsInterestForPeriod(
      { openingBalance: account.opening, movements: account.movements, from: '2025-06-01', to: '2025-06-30' },
      rate,
      COP_ROUNDING,
    )
    posted = posted.plus(result.posting.gross)
  }
  const periodMs = performance.now() - start
  console.log(
    `savings ${accounts.toLocaleString('en')} accounts, June 2025 (30 days, ${movementCount.toLocaleString('en')} movements): ` +
      `daily-balance interest with monthly posting in ${periodMs.toFixed(0)} ms (target < 2000 ms); ` +
      `posted ${posted.toFixed()} COP`,
  )
}

console.log(
  `finance engine benchmark: node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, one core`,
)
const mortgage: LoanTerms = {
  principal: 180_000_000,
  disbursementDate: '2025-01-15',
  numberOfInstallments: 360,
  frequency: 'MONTHLY',
  amortization: 'FRENCH',
  rate: { mode: 'EFFECTIVE', effectiveAnnualRate: '0.1160' },
  insurance: { monthlyRate: '0.0004' },
}
timeSchedule('French EA per period, 360 months', mortgage, 500)
timeSchedule(
  'French EA daily ACT/365, 360 months',
  { ...mortgage, interestCalculation: 'DAILY', dayCount: 'ACT/365' },
  500,
)
timeSchedule(
  'German nominal 30/360, 360 months',
  { ...mortgage, amortization: 'GERMAN', rate: { mode: 'NOMINAL', nominalAnnualRate: '0.11' } },
  500,
)
savingsBenchmark(100_000)
