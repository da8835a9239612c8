import { useId, useState, type FormEvent } from "react";
import { commands, type ErrorPayload, type IncidentDeviceView, type IncidentView } from "../bindings";
import { call } from "../api/call";
import { Dialog, DialogHeader, FormDialogActions } from "../components/Dialog";
import { ErrorDetails } from "../components/ErrorDetails";
import { Field } from "../components/Field";
import { InlineError } from "../components/InlineError";
import { useI18n } from "../i18n/I18nContext";
import { toLocalInput } from "../lib/localTime";
import type { Refusal } from "../repairs/refusals";
import { useSync } from "../sync/syncContext";
import { DevicePicker } from "./DevicePicker";
import {
  checkIncidentDraft,
  defaultAgreementId,
  firstIncidentProblem,
  MAX_DESCRIPTION,
  MAX_REPORTER,
  offeredCategories,
  type IncidentDraft,
  type IncidentFormField,
} from "./incidentDraft";
import { categoryName, channelKey, CHANNELS, isChannel } from "./labels";
import { incidentRefusal } from "./refusals";
import { useAgreements, useCategories } from "./useIncidentSettings";

/** A select's value as the id it names; the empty "choose…" option names none. */
const idOf = (value: string): number | null => (value === "" ? null : Number(value));

type Props = {
  /** The unit, when the form is opened from it; else the form may find one. */
  device: IncidentDeviceView | null;
  onClose: () => void;
  /** The case as the core logged it. */
  onLogged: (view: IncidentView) => void;
};

/**
 * Logs a case the helpdesk received: when (now, unless told otherwise) and how, who reported
 * it, the unit it is about if any, its category and agreement, and what it is about.
 */
