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
