// Exact money (docs/revenue.md): amounts are integers of a fixed decimal scale, in BigInt, parsed
// from a number's decimal text and never multiplied as binary floats. A charge line is rounded
// half away from zero to its currency's minor unit (ISO 4217 exponent) once, at the end.

/** Scale of unit prices: prices have at most 4 decimals (docs/revenue.md). */
export const PRICE_DECIMALS = 4;

/** Scale of usage units: usage is kept to 6 decimals (src/evaluate/bucket.ts). */
export const UNIT_DECIMALS = 6;

/** Scale of a price × units product, before it is rounded to a minor unit. */
export const PRODUCT_DECIMALS = PRICE_DECIMALS + UNIT_DECIMALS;

/** ISO 4217 currencies whose minor unit is not 1/100 (every other code has exponent 2). */
const EXPONENTS: Readonly<Record<string, number>> = {
  // No minor unit.
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, UYI: 0, VND: 0,
  VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  // Thousandths.
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  // Ten-thousandths (units of account).
  CLF: 4, UYW: 4,
};

/** Decimals of a currency's minor unit (ISO 4217): 2 unless the table says otherwise; 2 for no currency. */
export function currencyExponent(currency: string | null | undefined): number {
  if (currency === null || currency === undefined) return 2;
  return Object.prototype.hasOwnProperty.call(EXPONENTS, currency) ? EXPONENTS[currency]! : 2;
}

/** 10^n as a BigInt. */
export function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

/** `value / divisor` rounded half away from zero (divisor > 0). */
export function divRound(value: bigint, divisor: bigint): bigint {
  const half = divisor / 2n;
  const odd = divisor % 2n !== 0n;
  if (value >= 0n) {
    const q = value / divisor;
    const r = value - q * divisor;
    return r > half || (r === half && !odd) ? q + 1n : q;
  }
  return -divRound(-value, divisor);
}

/** Matches a JavaScript number's decimal text: sign, digits, fraction, exponent. */
const NUMBER_TEXT = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

/**
 * A finite number as an integer of `decimals` decimals, read from its shortest decimal text
 * (`String(0.1)` is "0.1", so 0.1 is exactly 1000 at 4 decimals). Digits beyond the scale are
 * rounded half away from zero. Throws a RangeError for a non-finite number.
 */
export function scaled(n: number, decimals: number): bigint {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite amount: ${n}`);
  const match = NUMBER_TEXT.exec(String(n));
  if (match === null) throw new RangeError(`unexpected number text: ${String(n)}`);
  const [, sign, whole, fraction = '', exponent = '0'] = match;
  // digits × 10^(shift) where shift counts the decimals wanted beyond those written.
  const digits = BigInt(whole! + fraction);
  const shift = decimals + Number(exponent) - fraction.length;
  const magnitude = shift >= 0 ? digits * pow10(shift) : divRound(digits, pow10(-shift));
  return sign === '-' ? -magnitude : magnitude;
}

/** An integer of `from` decimals re-scaled to `to` decimals, rounded half away from zero. */
export function rescale(value: bigint, from: number, to: number): bigint {
  return to >= from ? value * pow10(to - from) : divRound(value, pow10(from - to));
}

/** A price × units product (PRODUCT_DECIMALS) rounded to the currency's minor units. */
export function toMinor(product: bigint, currency: string | null | undefined): bigint {
  return rescale(product, PRODUCT_DECIMALS, currencyExponent(currency));
}

/**
 * Minor units as the JSON number a report shows: the nearest double to the exact decimal, which
 * prints as that decimal (`1234n` EUR → 12.34) as long as it fits in 15 significant digits.
 */
export function minorToNumber(minor: bigint, currency: string | null | undefined): number {
  const exponent = currencyExponent(currency);
  // Division by a power of ten is correctly rounded, so the double is the nearest one to the decimal.
  return Number(minor) / 10 ** exponent + 0;
}

/** A decimal amount (a package's price or fee, a JSON number) in the currency's minor units. */
export function numberToMinor(n: number, currency: string | null | undefined): bigint {
  return scaled(n, currencyExponent(currency));
}

/** Minor units as text with their currency, for tables and pages: `1,234.50 EUR`, `1,200 JPY`. */
export function formatMinor(minor: bigint, currency: string | null | undefined): string {
  const exponent = currencyExponent(currency);
  const negative = minor < 0n;
  const digits = (negative ? -minor : minor).toString().padStart(exponent + 1, '0');
  // Thousands grouped, as the tables group counts: 1,234.50 EUR.
  const whole = digits.slice(0, digits.length - exponent).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const text = exponent === 0 ? whole : `${whole}.${digits.slice(digits.length - exponent)}`;
  return `${negative ? '-' : ''}${text}${currency ? ` ${currency}` : ''}`;
}

/** A report amount (a JSON number of a currency) with its currency: `12.3` EUR → `12.30 EUR`. */
export function formatAmount(amount: number, currency: string | null | undefined): string {
  return formatMinor(numberToMinor(amount, currency), currency);
}
