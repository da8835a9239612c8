import { useCallback, useId, useState, type FormEvent } from "react";
import { commands, type DeviceDetail, type ErrorPayload, type Lifecycle } from "../bindings";
import { call } from "../api/call";
import { useCommand } from "../api/useCommand";
import { Dialog, DialogHeader, FormDialogActions } from "../components/Dialog";
import { ErrorDetails } from "../components/ErrorDetails";
import { Field } from "../components/Field";
import { InlineError } from "../components/InlineError";
import { useI18n } from "../i18n/I18nContext";
import { statusLabel } from "../models/certificationStatus";
import { useRepairDesk } from "../repairs/repairDesk";
import { caseInMoveRefusal } from "./deviceRepairs";

/** What the dialog starts with: a suggestion fills in both. */
export type MoveDraft = { readonly to: Lifecycle | null; readonly reason: string };

type Props = {
  device: DeviceDetail;
  initial: MoveDraft;
  onClose: () => void;
  onMoved: (device: DeviceDetail) => void;
};

/**
 * Moves a unit to another lifecycle state: only the moves the rules allow, always with a reason.
 * A unit in an open repair case moves only by the case's steps, so the dialog says so and
 * offers the case instead of a move the core would refuse.
 */
export function MoveUnitDialog({ device, initial, onClose, onMoved }: Props) {
  const i18n = useI18n();
  const desk = useRepairDesk();
  const titleId = useId();
  const formId = useId();
  const loadMoves = useCallback(() => commands.lifecycleMoves(), []);
  const { state: moves, reload } = useCommand(loadMoves);
  // Handing out a unit of a model not certified is allowed, but never without being told.
  const loadCertification = useCallback(
    () => commands.modelCertification(device.manufacturer, device.model),
    [device.manufacturer, device.model],
  );
  const { state: certification } = useCommand(loadCertification);
  // Asked up front so the user is not left to fill in a move the core then refuses.
  const loadOpenCase = useCallback(
    () => commands.repairCases({ open: true, sla: null, device_id: device.id, offset: 0, limit: 1 }),
    [device.id],
  );
  const { state: openCases } = useCommand(loadOpenCase);
  const [to, setTo] = useState<Lifecycle | null>(initial.to);
  const [reason, setReason] = useState(initial.reason);
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<ErrorPayload | null>(null);
  const [shown, setShown] = useState(false);

  const allowed = moves.status === "ok" ? (moves.data.find((m) => m.from === device.lifecycle)?.to ?? []) : [];
  // The list knows only the case of a broken unit; a unit lent out as a loaner or replacement
  // is found by the core's refusal, which names its case too. A list that could not be read
  // leaves it to that refusal as well.
  const refusedCase = refusal === null ? null : caseInMoveRefusal(refusal);
  const inCase = (openCases.status === "ok" ? openCases.data.rows[0]?.id : undefined) ?? refusedCase;
  const movable = allowed.length > 0 && inCase === null && openCases.status !== "loading";
  const target = to !== null && allowed.includes(to) ? to : null;
  const problem = (field: "to" | "reason"): string | null => {
    if (refusal?.field === field) return field === "reason" ? i18n.t("move.problem.reason") : i18n.error(refusal);
    if (!shown) return null;
    if (field === "to" && target === null) return i18n.t("move.problem.to");
    if (field === "reason" && reason.trim() === "") return i18n.t("move.problem.reason");
    return null;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setShown(true);
    if (!movable || target === null || reason.trim() === "") return;
    setSaving(true);
    setRefusal(null);
    void call(() => commands.moveUnit(device.id, { to: target, reason })).then((result) => {
      setSaving(false);
      if (result.status === "ok") onMoved(result.data);
      else setRefusal(result.error);
    });
  };

  return (
    <Dialog labelledBy={titleId} onClose={onClose} className="form-dialog move-dialog" testId="move-dialog">
      <form onSubmit={submit} noValidate>
        <DialogHeader
          titleId={titleId}
          title={i18n.t("move.title", { unit: `${device.manufacturer} ${device.model}` })}
          onClose={onClose}
        />
        <div className="dialog-body form-body">
          <p>
            {i18n.t("move.from", { state: i18n.enumLabel("lifecycle", device.lifecycle) })}
          </p>
          {moves.status === "error" && (
            <InlineError messageKey="move.loadError" error={moves.error} onRetry={reload} />
          )}
          {moves.status === "ok" && allowed.length === 0 && <p className="muted">{i18n.t("move.none")}</p>}
          {inCase !== null && (
            <div
              className="form-notice"
              role={refusedCase === null ? "status" : "alert"}
              data-testid="move-in-case"
              data-case-id={inCase}
            >
              <p>{i18n.t("move.inCase")}</p>
              <button
                type="button"
                className="button-secondary"
                data-testid="move-show-case"
                // The fields it replaces (or the submit button now disabled) had the focus.
                autoFocus
                onClick={() => {
                  // Closed first: views stay mounted, so the dialog would stay over the Repairs view.
                  onClose();
                  desk.showCase(inCase);
                }}
              >
                {i18n.t("move.showCase", { id: inCase })}
              </button>
              {refusal !== null && refusedCase !== null && <ErrorDetails message={refusal.message} />}
            </div>
          )}
          {movable && (
            <div className="form-section">
              <Field id={`${formId}-to`} label={i18n.t("move.to")} problem={problem("to")} wide>
                <select
                  id={`${formId}-to`}
                  data-testid="move-to"
                  data-autofocus
                  value={target ?? ""}
                  aria-invalid={problem("to") !== null || undefined}
                  aria-describedby={`${formId}-to-problem`}
                  onChange={(event) => setTo(event.target.value === "" ? null : (event.target.value as Lifecycle))}
                >
                  <option value="">{i18n.t("move.choose")}</option>
                  {allowed.map((state) => (
                    <option key={state} value={state}>
                      {i18n.enumLabel("lifecycle", state)}
                    </option>
                  ))}
                </select>
              </Field>
              <Field
                id={`${formId}-reason`}
                label={i18n.t("move.reason")}
                problem={problem("reason")}
                hint={i18n.t("move.reasonHint")}
                wide
              >
                <textarea
                  id={`${formId}-reason`}
                  data-testid="move-reason"
                  rows={3}
                  maxLength={500}
                  value={reason}
                  aria-invalid={problem("reason") !== null || undefined}
                  aria-describedby={`${formId}-reason-problem ${formId}-reason-hint`}
                  onChange={(event) => setReason(event.target.value)}
                />
              </Field>
            </div>
          )}
          {movable &&
            target === "deployed" &&
            certification.status === "ok" &&
            certification.data.status.state !== "certified" && (
              <div className="form-notice" role="status" data-testid="move-uncertified">
                <p>
                  {i18n.t("move.uncertified", {
                    status: statusLabel(certification.data.status, i18n).text,
                  })}
                </p>
              </div>
            )}
          {refusal !== null && refusal.field === null && refusedCase === null && (
            <div className="form-notice" role="alert" data-testid="move-error">
              <p>{i18n.error(refusal)}</p>
              <ErrorDetails message={refusal.message} />
            </div>
          )}
        </div>
        <FormDialogActions
          onCancel={onClose}
          submitLabel={i18n.t("move.submit")}
          submitTestId="move-submit"
          busy={saving}
          disabled={!movable}
        />
      </form>
    </Dialog>
  );
}
