import { currencyLabel } from "./currency-name.ts";

// The currencies most shops sell in come first; every ISO 4217 code the browser knows follows,
// and the server has the last word on which codes it accepts.
const common = [
  "USD",
  "EUR",
  "GBP",
  "CAD",
  "AUD",
  "NZD",
  "CHF",
  "SEK",
  "NOK",
  "DKK",
  "PLN",
  "JPY",
  "INR",
  "SGD",
  "BRL",
  "MXN",
  "ZAR",
];

export interface CurrencyOption {
  code: string;
  label: string;
}

function option(code: string): CurrencyOption {
  return { code, label: currencyLabel(code) };
}

const all = Intl.supportedValuesOf("currency");

export const commonCurrencies: CurrencyOption[] = common.filter((code) => all.includes(code)).map(option);
export const otherCurrencies: CurrencyOption[] = all.filter((code) => !common.includes(code)).map(option);

/** A currency the lists lack (saved before the browser's data changed) still shows up. */
export function currencyOptionsIncluding(code: string | undefined): CurrencyOption[] {
  if (!code || all.includes(code)) return [];
  return [option(code)];
}
