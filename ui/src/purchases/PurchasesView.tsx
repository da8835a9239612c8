import { useCallback, useId, useState } from "react";
import { commands, type Purchase } from "../bindings";
import { useCommand } from "../api/useCommand";
import { TableExport } from "../components/TableExport";
import { InlineError } from "../components/InlineError";
import { useI18n } from "../i18n/I18nContext";
import type { Translator } from "../i18n/translator";
import { useNow } from "../lib/useNow";
import { useRovingRows } from "../lib/useRovingRows";
import { useSync } from "../sync/syncContext";
import { daysSince, formatDate } from "./dates";
import { ImportDialog } from "./ImportDialog";
import { PurchaseFormDialog } from "./PurchaseFormDialog";
import { fieldKey } from "./labels";
import { formatOre } from "../lib/money";

/**
 * What was bought, from the suppliers' delivery files or entered by hand, and which of it no EMM has reported:
 * a unit bought but never enrolled is lying in a drawer, or was never delivered.
 */
export function PurchasesView() {
  const i18n = useI18n();
  const sync = useSync();
  const [unseen, setUnseen] = useState(false);
  const [importing, setImporting] = useState(false);
  const [adding, setAdding] = useState(false);
  const [correcting, setCorrecting] = useState<Purchase | null>(null);
  const load = useCallback(() => commands.purchases(unseen), [unseen]);
  const { state, reload } = useCommand(load, sync.state.registerChanges);
  const groupName = useId();

  const list = state.status === "ok" ? state.data : null;
  const listed = list === null ? 0 : unseen ? list.unseen : list.total;

  return (
    <div className="purchases" data-testid="purchases-view">
      <div className="view-toolbar">
        <div>
          <h1 className="view-heading">{i18n.t("purchases.heading")}</h1>
          <p className="muted view-intro">{i18n.t("purchases.intro")}</p>
        </div>
        <div className="view-actions">
          <TableExport
            run={(path, format) => commands.exportPurchases(path, unseen, format)}
            fileName={unseen ? "flotta-inkop-ej-sedda" : "flotta-inkop"}
            hint={unseen ? "purchases.export.hintUnseen" : "purchases.export.hint"}
            testId="purchases-export"
          />
          <button
            type="button"
            className="button-secondary"
            data-testid="purchases-add"
            onClick={() => setAdding(true)}
          >
            {i18n.t("purchases.add.open")}
          </button>
          <button
            type="button"
            className="button-primary"
            data-testid="purchases-import"
            onClick={() => setImporting(true)}
          >
            {i18n.t("purchases.import.open")}
          </button>
        </div>
      </div>

      <div className="purchases-toolbar">
        <fieldset className="segmented" data-testid="purchases-show">
          <legend className="visually-hidden">{i18n.t("purchases.show.label")}</legend>
          <label className={unseen ? "segment" : "segment active"}>
            <input
              type="radio"
              className="visually-hidden"
              name={groupName}
              data-testid="purchases-all"
              checked={!unseen}
              onChange={() => setUnseen(false)}
            />
            <span>{i18n.t("purchases.show.all")}</span>
          </label>
          <label className={unseen ? "segment active" : "segment"}>
            <input
              type="radio"
              className="visually-hidden"
              name={groupName}
              data-testid="purchases-unseen"
              checked={unseen}
              onChange={() => setUnseen(true)}
            />
            <span>{i18n.t("purchases.show.unseen")}</span>
          </label>
        </fieldset>
        <p
          className="purchases-counts"
          data-testid="purchases-counts"
          data-total={list?.total}
          data-unseen={list?.unseen}
          aria-live="polite"
          aria-atomic="true"
        >
          {list === null ? (
            state.status === "loading" && i18n.t("purchases.loading")
          ) : (
            <>
              <span>{i18n.count("purchases.total", list.total)}</span>
              <span aria-hidden="true"> · </span>
              <span className={list.unseen > 0 ? "tone-warn" : undefined}>
                {i18n.count("purchases.unseenCount", list.unseen)}
              </span>
            </>
          )}
        </p>
      </div>

      {state.status === "error" && (
        <InlineError messageKey="purchases.loadError" error={state.error} onRetry={reload} testId="purchases-error" />
      )}
      {list !== null && list.rows.length === 0 && (
        <p className="empty-state" data-testid="purchases-empty">
          {i18n.t(unseen && list.total > 0 ? "purchases.emptyUnseen" : "purchases.empty")}
        </p>
      )}
      {list !== null && list.rows.length > 0 && (
        <>
          <PurchaseTable rows={list.rows} unseen={unseen} onEdit={setCorrecting} />
          {list.rows.length < listed && (
            <p className="muted purchases-truncated" data-testid="purchases-truncated">
              {i18n.t("purchases.truncated", {
                shown: i18n.format.number(list.rows.length),
                total: i18n.format.number(listed),
              })}
            </p>
          )}
        </>
      )}

      {importing && <ImportDialog onClose={() => setImporting(false)} />}
      {adding && <PurchaseFormDialog onClose={() => setAdding(false)} />}
      {correcting !== null && <PurchaseFormDialog purchase={correcting} onClose={() => setCorrecting(null)} />}
    </div>
  );
}

