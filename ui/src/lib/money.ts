/**
 * Money and rates. Amounts arrive as whole öre (1/100 SEK) excluding VAT; they are formatted
 * in the interface's locale (`i18n.format.locale`), with Swedish formatting when none is given:
 * prices with their öre, budgets (the replacement forecast) in whole kronor.
 */

export const DEFAULT_LOCALE = "sv-SE";

const currencyFormats = new Map<string, Intl.NumberFormat>();
const kronorFormats = new Map<string, Intl.NumberFormat>();
const percentFormats = new Map<string, Intl.NumberFormat>();

function cached(
  cache: Map<string, Intl.NumberFormat>,
  locale: string,
  options: Intl.NumberFormatOptions,
): Intl.NumberFormat {
  let format = cache.get(locale);
  if (format === undefined) {
    format = new Intl.NumberFormat(locale, options);
    cache.set(locale, format);
  }
  return format;
}

/** "12 345,50 kr" for 1 234 550 öre in Swedish; always two decimals, so prices line up. */
export function formatOre(ore: number, locale: string = DEFAULT_LOCALE): string {
  return cached(currencyFormats, locale, {
    style: "currency",
    currency: "SEK",
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(ore / 100);
}

/** "12 346 kr" for 1 234 550 öre in Swedish, "SEK 12,346" in English: a budget is read in thousands, not öre. */
export function formatSek(ore: number, locale: string = DEFAULT_LOCALE): string {
  // The minimum as well: SEK's default two decimals would otherwise clash with a maximum of none.
  return cached(kronorFormats, locale, {
    style: "currency",
    currency: "SEK",
    minimumFractionDigits: 0,
    maximumFractionDigits: 0,
  }).format(ore / 100);
}

/** "25 %" for 2500 basis points (hundredths of a percent). */
export function formatVatRate(basisPoints: number, locale: string = DEFAULT_LOCALE): string {
  return cached(percentFormats, locale, { style: "percent", maximumFractionDigits: 2 }).format(basisPoints / 10_000);
}

/** Why an amount typed in kronor could not be read. */
export type SekProblem = "empty" | "format" | "decimals" | "too_large";

export type SekParse = { readonly ok: true; readonly ore: number } | { readonly ok: false; readonly problem: SekProblem };

/**
 * Digit groups as Swedish (and pasted) amounts are written: a space, a no-break space or
 * the narrow no-break space `Intl` itself puts between groups ("9 490,00 kr").
 */
const GROUP_SEPARATOR = "[ \\u00a0\\u202f]";
const WHOLE_KRONOR = new RegExp(`^(?:\\d+|\\d{1,3}(?:${GROUP_SEPARATOR}\\d{3})+)$`);

/**
 * More than this many digits of kronor is no price of a device, and would lose öre in a
 * JavaScript number (exact up to 2^53 öre, about 90 000 billion kronor).
 */
const MAX_KRONOR_DIGITS = 13;

/**
 * An amount in kronor as a person types it, in whole öre: "9 490,00", "9490", "9 490,5",
 * "9490.50". Digit groups of three may be separated by spaces; the decimal mark is a comma
 * or a dot, followed by at most two decimals (öre). Anything else (a sign, a currency, two
 * decimal marks, groups that are not of three) is refused rather than guessed at: "9.490"
 * could be nine kronor or nine thousand.
 */
export function parseSek(text: string): SekParse {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: false, problem: "empty" };
  const match = /^([^.,]+)(?:[.,](\d*))?$/.exec(trimmed);
  if (match === null) return { ok: false, problem: "format" };
  const whole = match[1] ?? "";
  const decimals = match[2];
  if (!WHOLE_KRONOR.test(whole)) return { ok: false, problem: "format" };
  // "9490," has a decimal mark with nothing after it: most likely the öre are missing.
  if (decimals !== undefined && decimals === "") return { ok: false, problem: "format" };
  if (decimals !== undefined && decimals.length > 2) return { ok: false, problem: "decimals" };
  const digits = whole.replace(/\D/g, "").replace(/^0+(?=\d)/, "");
  if (digits.length > MAX_KRONOR_DIGITS) return { ok: false, problem: "too_large" };
  const ore = Number(digits) * 100 + Number((decimals ?? "").padEnd(2, "0"));
  return { ok: true, ore };
}
