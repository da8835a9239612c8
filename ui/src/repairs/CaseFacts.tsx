import type { RepairCaseView } from "../bindings";
import { useI18n } from "../i18n/I18nContext";
import { slaTypeKey } from "./labels";
import { UnitFacts } from "./UnitFacts";
import { UnitSerial } from "./UnitSerial";

type Props = { repairCase: RepairCaseView; headingPrefix: string };

/** The case's unit, its fault and who reported it when, and a loaner out with the user. */
export function CaseFacts({ repairCase, headingPrefix }: Props) {
  const i18n = useI18n();
  const { loaner } = repairCase;
  return (
    <>
      <section className="detail-section" aria-labelledby={`${headingPrefix}-unit`}>
        <h3 id={`${headingPrefix}-unit`}>{i18n.t("repairs.panel.unit")}</h3>
        <UnitFacts unit={repairCase.unit} testId="case-unit-facts" />
      </section>
      <section className="detail-section" aria-labelledby={`${headingPrefix}-fault`}>
        <h3 id={`${headingPrefix}-fault`}>{i18n.t("repairs.panel.fault")}</h3>
        <p className="case-fault" data-testid="case-fault-text">
          {repairCase.fault}
        </p>
        <dl className="fact-list">
          <div className="fact">
            <dt>{i18n.t("repairs.field.sla")}</dt>
            <dd data-testid="case-sla" data-sla={repairCase.sla}>
              {i18n.t(slaTypeKey(repairCase.sla))}
            </dd>
          </div>
          <div className="fact">
            <dt>{i18n.t("repairs.field.reportedBy")}</dt>
            <dd>{repairCase.reported_by}</dd>
          </div>
          <div className="fact">
            <dt>{i18n.t("repairs.field.reportedAt")}</dt>
            <dd>{i18n.format.dateTime(repairCase.reported_at)}</dd>
          </div>
          <div className="fact">
            <dt>{i18n.t("repairs.field.openedBy")}</dt>
            <dd>{repairCase.opened_by}</dd>
          </div>
        </dl>
      </section>
      {loaner !== null && (
        <section className="detail-section" aria-labelledby={`${headingPrefix}-loaner`} data-testid="case-loaner">
          <h3 id={`${headingPrefix}-loaner`}>{i18n.t("repairs.loaner.heading")}</h3>
          <p>
            <UnitSerial id={loaner.device_id} />
          </p>
          <p className="muted">
            {i18n.t("repairs.loaner.since", { time: i18n.format.dateTime(loaner.since) })}
            {loaner.returned_at !== null &&
              ` · ${i18n.t("repairs.loaner.returned", { date: i18n.format.dateTime(loaner.returned_at) })}`}
          </p>
          {loaner.overdue && (
            <p className="tone-bad" data-testid="case-loaner-overdue">
              {i18n.t("repairs.loaner.overdue")}
            </p>
          )}
        </section>
      )}
    </>
  );
}
