import { useId, useState, type FormEvent } from "react";
import { commands, type ErrorPayload, type IncidentView, type SlaType } from "../bindings";
import { call } from "../api/call";
import { Dialog, DialogHeader, FormDialogActions } from "../components/Dialog";
import { ErrorDetails } from "../components/ErrorDetails";
import { useI18n } from "../i18n/I18nContext";
import { SLA_TYPES, slaTypeKey } from "../repairs/labels";
import { ChoiceField } from "./ChoiceField";
import { repairRefusal } from "./refusals";

type Props = {
  incident: IncidentView;
  onClose: () => void;
  /** The case as the core has it, its new repair case linked. */
  onOpened: (view: IncidentView) => void;
};

/**
 * Opens a repair case for the case's unit under the SLA type the user's role has; the core
 * takes the description as the fault and the reporter and time as the report, and links them.
 */
export function OpenRepairDialog({ incident, onClose, onOpened }: Props) {
  const i18n = useI18n();
  const formId = useId();
  const titleId = `${formId}-title`;
  const [sla, setSla] = useState<SlaType | null>(null);
  const [shown, setShown] = useState(false);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<ErrorPayload | null>(null);
  const slaProblem = shown && sla === null ? i18n.t("repairs.new.problem.sla") : null;
  const { device } = incident;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setShown(true);
    if (saving) return;
    if (sla === null) {
      document.getElementById(`${formId}-sla`)?.focus();
      return;
    }
    setSaving(true);
    setFailure(null);
    void call(() => commands.openRepairForIncident(incident.id, sla)).then((result) => {
      setSaving(false);
      if (result.status === "ok") onOpened(result.data);
      else setFailure(result.error);
    });
  };

  const refused = failure === null ? null : repairRefusal(failure);

  return (
    <Dialog labelledBy={titleId} onClose={onClose} className="form-dialog record-dialog" testId="incident-repair-dialog">
      <form className="record-form" onSubmit={submit} noValidate>
        <DialogHeader titleId={titleId} title={i18n.t("incidents.repair.title", { id: incident.id })} onClose={onClose} />
        <div className="dialog-body form-body">
          {device !== null && (
            <p className="record-case">
              <strong className="mono">{device.serial || device.imei}</strong>
              <span className="muted">{` · ${device.manufacturer} ${device.model}`}</span>
            </p>
          )}
          <p className="muted">{i18n.t("incidents.repair.intro")}</p>
          <ChoiceField
            id={`${formId}-sla`}
            legend={i18n.t("repairs.new.sla")}
            choices={SLA_TYPES.map((value) => ({
              value,
              label: i18n.t(slaTypeKey(value)),
              hint: i18n.t(`repairs.slaHint.${value}`),
            }))}
            value={sla}
            onChange={setSla}
            testIdPrefix="incident-repair-sla"
            problem={slaProblem}
            autoFocus
          />
        </div>
        <div className="form-status">
          {failure !== null && (
            <div className="inline-error form-error" role="alert" data-testid="incident-repair-error" data-code={failure.code}>
              <span>{i18n.t("repairs.new.error", { reason: refused === null ? i18n.error(failure) : i18n.t(refused) })}</span>
              <ErrorDetails message={failure.message} />
            </div>
          )}
        </div>
        <FormDialogActions
          onCancel={onClose}
          submitLabel={i18n.t(saving ? "repairs.new.saving" : "repairs.new.submit")}
          submitTestId="incident-repair-submit"
          busy={saving}
        />
      </form>
    </Dialog>
  );
}
