import { useCallback, useId } from "react";
import { commands } from "../bindings";
import { useCommand } from "../api/useCommand";
import { InlineError } from "../components/InlineError";
import { TableExport } from "../components/TableExport";
import { useI18n } from "../i18n/I18nContext";
import { useSync } from "../sync/syncContext";
import { LoanerTable } from "./LoanerTable";
import { PoolTable } from "./PoolTable";

/**
 * The swap pool: per model, the units available, out with users, at the workshop and beyond
 * repair, and how many weeks the available ones last; and the loaners out with users.
 */
export function PoolView() {
  const i18n = useI18n();
  const sync = useSync();
  const loansId = useId();
  const load = useCallback(() => commands.poolOverview(), []);
  const { state, reload } = useCommand(load, sync.state.registerChanges);
  const pool = state.status === "ok" ? state.data : null;

  return (
    <div className="pool" data-testid="pool-view">
      <div className="view-toolbar">
        <div>
          <h1 className="view-heading">{i18n.t("pool.heading")}</h1>
          <p className="muted view-intro">{i18n.t("pool.intro")}</p>
        </div>
        <div className="view-actions">
          <TableExport
            run={(path, format) => commands.exportPool(path, format)}
            fileName="flotta-bytespool"
            hint="pool.export.hint" testId="pool-export" />
        </div>
      </div>
      {state.status === "loading" && <p className="muted">{i18n.t("pool.loading")}</p>}
      {state.status === "error" && (
        <InlineError messageKey="pool.loadError" error={state.error} onRetry={reload} testId="pool-error" />
      )}
      {pool !== null && pool.models.length === 0 && (
        <p className="empty-state" data-testid="pool-empty">
          {i18n.t("pool.empty")}
        </p>
      )}
      {pool !== null && pool.models.length > 0 && (
        <>
          <PoolTable models={pool.models} />
          <p className="muted pool-note">{i18n.t("pool.cover.hint")}</p>
        </>
      )}
      {pool !== null && (
        <section className="pool-loaners" aria-labelledby={loansId}>
          <h2 id={loansId} className="section-heading">
            {i18n.t("pool.loaners.heading")}
          </h2>
          {pool.loaners.length === 0 ? (
            <p className="muted" data-testid="loaners-empty">
              {i18n.t("pool.loaners.empty")}
            </p>
          ) : (
            <LoanerTable loaners={pool.loaners} />
          )}
        </section>
      )}
    </div>
  );
}
