import type { CaseUnitView } from "../bindings";
import { useI18n } from "../i18n/I18nContext";

type Props = { unit: CaseUnitView; testId?: string };

/**
 * What identifies a unit to a coordinator holding it: serial number, IMEI, model, whose it is
 * and where it stands now.
 */
export function UnitFacts({ unit, testId }: Props) {
  const i18n = useI18n();
  const none = i18n.t("value.none");
  const facts = [
    { key: "serial", label: i18n.t("repairs.field.serial"), value: unit.serial || none, mono: true },
    { key: "imei", label: i18n.t("repairs.field.imei"), value: unit.imei ?? none, mono: true },
    { key: "model", label: i18n.t("repairs.field.model"), value: `${unit.manufacturer} ${unit.model}` },
    { key: "user", label: i18n.t("repairs.field.user"), value: unit.user_name ?? none },
    { key: "org_unit", label: i18n.t("repairs.field.orgUnit"), value: unit.org_unit ?? none },
    { key: "lifecycle", label: i18n.t("repairs.field.lifecycle"), value: i18n.enumLabel("lifecycle", unit.lifecycle) },
  ];
  return (
    <dl className="fact-list" data-testid={testId} data-device-id={unit.device_id} data-serial={unit.serial}>
      {facts.map((fact) => (
        <div key={fact.key} className="fact">
          <dt>{fact.label}</dt>
          <dd className={fact.mono ? "mono" : undefined} data-testid={testId ? `${testId}-${fact.key}` : undefined}>
            {fact.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
