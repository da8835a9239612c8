import { useCallback, useId } from "react";
import { commands } from "../bindings";
import { useCommand } from "../api/useCommand";
import { InlineError } from "../components/InlineError";
import { useI18n } from "../i18n/I18nContext";
import { useSync } from "../sync/syncContext";
import { coverText } from "./cover";

/**
 * The overview's word on the swap pool: the models whose available units last under two
 * weeks at the recent rate of swaps, so more are ordered or repaired in time.
 */
export function PoolShortCard() {
  const i18n = useI18n();
  const sync = useSync();
  const headingId = useId();
  const load = useCallback(() => commands.poolOverview(), []);
  const { state, reload } = useCommand(load, sync.state.registerChanges);
  const models = state.status === "ok" ? state.data.models : null;
  const short = models?.filter((model) => model.cover.level === "short") ?? [];

  return (
    <section className="overview-section overview-pool" aria-labelledby={headingId} data-testid="overview-pool">
      <h2 id={headingId} className="section-heading">
        {i18n.t("overview.pool.heading")}
      </h2>
      <p className="muted overview-note">{i18n.t("overview.pool.note")}</p>
      {state.status === "error" && (
        <InlineError messageKey="overview.pool.loadError" error={state.error} onRetry={reload} />
      )}
      {models !== null && (
        <div className="kpi-card pool-short-card" data-testid="overview-pool-short" data-count={short.length}>
          {models.length === 0 ? (
            <p className="muted">{i18n.t("overview.pool.empty")}</p>
          ) : short.length === 0 ? (
            <p className="tone-good">{i18n.t("overview.pool.none")}</p>
          ) : (
            <ul className="pool-short-list">
              {short.map((model) => (
                <li key={`${model.manufacturer}\u0000${model.model}`} data-model={model.model}>
                  <strong>{`${model.manufacturer} ${model.model}`}</strong>
                  <span>
                    {i18n.t("overview.pool.item", {
                      available: i18n.count("overview.pool.available", model.available),
                      cover: coverText(model.cover, i18n),
                    })}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
