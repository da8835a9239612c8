import { useCallback, useId, useState } from "react";
import { commands, type AppMatch, type AppSearch } from "../bindings";
import type { CommandResult } from "../api/call";
import { useCommand } from "../api/useCommand";
import { InlineError } from "../components/InlineError";
import { useI18n } from "../i18n/I18nContext";
import { useSync } from "../sync/syncContext";
import { AppResultsTable } from "./AppResultsTable";
import { AppSearchField } from "./AppSearchField";
import { AppSpreadPanel } from "./AppSpreadPanel";
import { isSearchable } from "./appSearch";
import type { Grouping } from "./spread";

/** What a too-short search answers without asking the core, which would refuse it. */
const NO_SEARCH: CommandResult<AppSearch | null> = { status: "ok", data: null };

/**
 * The app question: on how many devices is an app installed, and where, across every EMM
 * connection. A search lists the products; the one chosen shows its spread beside the list.
 */
export function AppsView() {
  const i18n = useI18n();
  const sync = useSync();
  const resultsId = useId();
  const [query, setQuery] = useState("");
  const [selected, setSelected] = useState<AppMatch | null>(null);
  // Kept from app to app: someone comparing apps by unit stays with units.
  const [grouping, setGrouping] = useState<Grouping>("org_unit");
  const load = useCallback(
    () => (isSearchable(query) ? commands.searchApps(query.trim()) : Promise.resolve(NO_SEARCH)),
    [query],
  );
  const { state, reload } = useCommand<AppSearch | null>(load, sync.state.registerChanges);
  const found = state.status === "ok" ? state.data : null;

  return (
    <div className="apps-view" data-testid="apps-view">
      <div className="view-toolbar">
        <div>
          <h1 className="view-heading">{i18n.t("apps.heading")}</h1>
          <p className="muted view-intro">{i18n.t("apps.intro")}</p>
        </div>
      </div>
      <AppSearchField onSearch={setQuery} />
      <div className="apps-body">
        <section className="apps-results" aria-labelledby={resultsId}>
          <h2 id={resultsId} className="visually-hidden">
            {i18n.t("apps.results.label")}
          </h2>
          <p className="muted apps-status" data-testid="apps-status" aria-live="polite" aria-atomic="true">
            {!isSearchable(query)
              ? i18n.t("apps.search.hint")
              : state.status === "loading"
                ? i18n.t("apps.search.loading")
                : ""}
          </p>
          {state.status === "error" && (
            <InlineError messageKey="apps.search.loadError" error={state.error} onRetry={reload} testId="apps-error" />
          )}
          {found !== null && found.matches.length === 0 && (
            <p className="empty-state" data-testid="apps-none">
              {i18n.t("apps.search.none", { text: query.trim() })}
            </p>
          )}
          {found !== null && found.matches.length > 0 && (
            <AppResultsTable matches={found.matches} selectedKey={selected?.key ?? null} onSelect={setSelected} />
          )}
          {found !== null && found.more > 0 && (
            <p className="muted apps-more" data-testid="apps-more" data-more={found.more}>
              {i18n.count("apps.search.more", found.more)}
            </p>
          )}
        </section>
        <div className="apps-spread-pane">
          {selected === null ? (
            <p className="empty-state">{i18n.t("apps.select.prompt")}</p>
          ) : (
            <AppSpreadPanel key={selected.key} app={selected} grouping={grouping} onGrouping={setGrouping} />
          )}
        </div>
      </div>
    </div>
  );
}
