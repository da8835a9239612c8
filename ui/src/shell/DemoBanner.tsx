import { useI18n } from "../i18n/I18nContext";

/** Always visible while demo data is loaded: nobody should mistake it for the real fleet. */
export function DemoBanner() {
  const i18n = useI18n();
  return (
    <div className="demo-banner" data-testid="demo-banner" role="status">
      <strong>{i18n.t("demo.banner.title")}</strong>
      <span>{i18n.t("demo.banner.body")}</span>
    </div>
  );
}
