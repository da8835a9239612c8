import type { InventoryView, PurchaseMatch } from "../bindings";
import type { MessageKey } from "../i18n/dictionary";
import { useI18n } from "../i18n/I18nContext";
import { useAppData, type SummaryState } from "../shell/appData";
import { facetOptions, facetsOf } from "../fleet/facets";
import { PURCHASE_MATCHES, purchaseMatchKey } from "../purchases/labels";
import { AppFilterChip } from "./AppFilterChip";
import { FILTER_KEYS, filterValue, isPurchaseMatch, type FilterKey } from "./viewState";

/** The filters whose values need a word on where they come from, on hover. */
const FILTER_HINTS: Partial<Record<FilterKey, MessageKey>> = {
  supplier: "filter.supplier.hint",
  warranty: "filter.warranty.hint",
  certification: "filter.certification.hint",
};

type Props = {
  view: InventoryView;
  summary: SummaryState;
  onFilter: (key: FilterKey, value: string | null) => void;
  onWithoutHardwareId: (on: boolean) => void;
  onPurchase: (purchase: PurchaseMatch | null) => void;
  /** The name of the filtered app, when the view that set the filter gave it. */
  appName: string | null;
  onApp: (app: string | null) => void;
  onReset: () => void;
};

export function FilterBar({ view, summary, onFilter, onWithoutHardwareId, onPurchase, appName, onApp, onReset }: Props) {
  const i18n = useI18n();
  const { expiringWithinDays } = useAppData();
  const purchase = view.filters.purchase ?? null;
  const app = view.filters.app ?? null;
  return (
    <fieldset className="filter-bar inventory-filters">
      <legend className="visually-hidden">{i18n.t("inventory.filters.label")}</legend>
      {/* First, as the filter the list was opened with from the Apps view. */}
      {app !== null && <AppFilterChip appKey={app} knownName={appName} onClear={() => onApp(null)} />}
      {FILTER_KEYS.map((key) => {
        const selected = filterValue(view, key);
        const facets = summary.status === "ok" ? facetsOf(summary.data, key) : [];
        const options = facetOptions(key, facets, selected, i18n, { expiringWithinDays });
        const hint = FILTER_HINTS[key];
        return (
          <label key={key} className="filter" title={hint === undefined ? undefined : i18n.t(hint)}>
            <span className="field-label">{i18n.t(`filter.${key}`)}</span>
            <select
              data-testid={`filter-${key}`}
              value={selected ?? ""}
              className={selected === null ? undefined : "active"}
              onChange={(event) => onFilter(key, event.target.value === "" ? null : event.target.value)}
            >
              <option value="">{i18n.t("inventory.filters.all")}</option>
              {options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.count === null
                    ? option.label
                    : i18n.t("inventory.filters.option", {
                        label: option.label,
                        count: i18n.format.number(option.count),
                      })}
                </option>
              ))}
            </select>
          </label>
        );
      })}
      <label className="filter" title={i18n.t("filter.purchase.hint")}>
        <span className="field-label">{i18n.t("filter.purchase")}</span>
        <select
          data-testid="filter-purchase"
          value={purchase ?? ""}
          className={purchase === null ? undefined : "active"}
          onChange={(event) => onPurchase(isPurchaseMatch(event.target.value) ? event.target.value : null)}
        >
          <option value="">{i18n.t("inventory.filters.all")}</option>
          {PURCHASE_MATCHES.map((match) => (
            <option key={match} value={match}>
              {i18n.t(purchaseMatchKey(match))}
            </option>
          ))}
        </select>
      </label>
      <label className="filter filter-switch">
        <input
          type="checkbox"
          data-testid="filter-without-hardware-id"
          checked={view.filters.without_hardware_id}
          onChange={(event) => onWithoutHardwareId(event.target.checked)}
        />
        <span>{i18n.t("filter.without_hardware_id")}</span>
      </label>
      <button type="button" className="button-secondary filters-reset" data-testid="filters-reset" onClick={onReset}>
        {i18n.t("inventory.filters.reset")}
      </button>
    </fieldset>
  );
}
