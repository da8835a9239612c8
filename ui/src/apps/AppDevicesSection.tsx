import { useCallback, useId, useRef, useState } from "react";
import { commands, type AppDevice } from "../bindings";
import { useCommand } from "../api/useCommand";
import { InlineError } from "../components/InlineError";
import { TableExport } from "../components/TableExport";
import { useI18n } from "../i18n/I18nContext";
import { DeviceDetailPanel } from "../inventory/DeviceDetailPanel";
import { useRovingRows } from "../lib/useRovingRows";
import { useSync } from "../sync/syncContext";
import { devicesSummary, exportFileName, firstSeenLabel, modelLabel, unitIdentifier } from "./appDevices";

type Props = {
  appKey: string;
  appName: string;
};

/**
 * The units with the app, newest installs first: who installed it after it was banned. The
 * core sends the newest 500; the export holds every one of them. A row opens the unit's panel
 * beside the list, as in the inventory, so the arrow keys and Enter go on through the units
 * without leaving the app.
 */
export function AppDevicesSection({ appKey, appName }: Props) {
  const i18n = useI18n();
  const sync = useSync();
  const headingId = useId();
  const hintId = useId();
  const load = useCallback(() => commands.appDevices(appKey), [appKey]);
  // Reread after a sync as the spread is, so the list and the counts above it agree.
  const { state, reload } = useCommand(load, sync.state.registerChanges);
  const list = state.status === "ok" ? state.data : null;
  const devices = list?.devices ?? [];
  const [openId, setOpenId] = useState<number | null>(null);
  const cardRef = useRef<HTMLDivElement>(null);
  const { rowProps, onKeyDown } = useRovingRows(devices.length, (index) => {
    const device = devices[index];
    if (device) setOpenId(device.device_id);
  });
  const onClose = useCallback(() => {
    setOpenId(null);
    // Back to the list, on the row the panel was for, so the arrow keys go on from there.
    cardRef.current?.querySelector<HTMLElement>('tbody tr[tabindex="0"]')?.focus();
  }, []);

  return (
    <section
      className="apps-devices"
      data-testid="app-devices"
      data-total={list?.total}
      data-shown={list?.devices.length}
      aria-labelledby={headingId}
    >
      <div className="apps-devices-head">
        <div>
          <h3 id={headingId} className="section-heading">
            {i18n.t("apps.devices.heading")}
          </h3>
          {list !== null && list.total > 0 && (
            <p className="muted apps-devices-summary" data-testid="app-devices-summary">
              {devicesSummary(list, i18n)}
            </p>
          )}
        </div>
        <TableExport
          run={(path, format) => commands.exportAppDevices(path, appKey, format)}
          fileName={exportFileName(appName)}
          hint="apps.devices.export.hint"
          testId="app-devices-export"
        />
      </div>
      {state.status === "loading" && <p className="muted">{i18n.t("apps.devices.loading")}</p>}
      {state.status === "error" && (
        <InlineError messageKey="apps.devices.loadError" error={state.error} onRetry={reload} testId="app-devices-error" />
      )}
      {list !== null && list.devices.length === 0 && (
        <p className="empty-state" data-testid="app-devices-empty">
          {i18n.t("apps.devices.empty")}
        </p>
      )}
      {devices.length > 0 && (
        <div className="table-card apps-devices-card" ref={cardRef}>
          <table
            className="data-table apps-devices-table"
            aria-label={i18n.t("apps.devices.tableLabel", { app: appName })}
            aria-describedby={hintId}
          >
            <thead>
              <tr>
                <th scope="col" title={i18n.t("apps.devices.column.firstSeenHint")}>
                  {i18n.t("apps.devices.column.firstSeen")}
                </th>
                <th scope="col" title={i18n.t("apps.devices.column.unitHint")}>
                  {i18n.t("apps.devices.column.unit")}
                </th>
                <th scope="col">{i18n.t("apps.devices.column.model")}</th>
                <th scope="col">{i18n.t("apps.devices.column.orgUnit")}</th>
                <th scope="col">{i18n.t("apps.devices.column.user")}</th>
                <th scope="col">{i18n.t("apps.devices.column.versions")}</th>
                <th scope="col">{i18n.t("apps.devices.column.connections")}</th>
              </tr>
            </thead>
            <tbody onKeyDown={onKeyDown}>
              {devices.map((device, index) => (
                <DeviceRow
                  key={device.device_id}
                  device={device}
                  selected={device.device_id === openId}
                  rowProps={rowProps(index)}
                />
              ))}
            </tbody>
          </table>
          <p id={hintId} className="visually-hidden">
            {i18n.t("apps.devices.keyboardHint")}
          </p>
        </div>
      )}
      {openId !== null && <DeviceDetailPanel id={openId} onClose={onClose} />}
    </section>
  );
}

type RowProps = ReturnType<ReturnType<typeof useRovingRows>["rowProps"]>;

function DeviceRow({ device, selected, rowProps }: { device: AppDevice; selected: boolean; rowProps: RowProps }) {
  const i18n = useI18n();
  const none = i18n.t("value.none");
  const firstSeen = firstSeenLabel(device.first_seen_at, i18n);
  const identifier = unitIdentifier(device);
  return (
    <tr
      {...rowProps}
      className={selected ? "app-device-row selected" : "app-device-row"}
      aria-current={selected ? "true" : undefined}
      data-testid="app-device-row"
      data-device-id={device.device_id}
      data-first-seen={device.first_seen_at ?? ""}
      data-serial={device.serial ?? ""}
    >
      <td
        className={firstSeen.hint === null ? "apps-device-first-seen" : "apps-device-first-seen apps-before-upgrade"}
        data-testid="app-device-first-seen"
        title={firstSeen.hint ?? undefined}
      >
        {firstSeen.text}
      </td>
      <td className={identifier === null ? "muted" : "mono"} title={identifier?.kind === "imei" ? i18n.t("apps.devices.imeiHint") : undefined}>
        {identifier?.value ?? none}
      </td>
      <td>{modelLabel(device) || none}</td>
      <td className={device.org_unit === null ? "muted" : undefined}>{device.org_unit ?? none}</td>
      <td className={device.user_name === null ? "muted" : undefined}>{device.user_name ?? none}</td>
      <td className={device.versions.length === 0 ? "muted" : undefined}>
        {device.versions.length === 0 ? none : device.versions.join(", ")}
      </td>
      <td>{device.connections.join(", ")}</td>
    </tr>
  );
}
