import { useId, useState, type FormEvent } from "react";
import { commands, type CategoryRemoval, type CategoryView, type ErrorPayload } from "../bindings";
import { call } from "../api/call";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { ErrorDetails } from "../components/ErrorDetails";
import { Field } from "../components/Field";
import { InlineError } from "../components/InlineError";
import { useI18n } from "../i18n/I18nContext";
import { categoryName } from "../incidents/labels";
import { useCategories } from "../incidents/useIncidentSettings";
import type { Refusal } from "../repairs/refusals";
import { useSync } from "../sync/syncContext";
import { categoryRefusal, type CategoryField } from "./refusals";

/** The longest category name the core keeps. */
const MAX_CATEGORY_NAME = 80;

type Outcome =
  | { readonly status: "idle" }
  | { readonly status: "added"; readonly name: string }
  | { readonly status: "removed"; readonly name: string; readonly removal: CategoryRemoval }
  | {
      readonly status: "error";
      readonly messageKey: "agreements.category.addError" | "agreements.category.removeError";
      readonly error: ErrorPayload;
    };

type Names = { readonly name_sv: string; readonly name_en: string };
const EMPTY: Names = { name_sv: "", name_en: "" };

/**
 * The incident categories, each in Swedish and English, with how many cases use each. A
 * category in use is retired rather than deleted: its cases and old reports keep its name,
 * and no new case is offered it.
 */
