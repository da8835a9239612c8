import { useDeviceDetail } from "../inventory/useDeviceDetail";
import { useI18n } from "../i18n/I18nContext";

/** A unit named by its serial number (the label a coordinator reads), from its id. */
export function UnitSerial({ id }: { id: number }) {
  const i18n = useI18n();
  const { state } = useDeviceDetail(id);
  if (state.status !== "ok") return <span className="muted">{i18n.t("repairs.unitNumber", { id })}</span>;
  const { serial, imei, manufacturer, model } = state.data;
  return (
    <span data-testid="unit-serial" data-device-id={id}>
      <span className="mono">{serial || imei || i18n.t("repairs.unitNumber", { id })}</span>
      <span className="muted">{` (${manufacturer} ${model})`}</span>
    </span>
  );
}
