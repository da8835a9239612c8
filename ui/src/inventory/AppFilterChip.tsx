import { useI18n } from "../i18n/I18nContext";
import { useAppName } from "../apps/useAppName";

type Props = {
  /** The filter's app key. */
  appKey: string;
  /** The app's name when the view that set the filter gave it. */
  knownName: string | null;
  onClear: () => void;
};

/**
 * The app filter, set from the Apps view, as a removable chip: an app catalogue is too long for
 * a select, and a list narrowed by an app must say so.
 */
export function AppFilterChip({ appKey, knownName, onClear }: Props) {
  const i18n = useI18n();
  const name = useAppName(appKey, knownName);
  return (
    <div className="filter-chip" data-testid="inventory-app-filter" data-app={appKey} title={i18n.t("inventory.appFilter.hint")}>
      <span className="filter-chip-label">{i18n.t("inventory.appFilter.label", { app: name })}</span>
      <button
        type="button"
        className="filter-chip-clear"
        data-testid="inventory-app-filter-clear"
        aria-label={i18n.t("inventory.appFilter.clear", { app: name })}
        title={i18n.t("inventory.appFilter.clear", { app: name })}
        onClick={onClear}
      >
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