export function NewIncidentDialog({ device, onClose, onLogged }: Props) {
  const i18n = useI18n();
  const { edited } = useSync();
  const formId = useId();
  const titleId = `${formId}-title`;
  const categories = useCategories();
  const agreements = useAgreements();
  const [draft, setDraft] = useState<IncidentDraft>(() => ({
    receivedAt: toLocalInput(new Date()),
    receivedAtTouched: false,
    channel: "phone",
    reporter: device?.user_name ?? "",
    device,
    categoryId: null,
    // Chosen by the user; until then the default agreement (below) holds.
    agreementId: null,
    description: "",
  }));
  const [showProblems, setShowProblems] = useState(false);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<ErrorPayload | null>(null);
  const [refusal, setRefusal] = useState<Refusal<IncidentFormField> | null>(null);

  const agreementList = agreements.state.status === "ok" ? agreements.state.data : [];
  const agreementId = draft.agreementId ?? defaultAgreementId(agreementList);
  const check = checkIncidentDraft({ ...draft, agreementId });
  const problems = showProblems && !check.ok ? check.problems : {};
  const fieldId = (field: IncidentFormField) => `${formId}-${field}`;
  const problemText = (field: IncidentFormField): string | null => {
    const key = problems[field];
    if (key !== undefined) return i18n.t(key);
    return refusal?.field === field ? i18n.t(refusal.key) : null;
  };
  const described = (field: IncidentFormField) => `${fieldId(field)}-problem ${fieldId(field)}-hint`;

  const update = <K extends keyof IncidentDraft>(field: K, value: IncidentDraft[K], answers: IncidentFormField) => {
    setDraft((current) => ({ ...current, [field]: value }));
    if (refusal?.field === answers) setRefusal(null);
  };

  const onPick = (picked: IncidentDeviceView | null) => {
    setDraft((current) => ({
      ...current,
      device: picked,
      // Usually the user reports their own unit; the helpdesk can write someone else instead.
      reporter: current.reporter.trim() === "" && picked !== null ? (picked.user_name ?? "") : current.reporter,
    }));
    if (refusal?.field === "device_id") setRefusal(null);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    if (!check.ok) {
      setShowProblems(true);
      const first = firstIncidentProblem(check.problems);
      if (first !== null) document.getElementById(fieldId(first))?.focus();
      return;
    }
    const { form } = check;
    setSaving(true);
    setFailure(null);
    setRefusal(null);
    void call(() => commands.logIncident(form)).then((result) => {
      setSaving(false);
      if (result.status === "ok") {
        // The case list and the unit's panel in the inventory changed.
        edited();
        onLogged(result.data);
        return;
      }
      setFailure(result.error);
      const refused = incidentRefusal(result.error);
      setRefusal(refused);
      if (refused !== null) document.getElementById(fieldId(refused.field))?.focus();
    });
  };

  const receivedProblem = problemText("received_at");
  const reporterProblem = problemText("reporter");
  const categoryProblem = problemText("category_id");
  const agreementProblem = problemText("agreement_id");
  const descriptionProblem = problemText("description");
  const offered = categories.state.status === "ok" ? offeredCategories(categories.state.data) : [];

  return (
    <Dialog labelledBy={titleId} onClose={onClose} className="form-dialog case-dialog" testId="incident-form-dialog">
      <form className="case-form" data-testid="incident-form" onSubmit={submit} noValidate>
        <DialogHeader titleId={titleId} title={i18n.t("incidents.new.title")} onClose={onClose} />
        <div className="dialog-body form-body">
          <div className="form-section">
            <Field
              id={fieldId("received_at")}
              label={i18n.t("incidents.new.received")}
              problem={receivedProblem}
              hint={i18n.t(draft.receivedAtTouched ? "incidents.new.receivedHint" : "repairs.time.nowHint")}
            >
              <input
                id={fieldId("received_at")}
                type="datetime-local"
                data-testid="incident-received-at"
                aria-invalid={receivedProblem !== null || undefined}
                aria-describedby={described("received_at")}
                value={draft.receivedAt}
                onChange={(event) => {
                  setDraft((current) => ({ ...current, receivedAt: event.target.value, receivedAtTouched: true }));
                  if (refusal?.field === "received_at") setRefusal(null);
                }}
              />
            </Field>
            <Field id={fieldId("channel")} label={i18n.t("incidents.new.channel")} problem={problemText("channel")}>
              <select
                id={fieldId("channel")}
                data-testid="incident-channel"
                aria-describedby={described("channel")}
                value={draft.channel}
                onChange={(event) => {
                  if (isChannel(event.target.value)) update("channel", event.target.value, "channel");
                }}
              >
                {CHANNELS.map((channel) => (
                  <option key={channel} value={channel}>
                    {i18n.t(channelKey(channel))}
                  </option>
                ))}
              </select>
            </Field>
            <Field
              id={fieldId("reporter")}
              label={i18n.t("incidents.new.reporter")}
              problem={reporterProblem}
              hint={i18n.t("incidents.new.reporterHint")}
            >
              <input
                id={fieldId("reporter")}
                type="text"
                data-testid="incident-reporter"
                data-autofocus={device === null || undefined}
                autoComplete="off"
                maxLength={MAX_REPORTER}
                required
                aria-required
                aria-invalid={reporterProblem !== null || undefined}
                aria-describedby={described("reporter")}
                value={draft.reporter}
                onChange={(event) => update("reporter", event.target.value, "reporter")}
              />
            </Field>
            <DevicePicker id={fieldId("device_id")} device={draft.device} onPick={onPick} problem={problemText("device_id")} />
            <Field id={fieldId("category_id")} label={i18n.t("incidents.new.category")} problem={categoryProblem}>
              <select
                id={fieldId("category_id")}
                data-testid="incident-category"
                data-autofocus={device !== null || undefined}
                required
                aria-required
                aria-invalid={categoryProblem !== null || undefined}
                aria-describedby={described("category_id")}
                value={draft.categoryId ?? ""}
                onChange={(event) => update("categoryId", idOf(event.target.value), "category_id")}
              >
                <option value="">
                  {i18n.t(categories.state.status === "loading" ? "incidents.new.loading" : "incidents.new.chooseCategory")}
                </option>
                {offered.map(({ label }) => (
                  <option key={label.id} value={label.id}>
                    {categoryName(label, i18n.language)}
                  </option>
                ))}
              </select>
            </Field>
            <Field
              id={fieldId("agreement_id")}
              label={i18n.t("incidents.new.agreement")}
              problem={agreementProblem}
              hint={i18n.t("incidents.new.agreementHint")}
            >
              <select
                id={fieldId("agreement_id")}
                data-testid="incident-agreement"
                required
                aria-required
                aria-invalid={agreementProblem !== null || undefined}
                aria-describedby={described("agreement_id")}
                value={agreementId ?? ""}
                onChange={(event) => update("agreementId", idOf(event.target.value), "agreement_id")}
              >
                {agreementId === null && (
                  <option value="">
                    {i18n.t(agreements.state.status === "loading" ? "incidents.new.loading" : "incidents.new.chooseAgreement")}
                  </option>
                )}
                {agreementList.map((agreement) => (
                  <option key={agreement.id} value={agreement.id}>
                    {agreement.name}
                  </option>
                ))}
              </select>
            </Field>
            {(categories.state.status === "error" || agreements.state.status === "error") && (
              <div className="form-field wide">
                {categories.state.status === "error" && (
                  <InlineError messageKey="incidents.categoriesError" error={categories.state.error} onRetry={categories.reload} />
                )}
                {agreements.state.status === "error" && (
                  <InlineError messageKey="incidents.agreementsError" error={agreements.state.error} onRetry={agreements.reload} />
                )}
              </div>
            )}
            <Field
              id={fieldId("description")}
              label={i18n.t("incidents.new.description")}
              problem={descriptionProblem}
              hint={i18n.t("incidents.new.descriptionHint")}
              wide
            >
              <textarea
                id={fieldId("description")}
                data-testid="incident-description"
                rows={4}
                maxLength={MAX_DESCRIPTION}
                required
                aria-required
                aria-invalid={descriptionProblem !== null || undefined}
                aria-describedby={described("description")}
                value={draft.description}
                onChange={(event) => update("description", event.target.value, "description")}
              />
            </Field>
          </div>
        </div>
        <div className="form-status">
          {failure !== null && (
            <div className="inline-error form-error" role="alert" data-testid="incident-form-error" data-code={failure.code}>
              <span>{i18n.t("incidents.new.error", { reason: refusal === null ? i18n.error(failure) : i18n.t(refusal.key) })}</span>
              <ErrorDetails message={failure.message} />
            </div>
          )}
        </div>
        <FormDialogActions
          onCancel={onClose}
          submitLabel={i18n.t(saving ? "incidents.new.saving" : "incidents.new.submit")}
          submitTestId="incident-submit"
          busy={saving}
        />
      </form>
    </Dialog>
  );
}
