import { useI18n } from "../i18n/I18nContext";
import { AgreementsSection } from "./AgreementsSection";
import { CategoriesSection } from "./CategoriesSection";

/**
 * What judges the support cases: the support agreements with their terms over time, and the
 * categories cases are filed under.
 */
export function AgreementsView() {
  const i18n = useI18n();
  return (
    <div className="calendar agreements" data-testid="agreements-view">
      <div className="view-toolbar">
        <div>
          <h1 className="view-heading">{i18n.t("agreements.viewHeading")}</h1>
          <p className="muted view-intro">{i18n.t("agreements.viewIntro")}</p>
        </div>
      </div>
      <div className="calendar-columns agreements-columns">
        <AgreementsSection />
        <CategoriesSection />
      </div>
    </div>
  );
}