/**
 * Arrow keys move between the rows; a row opens nothing by itself, since a click to select a
 * serial number to copy should not open a form. Its Edit button does.
 */
const NOTHING_TO_OPEN = () => undefined;

type TableProps = {
  rows: readonly Purchase[];
  unseen: boolean;
  onEdit: (purchase: Purchase) => void;
};

function PurchaseTable({ rows, unseen, onEdit }: TableProps) {
  const i18n = useI18n();
  const now = useNow();
  const hintId = useId();
  const { rowProps, onKeyDown, active } = useRovingRows(rows.length, NOTHING_TO_OPEN);
  const locale = i18n.format.locale;
  const none = i18n.t("value.none");

  return (
    <div className="table-card">
      <table
        className="data-table purchase-table"
        aria-label={i18n.t(unseen ? "purchases.table.unseenLabel" : "purchases.table.label")}
        aria-describedby={hintId}
      >
        <thead>
          <tr>
            <th scope="col">{i18n.t(fieldKey("purchase_date"))}</th>
            <th scope="col">{i18n.t(fieldKey("supplier"))}</th>
            <th scope="col">{i18n.t(fieldKey("order_number"))}</th>
            <th scope="col">{i18n.t(fieldKey("manufacturer"))}</th>
            <th scope="col">{i18n.t(fieldKey("model"))}</th>
            <th scope="col">{i18n.t(fieldKey("serial"))}</th>
            <th scope="col">{i18n.t(fieldKey("imei"))}</th>
            <th scope="col" className="num">
              {i18n.t(fieldKey("unit_cost"))}
            </th>
            <th scope="col" className="num">
              {i18n.t(fieldKey("warranty_months"))}
            </th>
            <th scope="col">{i18n.t(fieldKey("org_unit"))}</th>
            {unseen ? (
              <th scope="col" className="num" title={i18n.t("purchases.column.daysSinceHint")}>
                {i18n.t("purchases.column.daysSince")}
              </th>
            ) : (
              <th scope="col">{i18n.t("purchases.column.emm")}</th>
            )}
            <th scope="col">
              <span className="visually-hidden">{i18n.t("purchases.column.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody onKeyDown={onKeyDown}>
          {rows.map((purchase, index) => {
            const { line } = purchase;
            const seen = purchase.device_id !== null;
            return (
              <tr
                key={purchase.id}
                {...rowProps(index)}
                className="purchase-row"
                data-testid="purchase-row"
                data-id={purchase.id}
                data-serial={line.serial ?? ""}
                data-seen={seen}
              >
                <td className="nowrap">
                  <time dateTime={line.purchase_date}>{formatDate(line.purchase_date, locale)}</time>
                </td>
                <td data-testid="purchase-supplier">{line.supplier}</td>
                <td>{line.order_number ?? none}</td>
                <td>{line.manufacturer}</td>
                <td>{line.model}</td>
                <td className="mono">{line.serial ?? none}</td>
                <td className="mono">{line.imei ?? none}</td>
                <td className="num nowrap">{line.unit_cost_ore === null ? none : formatOre(line.unit_cost_ore, locale)}</td>
                <td className="num">{line.warranty_months === null ? none : i18n.format.number(line.warranty_months)}</td>
                <td>{line.org_unit ?? none}</td>
                {unseen ? (
                  <td className="num" data-testid="purchase-days">
                    {daysText(line.purchase_date, now, i18n)}
                  </td>
                ) : (
                  <td>
                    {seen ? (
                      <span className="purchase-seen" data-testid="purchase-seen">
                        {i18n.t("purchases.seen")}
                      </span>
                    ) : (
                      <span className="tone-muted">{i18n.t("purchases.notSeen")}</span>
                    )}
                  </td>
                )}
                <td className="row-actions">
                  <button
                    type="button"
                    className="button-secondary"
                    data-testid="purchase-edit"
                    // Reached by Tab from its row only: one tab stop per row would make a list of
                    // thousands of purchases a long way to tab through.
                    tabIndex={index === active ? 0 : -1}
                    aria-label={
                      line.serial !== null
                        ? i18n.t("purchases.edit.openSerial", { serial: line.serial })
                        : i18n.t("purchases.edit.openImei", { imei: line.imei ?? none })
                    }
                    onClick={() => onEdit(purchase)}
                  >
                    {i18n.t("purchases.edit.open")}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p id={hintId} className="visually-hidden">
        {i18n.t("purchases.table.keyboardHint")}
      </p>
    </div>
  );
}

function daysText(purchaseDate: string, now: Date, i18n: Translator): string {
  const days = daysSince(purchaseDate, now);
  return days === null ? i18n.t("value.none") : i18n.format.number(days);
}
