/**
 * Bonferroni per-key p-value threshold that keeps the family-wise error rate at `alpha` across
 * `keys` active keys (as ECDC's epitweetr does): a key alarms when its tail p-value is ≤ the result.
 */
export function familyWiseThreshold(alpha: number, keys: number): number {
  if (!(alpha > 0)) return 0
  const a = Math.min(alpha, 1)
  return keys >= 1 ? a / Math.floor(keys) : a
}

/** Whether a tail p-value is significant after Bonferroni correction over `keys` active keys. */
export function isFamilyWiseSignificant(pValue: number, alpha: number, keys: number): boolean {
  return Number.isFinite(pValue) && pValue <= familyWiseThreshold(alpha, keys)
}
