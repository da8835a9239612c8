import type { ErrorPayload, Language } from "../bindings";
import { en } from "./en";
import { sv } from "./sv";
import { interpolate, type Dictionary, type MessageKey, type Params, type PluralKey } from "./dictionary";
import { createFormatter, type Formatter } from "./format";
import { localeFor } from "./language";

export const DICTIONARIES: Readonly<Record<Language, Dictionary>> = { en, sv };

export type Translator = {
  readonly language: Language;
  readonly format: Formatter;
  t: (key: MessageKey, params?: Params) => string;
  /** Picks the `.one` / `.other` form and passes the locale-formatted count as `{count}`. */
  count: (key: PluralKey, count: number) => string;
  /** The user-facing sentence for a backend error; the technical `message` is never shown here. */
  error: (error: ErrorPayload) => string;
  /**
   * Label of a backend enum value. A value this build does not know yet (a newer
   * backend) is shown as it is instead of breaking the page. `params` fill a label that
   * has placeholders (the warranty's "expiring within {days} days").
   */
  enumLabel: (kind: EnumKind, value: string, params?: Params) => string;
};

/**
 * Prefixes of the dictionary keys that label a backend enum. `warranty.kpi` words the
 * warranty statuses for the Warranty view's cards, and the same words serve the inventory's
 * warranty filter and the overview.
 */
export type EnumKind =
  | "os"
  | "ownership"
  | "lifecycle"
  | "compliance"
  | "reason"
  | "source"
  | "warranty.kpi"
  | "certification";

function lookup(dictionary: Dictionary, key: string): string | undefined {
  return Object.hasOwn(dictionary, key) ? dictionary[key as MessageKey] : undefined;
}

export function createTranslator(language: Language): Translator {
  const dictionary = DICTIONARIES[language];
  const format = createFormatter(language);
  const plural = new Intl.PluralRules(localeFor(language));
  const t = (key: MessageKey, params?: Params) => interpolate(dictionary[key], params);
  return {
    language,
    format,
    t,
    count(key, count) {
      const form = plural.select(count) === "one" ? "one" : "other";
      return t(`${key}.${form}`, { count: format.number(count) });
    },
    error: (error) => lookup(dictionary, `error.${error.code}`) ?? t("error.internal"),
    enumLabel(kind, value, params) {
      const template = lookup(dictionary, `${kind}.${value}`);
      return template === undefined ? value : interpolate(template, params);
    },
  };
}
