import { useCallback, useId } from "react";
import { commands, type AppCount, type AppMatch, type DeviceFilters } from "../bindings";
import { useCommand } from "../api/useCommand";
import { InlineError } from "../components/InlineError";
import { useI18n } from "../i18n/I18nContext";
import { useInventoryDesk } from "../inventory/inventoryDesk";
import { useSync } from "../sync/syncContext";
import { AppDevicesSection } from "./AppDevicesSection";
import { GroupingSwitch } from "./GroupingSwitch";
import { headline, spreadRows, type Grouping } from "./spread";
import { SpreadChart } from "./SpreadChart";
import { SpreadTable } from "./SpreadTable";

type Props = {
  app: AppMatch;
  grouping: Grouping;
  onGrouping: (grouping: Grouping) => void;
};

/** Where one app is installed: the honest total, then per group as a table and a chart. */
export function AppSpreadPanel({ app, grouping, onGrouping }: Props) {
  const i18n = useI18n();
  const sync = useSync();
  const { showDevices } = useInventoryDesk();
  const headingId = useId();
  const load = useCallback(() => commands.appSpread(app.key), [app.key]);
  const { state, reload } = useCommand(load, sync.state.registerChanges);
  const spread = state.status === "ok" ? state.data : null;
  const onShowDevices = useCallback(
    (filters: Partial<DeviceFilters>) => showDevices(filters, app.name),
    [showDevices, app.name],
  );

  return (
    <section className="apps-spread" data-testid="app-spread" data-key={app.key} aria-labelledby={headingId}>
      <div className="apps-spread-head">
        <h2 id={headingId} className="section-heading">
          {app.name}
        </h2>
        <button
          type="button"
          className="button-secondary"
          data-testid="app-spread-show-all"
          title={i18n.t("apps.spread.showAllHint")}
          onClick={() => onShowDevices({ app: app.key })}
        >
          {i18n.t("apps.spread.showAll")}
        </button>
      </div>
      {state.status === "loading" && <p className="muted">{i18n.t("apps.spread.loading")}</p>}
      {state.status === "error" && (
        <InlineError messageKey="apps.spread.loadError" error={state.error} onRetry={reload} testId="app-spread-error" />
      )}
      {spread !== null && (
        <>
          <Headline total={spread.total} />
          <GroupingSwitch value={grouping} onChange={onGrouping} />
          <SpreadTable
            appKey={app.key}
            appName={app.name}
            grouping={grouping}
            rows={spreadRows(spread, grouping)}
            onShowDevices={onShowDevices}
          />
          {grouping === "connection" && <p className="muted apps-spread-note">{i18n.t("apps.spread.connectionNote")}</p>}
          <SpreadChart grouping={grouping} rows={spreadRows(spread, grouping)} />
        </>
      )}
      {/* Loaded on its own: the list still answers "who has it" when the counts fail, and the other way round. */}
      <AppDevicesSection appKey={app.key} appName={app.name} />
    </section>
  );
}

/** Installed out of the devices whose apps are seen, the devices not seen beside it, and what "not seen" means. */
function Headline({ total }: { total: AppCount }) {
  const i18n = useI18n();
  const text = headline(total, i18n);
  const hint = i18n.t("apps.spread.notVisibleHint");
  return (
    <>
      <p
        className="apps-headline"
        data-testid="app-spread-headline"
        data-installed={total.installed}
        data-visible={total.visible}
        data-not-visible={total.not_visible}
      >
        <span data-testid="app-spread-installed">{text.installed}</span>
        <span className="apps-headline-separator" aria-hidden="true">
          {" · "}
        </span>
        <span
          className={total.not_visible > 0 ? "apps-not-visible" : "apps-not-visible apps-none-hidden"}
          data-testid="app-spread-not-visible"
          title={hint}
        >
          {text.notVisible}
        </span>
      </p>
      <p className="muted apps-spread-note" data-testid="app-spread-not-visible-hint">
        {hint}
      </p>
    </>
  );
}
