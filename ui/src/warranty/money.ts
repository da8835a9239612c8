/**
 * Budget amounts of the replacement forecast. They arrive as whole öre (SEK × 100) excluding
 * VAT and are shown in whole kronor: a forecast is read in thousands, not in öre.
 */

const formats = new Map<string, Intl.NumberFormat>();

/** "12 346 kr" for 1 234 550 öre in Swedish, "SEK 12,346" in English; `locale` as `i18n.format.locale`. */
export function formatSek(ore: number, locale: string): string {
  let format = formats.get(locale);
  if (format === undefined) {
    // The minimum as well: SEK's default two decimals would otherwise clash with a maximum of none.
    format = new Intl.NumberFormat(locale, {
      style: "currency",
      currency: "SEK",
      minimumFractionDigits: 0,
      maximumFractionDigits: 0,
    });
    formats.set(locale, format);
  }
  return format.format(ore / 100);
}
