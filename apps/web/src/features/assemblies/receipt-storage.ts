/**
 * The voter's receipts, kept on their own device so "ya votó" still shows the receipt after a
 * reload. Only the receipt hash: never the choice or the nonce (someone else may pick up the phone).
 */
const key = (motionId: string, unitId: string) => `minga.receipt.${motionId}.${unitId}`

export function storeReceipt(motionId: string, unitId: string, receipt: string) {
  try {
    localStorage.setItem(key(motionId, unitId), receipt)
  } catch {
    // storage unavailable (private mode): the receipt is still on screen
  }
}

export function readStoredReceipt(motionId: string, unitId: string): string | null {
  try {
    return localStorage.getItem(key(motionId, unitId))
  } catch {
    return null
  }
}
