import type { CurrencyCode } from "./domain.ts";

const exponents = new Map<string, number>();

/** Digits after the decimal point in a currency's minor unit: USD 2, JPY 0, KWD 3. */
export function currencyExponent(currency: CurrencyCode): number {
  let exponent = exponents.get(currency);
  if (exponent === undefined) {
    exponent =
      new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ??
      2;
    exponents.set(currency, exponent);
  }
  return exponent;
}

const decimalPattern = /^(-)?(\d+)(?:\.(\d+))?$/;

/**
 * A decimal string in major units ("14.35", "-3", "0.005") to integer minor
 * units, exactly (no floats); digits past the minor unit round half away from
 * zero. Returns null for text that is not a decimal number.
 */
export function decimalToMinor(amount: string, currency: CurrencyCode): number | null {
  const match = decimalPattern.exec(amount.trim());
  if (!match) return null;
  const [, sign, whole = "0", fraction = ""] = match;
  const exponent = currencyExponent(currency);
  const kept = fraction.padEnd(exponent, "0").slice(0, exponent);
  let minor = BigInt(whole + kept);
  if ((fraction[exponent] ?? "0") >= "5") minor += 1n;
  return Number(sign ? -minor : minor);
}

/** Google's micros (millionths of a major unit, an int64 string) to minor units, rounding half away from zero. */
export function microsToMinor(micros: string | number, currency: CurrencyCode): number | null {
  const text = String(micros);
  if (!/^-?\d+$/.test(text)) return null;
  const value = BigInt(text);
  const divisor = 10n ** BigInt(6 - currencyExponent(currency));
  const negative = value < 0n;
  const magnitude = negative ? -value : value;
  const rounded = (magnitude + divisor / 2n) / divisor;
  return Number(negative ? -rounded : rounded);
}

/** A major-unit number (as Google sends `conversions_value`) to minor units, via its shortest decimal form. */
export function majorNumberToMinor(value: number, currency: CurrencyCode): number {
  return decimalToMinor(value.toFixed(Math.min(currencyExponent(currency) + 4, 20)), currency) ?? 0;
}
