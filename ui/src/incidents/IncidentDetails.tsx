import type { IncidentView } from "../bindings";
import { useI18n } from "../i18n/I18nContext";
import { categoryName, channelKey, lineKey } from "./labels";

type Props = { incident: IncidentView; headingPrefix: string };

type Fact = { readonly key: string; readonly label: string; readonly value: string; readonly mono?: boolean };

function FactList({ facts, testId }: { facts: readonly Fact[]; testId: string }) {
  return (
    <dl className="fact-list" data-testid={testId}>
      {facts.map((fact) => (
        <div key={fact.key} className="fact">
          <dt>{fact.label}</dt>
          <dd className={fact.mono ? "mono" : undefined} data-testid={`${testId}-${fact.key}`}>
            {fact.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** What the case is: when and how it came in, from whom, about what unit, and how it was solved. */
export function IncidentDetails({ incident, headingPrefix }: Props) {
  const i18n = useI18n();
  const none = i18n.t("value.none");
  const { device } = incident;
  const category = categoryName(incident.category, i18n.language);
  const facts: Fact[] = [
    { key: "received", label: i18n.t("incidents.field.received"), value: i18n.format.swedishDateTime(incident.received_at) },
    { key: "channel", label: i18n.t("incidents.field.channel"), value: i18n.t(channelKey(incident.channel)) },
    { key: "reporter", label: i18n.t("incidents.field.reporter"), value: incident.reporter },
    {
      key: "category",
      label: i18n.t("incidents.field.category"),
      value: incident.category.retired ? i18n.t("incidents.category.retiredOption", { name: category }) : category,
    },
    { key: "line", label: i18n.t("incidents.field.line"), value: i18n.t(lineKey(incident.line)) },
    { key: "agreement", label: i18n.t("incidents.field.agreement"), value: incident.agreement },
    { key: "org_unit", label: i18n.t("incidents.field.orgUnit"), value: incident.org_unit ?? none },
    { key: "created_by", label: i18n.t("incidents.field.createdBy"), value: incident.created_by },
  ];
  const deviceFacts: Fact[] =
    device === null
      ? []
      : [
          { key: "serial", label: i18n.t("repairs.field.serial"), value: device.serial || none, mono: true },
          { key: "imei", label: i18n.t("repairs.field.imei"), value: device.imei ?? none, mono: true },
          { key: "model", label: i18n.t("repairs.field.model"), value: `${device.manufacturer} ${device.model}` },
          { key: "user", label: i18n.t("repairs.field.user"), value: device.user_name ?? none },
        ];

  return (
    <>
      <section className="detail-section" aria-labelledby={`${headingPrefix}-description`}>
        <h3 id={`${headingPrefix}-description`}>{i18n.t("incidents.panel.description")}</h3>
        <p className="case-fault" data-testid="incident-description-text">
          {incident.description}
        </p>
        {incident.resolution !== null && (
          <>
            <h4 className="incident-subheading">{i18n.t("incidents.panel.resolution")}</h4>
            <p className="case-fault" data-testid="incident-resolution-text">
              {incident.resolution}
            </p>
          </>
        )}
      </section>
      <section className="detail-section" aria-labelledby={`${headingPrefix}-facts`}>
        <h3 id={`${headingPrefix}-facts`}>{i18n.t("incidents.panel.facts")}</h3>
        <FactList facts={facts} testId="incident-facts" />
      </section>
      <section className="detail-section" aria-labelledby={`${headingPrefix}-device`}>
        <h3 id={`${headingPrefix}-device`}>{i18n.t("incidents.panel.device")}</h3>
        {device === null ? (
          <p className="muted" data-testid="incident-no-device">
            {i18n.t("incidents.panel.noDevice")}
          </p>
        ) : (
          <FactList facts={deviceFacts} testId="incident-device-facts" />
        )}
      </section>
    </>
  );
}
