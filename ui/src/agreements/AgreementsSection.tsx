import { useId, useState } from "react";
import type { AgreementView, CategoryLabel } from "../bindings";
import { InlineError } from "../components/InlineError";
import { useI18n } from "../i18n/I18nContext";
import { useAgreements, useCategories } from "../incidents/useIncidentSettings";
import { useNow } from "../lib/useNow";
import { AgreementFormDialog } from "./AgreementFormDialog";
import { termsAt } from "./terms";
import { TermsDetails } from "./TermsDetails";

/** Which agreement the form is for: a new one, or new terms of one. */
type Editing = { readonly agreement: AgreementView | null };

/**
 * The support agreements, each with its terms over time: the availability window the clock
 * runs in, what stops it, and the response and resolution targets. New terms hold from a
 * moment on; cases received earlier keep the terms they were received under.
 */
export function AgreementsSection() {
  const i18n = useI18n();
  const headingId = useId();
  const now = useNow();
  const { state, reload } = useAgreements();
  const categories = useCategories();
  const [editing, setEditing] = useState<Editing | null>(null);
  const labels: CategoryLabel[] = categories.state.status === "ok" ? categories.state.data.map((category) => category.label) : [];

  return (
    <section className="calendar-section" aria-labelledby={headingId} data-testid="support-agreements">
      <div className="section-toolbar">
        <h2 id={headingId} className="section-heading">
          {i18n.t("agreements.heading")}
        </h2>
        <button type="button" className="button-secondary" data-testid="agreement-new" onClick={() => setEditing({ agreement: null })}>
          {i18n.t("agreements.new")}
        </button>
      </div>
      <p className="muted calendar-note">{i18n.t("agreements.intro")}</p>
      {state.status === "loading" && <p className="muted">{i18n.t("agreements.loading")}</p>}
      {state.status === "error" && <InlineError messageKey="incidents.agreementsError" error={state.error} onRetry={reload} />}
      {state.status === "ok" &&
        state.data.map((agreement) => {
          const current = termsAt(agreement, now.toISOString());
          return (
            <article
              key={agreement.id}
              className="agreement-card"
              data-testid="agreement-card"
              data-id={agreement.id}
              data-name={agreement.name}
            >
              <header className="agreement-card-head">
                <h3>{agreement.name}</h3>
                <button
                  type="button"
                  className="button-secondary"
                  data-testid="agreement-change"
                  aria-label={i18n.t("agreements.changeLabel", { name: agreement.name })}
                  onClick={() => setEditing({ agreement })}
                >
                  {i18n.t("agreements.change")}
                </button>
              </header>
              <ol className="agreement-terms-list">
                {agreement.terms.map((terms) => (
                  <TermsDetails
                    key={terms.valid_from}
                    terms={terms}
                    categories={labels}
                    when={
                      terms === current ? "current" : Date.parse(terms.valid_from) > now.getTime() ? "future" : "past"
                    }
                  />
                ))}
              </ol>
            </article>
          );
        })}
      {editing !== null && (
        <AgreementFormDialog
          agreement={editing.agreement}
          categories={categories.state.status === "ok" ? categories.state.data : []}
          onClose={() => setEditing(null)}
          onSaved={() => setEditing(null)}
        />
      )}
    </section>
  );
}
