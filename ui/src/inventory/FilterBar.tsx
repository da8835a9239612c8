import type { InventoryView, PurchaseMatch } from "../bindings";
import { useI18n } from "../i18n/I18nContext";
import type { SummaryState } from "../shell/appData";
import { facetOptions, facetsOf } from "../fleet/facets";
import { PURCHASE_MATCHES, purchaseMatchKey } from "../purchases/labels";
import { FILTER_KEYS, isPurchaseMatch, type FilterKey } from "./viewState";

type Props = {
  view: InventoryView;
  summary: SummaryState;
  onFilter: (key: FilterKey, value: string | null) => void;
  onWithoutHardwareId: (on: boolean) => void;
  onPurchase: (purchase: PurchaseMatch | null) => void;
  onReset: () => void;
};

export function FilterBar({ view, summary, onFilter, onWithoutHardwareId, onPurchase, onReset }: Props) {
  const i18n = useI18n();
  const purchase = view.filters.purchase ?? null;
  return (
    <fieldset className="filter-bar">
      <legend className="visually-hidden">{i18n.t("inventory.filters.label")}</legend>
      {FILTER_KEYS.map((key) => {
        const selected = view.filters[key];
        const facets = summary.status === "ok" ? facetsOf(summary.data, key) : [];
        const options = facetOptions(key, facets, selected, i18n);
        return (
          <label key={key} className="filter">
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
