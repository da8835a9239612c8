import type { AgreementTerms, CategoryLabel } from "../bindings";
import { useI18n } from "../i18n/I18nContext";
import { formatDuration } from "../incidents/duration";
import { pausesText, scopeText, windowText } from "./termsText";

type Props = {
  terms: AgreementTerms;
  /** In force now, later ones to come, earlier ones history. */
  when: "past" | "current" | "future";
  categories: readonly CategoryLabel[];
};

/** One version of an agreement's terms: from when, its window, what stops the clock, and its targets. */
export function TermsDetails({ terms, when, categories }: Props) {
  const i18n = useI18n();
  const none = i18n.t("value.none");
  return (
    <li className="agreement-terms" data-testid="agreement-terms" data-valid-from={terms.valid_from} data-when={when}>
      <div className="agreement-terms-head">
        <strong>{i18n.t("agreements.terms.from", { time: i18n.format.swedishDateTime(terms.valid_from) })}</strong>
        {when !== "past" && (
          <span className={when === "current" ? "tag" : "tag tag-muted"}>{i18n.t(`agreements.terms.${when}`)}</span>
        )}
      </div>
      <p className="agreement-terms-window">
        <span data-testid="agreement-terms-window">{windowText(terms.window, i18n)}</span>
        {". "}
        <span data-testid="agreement-terms-pauses">{pausesText(terms.pausing, i18n)}</span>.
      </p>
      {terms.targets.length === 0 ? (
        <p className="muted">{i18n.t("agreements.terms.noTargets")}</p>
      ) : (
        <table className="data-table agreement-targets" aria-label={i18n.t("agreements.targets.heading")}>
          <thead>
            <tr>
              <th scope="col">{i18n.t("agreements.targets.scope")}</th>
              <th scope="col" className="num">
                {i18n.t("incidents.clock.response")}
              </th>
              <th scope="col" className="num">
                {i18n.t("incidents.clock.resolution")}
              </th>
            </tr>
          </thead>
          <tbody>
            {terms.targets.map((target) => (
              <tr key={`${target.category_id ?? ""}/${target.line ?? ""}`} data-testid="agreement-target">
                <td>{scopeText(target, categories, i18n)}</td>
                <td className="num">{target.response_minutes === null ? none : formatDuration(target.response_minutes)}</td>
                <td className="num">{target.resolution_minutes === null ? none : formatDuration(target.resolution_minutes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </li>
  );
}
