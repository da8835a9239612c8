import { useId } from "react";
import type { AppMatch } from "../bindings";
import { useI18n } from "../i18n/I18nContext";
import { useRovingRows } from "../lib/useRovingRows";
import { shortVersions } from "./appSearch";

type Props = {
  matches: readonly AppMatch[];
  selectedKey: string | null;
  onSelect: (match: AppMatch) => void;
};

/**
 * The apps a search found, most installed first. One tab stop: the arrow keys move between
 * rows, Enter or a click shows where the app is installed.
 */
export function AppResultsTable({ matches, selectedKey, onSelect }: Props) {
  const i18n = useI18n();
  const hintId = useId();
  const { rowProps, onKeyDown } = useRovingRows(matches.length, (index) => {
    const match = matches[index];
    if (match) onSelect(match);
  });

  return (
    <div className="table-card apps-results-card">
      <table className="data-table apps-results-table" aria-label={i18n.t("apps.results.label")} aria-describedby={hintId}>
        <thead>
          <tr>
            <th scope="col">{i18n.t("apps.column.name")}</th>
            <th scope="col">{i18n.t("apps.column.identifiers")}</th>
            <th scope="col">{i18n.t("apps.column.versions")}</th>
            <th scope="col" className="num" title={i18n.t("apps.column.devicesHint")}>
              {i18n.t("apps.column.devices")}
            </th>
          </tr>
        </thead>
        <tbody onKeyDown={onKeyDown}>
          {matches.map((match, index) => {
            const isSelected = match.key === selectedKey;
            return (
              <tr
                key={match.key}
                {...rowProps(index)}
                className={isSelected ? "app-result-row selected" : "app-result-row"}
                aria-current={isSelected ? "true" : undefined}
                data-testid="app-result"
                data-key={match.key}
                data-devices={match.devices}
              >
                <td className="app-result-name">
                  {match.name}
                  {match.publishers.length > 0 && (
                    <div className="muted app-result-publisher" title={i18n.t("apps.column.publisherHint")}>
                      {match.publishers.join(", ")}
                    </div>
                  )}
                </td>
                <td className="mono app-result-identifiers">
                  {match.identifiers.length === 0 ? (
                    <span className="muted" title={i18n.t("apps.column.identifiersHint")}>
                      {i18n.t("value.none")}
                    </span>
                  ) : (
                    match.identifiers.map((identifier) => <div key={identifier}>{identifier}</div>)
                  )}
                </td>
                <VersionsCell versions={match.versions} />
                <td className="num">{i18n.format.number(match.devices)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p id={hintId} className="visually-hidden">
        {i18n.t("apps.results.keyboardHint")}
      </p>
    </div>
  );
}

/** The newest few versions; every one of them on hover. */
function VersionsCell({ versions }: { versions: readonly string[] }) {
  const i18n = useI18n();
  const { shown, more } = shortVersions(versions);
  if (versions.length === 0) return <td className="muted">{i18n.t("value.none")}</td>;
  return (
    <td className="app-result-versions" title={i18n.t("apps.versions.all", { versions: versions.join(", ") })}>
      {shown.join(", ")}
      {more > 0 && (
        <span className="muted app-result-more"> {i18n.t("apps.versions.more", { count: i18n.format.number(more) })}</span>
      )}
    </td>
  );
}
