import { createContext, useContext, useEffect, useMemo, type ReactNode } from "react";
import type { Language } from "../bindings";
import { createTranslator, type Translator } from "./translator";

type I18nValue = Translator & { setLanguage(language: Language): void };

const I18nContext = createContext<I18nValue | null>(null);

type Props = {
  language: Language;
  onLanguageChange: (language: Language) => void;
  children: ReactNode;
};

export function I18nProvider({ language, onLanguageChange, children }: Props) {
  const value = useMemo<I18nValue>(
    () => ({ ...createTranslator(language), setLanguage: onLanguageChange }),
    [language, onLanguageChange],
  );

  // Screen readers and WebKit's hyphenation/spell-check read the document language.
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (value === null) throw new Error("useI18n must be used inside I18nProvider");
  return value;
}
