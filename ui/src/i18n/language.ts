import type { Language } from "../bindings";

export const LANGUAGES: readonly Language[] = ["sv", "en"];

/** Each option is labelled in its own language so a user can find theirs whatever is active. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  sv: "Svenska",
  en: "English",
};

const LOCALES: Readonly<Record<Language, string>> = {
  sv: "sv-SE",
  en: "en-GB",
};

export function localeFor(language: Language): string {
  return LOCALES[language];
}

/**
 * The saved setting wins. Otherwise the user's language preferences are read in
 * order and the first Swedish or English entry decides, so someone who ranks
 * English above Swedish gets English; anything else falls back to English.
 */
export function pickLanguage(saved: Language | null, preferred: readonly string[]): Language {
  if (saved !== null) return saved;
  for (const tag of preferred) {
    const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
    if (primary === "sv") return "sv";
    if (primary === "en") return "en";
  }
  return "en";
}

export function browserLanguages(): readonly string[] {
  if (typeof navigator === "undefined") return [];
  if (navigator.languages.length > 0) return navigator.languages;
  return navigator.language ? [navigator.language] : [];
}
