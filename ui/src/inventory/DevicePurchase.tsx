import { useCallback, useId, type ReactNode } from "react";
import { commands, type Purchase } from "../bindings";
import { useCommand } from "../api/useCommand";
import { InlineError } from "../components/InlineError";
import { useI18n } from "../i18n/I18nContext";
import { useNow } from "../lib/useNow";
import { formatDate, isPastDate } from "../purchases/dates";
import { fieldKey } from "../purchases/labels";
import { formatOre, formatVatRate } from "../lib/money";
import { useSync } from "../sync/syncContext";

/**
 * The purchase of the unit (matched by serial number, then IMEI): who sold it, when, for how
 * much, and until when its warranty runs. Read again after every sync and import.
 */
export function DevicePurchase({ id }: { id: number }) {
  const i18n = useI18n();
  const headingId = useId();
  const { state: syncState } = useSync();
  const load = useCallback(() => commands.devicePurchase(id), [id]);
  const { state, reload } = useCommand(load, syncState.registerChanges);

  return (
    <section className="detail-section" data-testid="device-purchase" aria-labelledby={headingId}>
      <h3 id={headingId}>{i18n.t("purchases.detail.heading")}</h3>
      {state.status === "loading" && <p className="muted">{i18n.t("purchases.detail.loading")}</p>}
      {state.status === "error" && (
        <InlineError messageKey="purchases.detail.loadError" error={state.error} onRetry={reload} />
      )}
      {state.status === "ok" && state.data === null && (
        <p className="muted" data-testid="device-purchase-none" title={i18n.t("purchases.detail.noneHint")}>
          {i18n.t("purchases.detail.none")}
        </p>
      )}
      {state.status === "ok" && state.data !== null && <PurchaseFacts purchase={state.data} />}
    </section>
  );
}

function PurchaseFacts({ purchase }: { purchase: Purchase }) {
  const i18n = useI18n();
  const now = useNow();
  const { line } = purchase;
  const locale = i18n.format.locale;
  const none = <span className="tone-muted">{i18n.t("value.none")}</span>;
  const text = (value: string | null): ReactNode => (value === null || value === "" ? none : value);
  const months = (count: number | null): ReactNode => (count === null ? none : i18n.count("purchases.months", count));
  const ends = purchase.warranty_end;
  const expired = ends !== null && isPastDate(ends, now);

  return (
    <>
      <dl className="source-facts purchase-facts" data-id={purchase.id}>
        <Fact label={i18n.t(fieldKey("supplier"))} testId="supplier">
          {text(line.supplier)}
        </Fact>
        <Fact label={i18n.t(fieldKey("purchase_date"))} testId="date">
          <time dateTime={line.purchase_date}>{formatDate(line.purchase_date, locale)}</time>
        </Fact>
        <Fact label={i18n.t(fieldKey("order_number"))} testId="order">
          {text(line.order_number)}
        </Fact>
        <Fact label={i18n.t(fieldKey("invoice_number"))} testId="invoice">
          {text(line.invoice_number)}
        </Fact>
        <Fact label={i18n.t(fieldKey("unit_cost"))} testId="cost">
          {line.unit_cost_ore === null ? none : formatOre(line.unit_cost_ore, locale)}
          {line.vat_rate_basis_points !== null && (
            <span className="detail-hint">
              {" · "}
              {i18n.t("purchases.detail.vat", { rate: formatVatRate(line.vat_rate_basis_points, locale) })}
            </span>
          )}
        </Fact>
        <Fact label={i18n.t("purchases.detail.warranty")} testId="warranty">
          {months(line.warranty_months)}
        </Fact>
        {ends !== null && (
          <Fact label={i18n.t("purchases.detail.warrantyEnds")} testId="warranty-end">
            <time dateTime={ends} className={expired ? "tone-warn" : undefined} data-expired={expired}>
              {formatDate(ends, locale)}
            </time>
            {expired && <span className="tone-warn"> ({i18n.t("purchases.detail.warrantyExpired")})</span>}
          </Fact>
        )}
        <Fact label={i18n.t(fieldKey("org_unit"))} testId="org-unit">
          {text(line.org_unit)}
        </Fact>
        <Fact label={i18n.t(fieldKey("ownership"))} testId="ownership">
          {i18n.enumLabel("ownership", line.ownership)}
        </Fact>
        {line.planned_lifetime_months !== null && (
          <Fact label={i18n.t("purchases.detail.lifetime")} testId="lifetime">
            {months(line.planned_lifetime_months)}
          </Fact>
        )}
      </dl>
      <p className="muted purchase-origin">
        {i18n.t(purchase.imported ? "purchases.detail.imported" : "purchases.detail.entered", {
          date: i18n.format.dateTime(purchase.created_at),
          actor: purchase.created_by,
        })}
      </p>
    </>
  );
}

function Fact({ label, testId, children }: { label: string; testId: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd data-testid={`device-purchase-${testId}`}>{children}</dd>
    </div>
  );
}
