import type { Language } from "../bindings";
import { useI18n } from "../i18n/I18nContext";
import { LANGUAGES, LANGUAGE_NAMES } from "../i18n/language";

export function LanguageSelect() {
  const i18n = useI18n();
  return (
    <label className="language-select">
      <span className="visually-hidden">{i18n.t("language.label")}</span>
      <select
        data-testid="language-select"
        value={i18n.language}
        title={i18n.t("language.label")}
        onChange={(event) => i18n.setLanguage(event.target.value as Language)}
      >
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {LANGUAGE_NAMES[language]}
          </option>
        ))}
      </select>
    </label>
  );
}
