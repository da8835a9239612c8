import { useState } from "react";
import type { IncidentView } from "../bindings";
import { useI18n } from "../i18n/I18nContext";
import { useRepairDesk } from "../repairs/repairDesk";
import { OpenRepairDialog } from "./OpenRepairDialog";

type Props = {
  incident: IncidentView;
  headingId: string;
  /** The case as the core has it with its repair case linked. */
  onLinked: (view: IncidentView) => void;
};

/**
 * The repair case of the case's unit: a link to it once there is one (shown by the repair
 * desk, in the Repairs view), else a way to open one. A case about no unit has no repair.
 */
export function IncidentRepair({ incident, headingId, onLinked }: Props) {
  const i18n = useI18n();
  const repairDesk = useRepairDesk();
  const [opening, setOpening] = useState(false);
  const repairId = incident.repair_case_id;
  if (repairId === null && incident.device === null) return null;

  return (
    <section className="detail-section" aria-labelledby={headingId} data-testid="incident-repair">
      <h3 id={headingId}>{i18n.t("incidents.repair.heading")}</h3>
      {repairId !== null ? (
        <p>
          <button
            type="button"
            className="link-button"
            data-testid="incident-repair-link"
            data-case-id={repairId}
            title={i18n.t("detail.repairs.show")}
            onClick={() => repairDesk.showCase(repairId)}
          >
            {i18n.t("incidents.repair.linked", { id: repairId })}
          </button>
        </p>
      ) : (
        <>
          <p className="muted">{i18n.t("incidents.repair.none")}</p>
          <button type="button" className="button-secondary" data-testid="incident-open-repair" onClick={() => setOpening(true)}>
            {i18n.t("incidents.repair.open")}
          </button>
        </>
      )}
      {opening && (
        <OpenRepairDialog
          incident={incident}
          onClose={() => setOpening(false)}
          onOpened={(view) => {
            setOpening(false);
            onLinked(view);
          }}
        />
      )}
    </section>
  );
}