export function CategoriesSection() {
  const i18n = useI18n();
  const { edited } = useSync();
  const formId = useId();
  const headingId = `${formId}-heading`;
  const { state, reload } = useCategories();
  const [names, setNames] = useState<Names>(EMPTY);
  const [shown, setShown] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ status: "idle" });
  const [refusal, setRefusal] = useState<Refusal<CategoryField> | null>(null);
  const [removing, setRemoving] = useState<CategoryView | null>(null);

  const problem = (field: CategoryField): string | null => {
    if (refusal?.field === field) return i18n.t(refusal.key);
    return shown && names[field].trim() === "" ? i18n.t("repairs.refused.required") : null;
  };
  const svProblem = problem("name_sv");
  const enProblem = problem("name_en");

  const change = (field: CategoryField, value: string) => {
    setNames((current) => ({ ...current, [field]: value }));
    if (refusal?.field === field) setRefusal(null);
  };

  const add = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setShown(true);
    const nameSv = names.name_sv.trim();
    const nameEn = names.name_en.trim();
    if (nameSv === "" || nameEn === "") {
      document.getElementById(`${formId}-${nameSv === "" ? "name_sv" : "name_en"}`)?.focus();
      return;
    }
    setBusy(true);
    setRefusal(null);
    void call(() => commands.addIncidentCategory(nameSv, nameEn)).then((result) => {
      setBusy(false);
      if (result.status === "error") {
        const refused = categoryRefusal(result.error);
        setRefusal(refused);
        if (refused !== null) {
          setOutcome({ status: "idle" });
          document.getElementById(`${formId}-${refused.field}`)?.focus();
        } else {
          setOutcome({ status: "error", messageKey: "agreements.category.addError", error: result.error });
        }
        return;
      }
      setOutcome({ status: "added", name: i18n.language === "en" ? nameEn : nameSv });
      setNames(EMPTY);
      setShown(false);
      // The new-case form and the list's filter offer it at once.
      edited();
      document.getElementById(`${formId}-name_sv`)?.focus();
    });
  };

  const remove = (category: CategoryView) => {
    setBusy(true);
    void call(() => commands.removeIncidentCategory(category.label.id)).then((result) => {
      setBusy(false);
      setRemoving(null);
      if (result.status === "error") {
        setOutcome({ status: "error", messageKey: "agreements.category.removeError", error: result.error });
        return;
      }
      setOutcome({ status: "removed", name: categoryName(category.label, i18n.language), removal: result.data });
      edited();
    });
  };

  return (
    <section className="calendar-section" aria-labelledby={headingId} data-testid="incident-categories">
      <h2 id={headingId} className="section-heading">
        {i18n.t("agreements.category.heading")}
      </h2>
      <p className="muted calendar-note">{i18n.t("agreements.category.intro")}</p>
      {state.status === "loading" && <p className="muted">{i18n.t("agreements.category.loading")}</p>}
      {state.status === "error" && <InlineError messageKey="incidents.categoriesError" error={state.error} onRetry={reload} />}
      {state.status === "ok" && state.data.length === 0 && (
        <p className="muted" data-testid="categories-empty">
          {i18n.t("agreements.category.empty")}
        </p>
      )}
      {state.status === "ok" && state.data.length > 0 && (
        <div className="table-card">
          <table className="data-table category-table" aria-labelledby={headingId}>
            <thead>
              <tr>
                <th scope="col">{i18n.t("agreements.category.nameSv")}</th>
                <th scope="col">{i18n.t("agreements.category.nameEn")}</th>
                <th scope="col" className="num">
                  {i18n.t("agreements.category.cases")}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{i18n.t("agreements.category.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {state.data.map((category) => {
                const { label } = category;
                return (
                  <tr
                    key={label.id}
                    className={label.retired ? "category-retired" : undefined}
                    data-testid="category-row"
                    data-id={label.id}
                    data-retired={label.retired}
                  >
                    <td lang="sv">
                      {label.name_sv}
                      {label.retired && <span className="tag tag-muted">{i18n.t("incidents.category.retired")}</span>}
                    </td>
                    <td lang="en">{label.name_en}</td>
                    <td className="num">{i18n.format.number(category.cases)}</td>
                    <td className="row-actions">
                      {!label.retired && (
                        <button
                          type="button"
                          className="button-secondary button-danger-text"
                          data-testid="category-remove"
                          aria-label={i18n.t("agreements.category.removeLabel", { name: categoryName(label, i18n.language) })}
                          onClick={() => setRemoving(category)}
                        >
                          {i18n.t("agreements.category.remove")}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      <form className="closure-form category-form" onSubmit={add} noValidate data-testid="category-form">
        <Field id={`${formId}-name_sv`} label={i18n.t("agreements.category.nameSv")} problem={svProblem}>
          <input
            id={`${formId}-name_sv`}
            type="text"
            lang="sv"
            data-testid="category-name-sv"
            autoComplete="off"
            maxLength={MAX_CATEGORY_NAME}
            required
            aria-required
            placeholder={i18n.t("agreements.category.placeholderSv")}
            aria-invalid={svProblem !== null || undefined}
            aria-describedby={`${formId}-name_sv-problem`}
            value={names.name_sv}
            onChange={(event) => change("name_sv", event.target.value)}
          />
        </Field>
        <Field id={`${formId}-name_en`} label={i18n.t("agreements.category.nameEn")} problem={enProblem}>
          <input
            id={`${formId}-name_en`}
            type="text"
            lang="en"
            data-testid="category-name-en"
            autoComplete="off"
            maxLength={MAX_CATEGORY_NAME}
            required
            aria-required
            placeholder={i18n.t("agreements.category.placeholderEn")}
            aria-invalid={enProblem !== null || undefined}
            aria-describedby={`${formId}-name_en-problem`}
            value={names.name_en}
            onChange={(event) => change("name_en", event.target.value)}
          />
        </Field>
        <button type="submit" className="button-secondary closure-add" data-testid="category-add" disabled={busy} aria-busy={busy}>
          {i18n.t("agreements.category.add")}
        </button>
      </form>
      <div aria-live="polite" className="closure-outcome">
        {outcome.status === "added" && (
          <p className="tone-good" data-testid="category-outcome" data-outcome="added">
            {i18n.t("agreements.category.added", { name: outcome.name })}
          </p>
        )}
        {outcome.status === "removed" && (
          <p className="tone-good" data-testid="category-outcome" data-outcome={outcome.removal}>
            {i18n.t(outcome.removal === "retired" ? "agreements.category.retiredDone" : "agreements.category.deleted", {
              name: outcome.name,
            })}
          </p>
        )}
      </div>
      {outcome.status === "error" && (
        <div className="inline-error form-error" role="alert" data-testid="category-error" data-code={outcome.error.code}>
          <span>{i18n.t(outcome.messageKey, { reason: i18n.error(outcome.error) })}</span>
          <ErrorDetails message={outcome.error.message} />
        </div>
      )}

      {removing !== null && (
        <ConfirmDialog
          title={i18n.t("agreements.category.confirmTitle", { name: categoryName(removing.label, i18n.language) })}
          confirmLabel={i18n.t("agreements.category.remove")}
          confirmTestId="category-confirm-remove"
          busy={busy}
          onConfirm={() => remove(removing)}
          onCancel={() => setRemoving(null)}
        >
          <p>{i18n.t("agreements.category.confirmRule")}</p>
          <p data-testid="category-confirm-effect" data-in-use={removing.cases > 0}>
            {removing.cases > 0
              ? i18n.count("agreements.category.confirmInUse", removing.cases)
              : i18n.t("agreements.category.confirmUnused")}
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
