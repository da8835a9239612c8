import { useCallback, useEffect, useRef, useState } from "react";
import { commands, type DeviceRow, type PurchaseMatch, type SortColumn } from "../bindings";
import { useI18n } from "../i18n/I18nContext";
import { useAppData } from "../shell/appData";
import { TableExport } from "../components/TableExport";
import { InlineError } from "../components/InlineError";
import { DeviceTable, type DeviceTableHandle } from "./DeviceTable";
import { DeviceDetailPanel } from "./DeviceDetailPanel";
import { FilterBar } from "./FilterBar";
import { SearchBox } from "./SearchBox";
import { useRowStore } from "./useRowStore";
import { useViewPersistence } from "./useViewPersistence";
import { useInventoryDesk } from "./inventoryDesk";
import {
  clearFilters,
  setApp,
  setFilter,
  setPurchase,
  setSearch,
  setWithoutHardwareId,
  showOnly,
  toggleSort,
  type FilterKey,
} from "./viewState";

export function InventoryView() {
  const i18n = useI18n();
  const { initialInventoryView, summary, reloadSummary, onInventoryFirstPage } = useAppData();
  const { request } = useInventoryDesk();
  const [view, setView] = useState(() =>
    request === null ? initialInventoryView : showOnly(initialInventoryView, request.filters),
  );
  const [selectedId, setSelectedId] = useState<number | null>(null);
  // Another view's request to list devices replaces the view once, as it arrives (during render,
  // so the list never shows the old view's rows under the new request).
  const [appliedRequest, setAppliedRequest] = useState(request?.seq ?? 0);
  if (request !== null && request.seq !== appliedRequest) {
    setAppliedRequest(request.seq);
    setView(showOnly(view, request.filters));
    setSelectedId(null);
  }
  const store = useRowStore(view);
  const saveError = useViewPersistence(view);
  const tableRef = useRef<DeviceTableHandle>(null);

  const total = store.getTotal();
  const loadError = store.getError();

  const onSearch = useCallback((search: string) => setView((current) => setSearch(current, search)), []);
  const onFilter = useCallback(
    (key: FilterKey, value: string | null) => setView((current) => setFilter(current, key, value)),
    [],
  );
  const onWithoutHardwareId = useCallback(
    (on: boolean) => setView((current) => setWithoutHardwareId(current, on)),
    [],
  );
  const onPurchase = useCallback(
    (purchase: PurchaseMatch | null) => setView((current) => setPurchase(current, purchase)),
    [],
  );
  const onApp = useCallback((app: string | null) => setView((current) => setApp(current, app)), []);
  const onReset = useCallback(() => setView(clearFilters), []);
  const onSort = useCallback((column: SortColumn) => setView((current) => toggleSort(current, column)), []);
  const onOpen = useCallback((row: DeviceRow) => setSelectedId(row.id), []);
  const onClose = useCallback(() => {
    setSelectedId(null);
    tableRef.current?.restoreFocus();
  }, []);

  // Arriving from another view's figure, the keyboard goes on in the list it asked for.
  useEffect(() => {
    if (appliedRequest > 0) tableRef.current?.restoreFocus();
  }, [appliedRequest]);

  // Startup is over once the first page is on screen; the extra frame makes sure it was painted.
  const firstPageSettled = total !== null || loadError !== null;
  const firstPageOk = total !== null;
  useEffect(() => {
    if (!firstPageSettled) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => onInventoryFirstPage(firstPageOk), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [firstPageSettled, firstPageOk, onInventoryFirstPage]);

  return (
    <div className="inventory">
      <h1 className="visually-hidden">{i18n.t("inventory.heading")}</h1>
      <div className="inventory-toolbar">
        {/* A request clears the search: the box starts again, dropping any half-typed text. */}
        <SearchBox key={appliedRequest} initial={view.search} onSearch={onSearch} />
        <p
          className="inventory-total"
          data-testid="inventory-total"
          data-total={total ?? undefined}
          aria-live="polite"
          aria-atomic="true"
        >
          {total !== null
            ? i18n.count("inventory.total", total)
            : loadError === null
              ? i18n.t("inventory.total.loading")
              : ""}
        </p>
        <TableExport
          run={(path, format) => commands.exportDevices(path, view, format)}
          fileName="flotta-enheter"
          hint="inventory.export.hint"
          testId="inventory-export"
        />
      </div>
      <FilterBar
        view={view}
        summary={summary}
        onFilter={onFilter}
        onWithoutHardwareId={onWithoutHardwareId}
        onPurchase={onPurchase}
        appName={request !== null && request.filters.app === view.filters.app ? request.appName : null}
        onApp={onApp}
        onReset={onReset}
      />
      {summary.status === "error" && (
        <InlineError messageKey="inventory.filters.loadError" error={summary.error} onRetry={reloadSummary} />
      )}
      {loadError && (
        <InlineError
          messageKey="inventory.table.loadError"
          error={loadError}
          onRetry={() => store.retry()}
          testId="inventory-error"
        />
      )}
      {saveError && <InlineError messageKey="inventory.saveError" error={saveError} />}
      <div className="inventory-body">
        <DeviceTable
          ref={tableRef}
          store={store}
          sort={view.sort}
          selectedId={selectedId}
          onSort={onSort}
          onOpen={onOpen}
        />
        {selectedId !== null && <DeviceDetailPanel id={selectedId} onClose={onClose} />}
      </div>
    </div>
  );
}
