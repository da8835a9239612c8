import { Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { commands, type AppStatus, type ErrorPayload, type Language, type Settings } from "../bindings";
import { call } from "../api/call";
import type { MessageKey } from "../i18n/dictionary";
import { I18nProvider, useI18n } from "../i18n/I18nContext";
import { browserLanguages, pickLanguage } from "../i18n/language";
import { normaliseView } from "../inventory/viewState";
import { DEFAULT_EXPIRING_WITHIN_DAYS } from "../warranty/status";
import { InlineError } from "../components/InlineError";
import { AppDataContext, type AppData, type SummaryState } from "./appData";
import { DemoBanner } from "./DemoBanner";
import { Header } from "./Header";
import { Sidebar } from "./Sidebar";
import { StartupError } from "./StartupError";
import { SyncProvider } from "../sync/SyncProvider";
import { RepairDeskProvider } from "../repairs/RepairDeskProvider";
import { IncidentDeskProvider } from "../incidents/IncidentDeskProvider";
import { InventoryDeskProvider } from "../inventory/InventoryDeskProvider";
import { VIEWS, type ViewId } from "./views";

type Startup =
  | { phase: "starting" }
  | { phase: "failed"; error: ErrorPayload }
  | { phase: "running"; status: AppStatus; settings: Settings | null; settingsError: ErrorPayload | null };

export function App() {
  const [startup, setStartup] = useState<Startup>({ phase: "starting" });
  const [language, setLanguage] = useState<Language>(() => pickLanguage(null, browserLanguages()));
  const [languageError, setLanguageError] = useState<ErrorPayload | null>(null);

  useEffect(() => {
    let current = true;
    void Promise.all([call(() => commands.appStatus()), call(() => commands.getSettings())]).then(([status, settings]) => {
      if (!current) return;
      const saved = settings.status === "ok" ? settings.data : null;
      // The OS locale comes first: the web view may not know it (WebKitGTK reports en-US
      // when the locale's files are not installed).
      const osLocale = status.status === "ok" ? status.data.os_locale : null;
      const preferred = osLocale ? [osLocale, ...browserLanguages()] : browserLanguages();
      setLanguage(pickLanguage(saved?.language ?? null, preferred));
      if (status.status === "error") {
        setStartup({ phase: "failed", error: status.error });
      } else {
        setStartup({
          phase: "running",
          status: status.data,
          settings: saved,
          settingsError: settings.status === "error" ? settings.error : null,
        });
      }
    });
    return () => {
      current = false;
    };
  }, []);

  const changeLanguage = useCallback((next: Language) => {
    setLanguage(next);
    void call(() => commands.setLanguage(next)).then((result) => {
      setLanguageError(result.status === "error" ? result.error : null);
    });
  }, []);

  return (
    <I18nProvider language={language} onLanguageChange={changeLanguage}>
      {startup.phase === "starting" && <Starting />}
      {startup.phase === "failed" && <StartupError error={startup.error} />}
      {startup.phase === "running" && (
        <Running
          status={startup.status}
          settings={startup.settings}
          notices={[
            ...(startup.settingsError ? [{ key: "settings.loadError" as const, error: startup.settingsError }] : []),
            ...(languageError ? [{ key: "settings.languageSaveError" as const, error: languageError }] : []),
          ]}
        />
      )}
    </I18nProvider>
  );
}

function Starting() {
  const i18n = useI18n();
  return (
    <div className="app-starting" data-testid="app-starting" aria-busy="true">
      <span className="brand-mark" aria-hidden="true" />
      <p>{i18n.t("app.starting")}</p>
    </div>
  );
}

/** Holds a view's place while its code is read, on its first visit. */
function ViewLoading() {
  const i18n = useI18n();
  return (
    <p className="muted view-loading" data-testid="view-loading" aria-busy="true">
      {i18n.t("app.viewLoading")}
    </p>
  );
}

type Notice = { key: MessageKey; error: ErrorPayload };

type RunningProps = {
  status: AppStatus;
  settings: Settings | null;
  /** Problems with settings that do not stop the app but should not pass silently. */
  notices: readonly Notice[];
};

function Running({ status, settings, notices }: RunningProps) {
  const [active, setActive] = useState<ViewId>(VIEWS[0].id);
  // Views are mounted on first visit and then kept, so switching back keeps scroll position and cache.
  const [visited, setVisited] = useState<ReadonlySet<ViewId>>(() => new Set([VIEWS[0].id]));
  const [summary, setSummary] = useState<SummaryState>({ status: "loading" });
  const [summaryAttempt, setSummaryAttempt] = useState(0);
  const [ready, setReady] = useState(false);
  const firstPaintSent = useRef(false);
  const [initialInventoryView] = useState(() => normaliseView(settings?.inventory_view));
  // Settings that could not be read are shown as a notice; meanwhile the core's default holds.
  const [expiringWithinDays, setExpiringWithinDays] = useState(
    () => settings?.expiring_within_days ?? DEFAULT_EXPIRING_WITHIN_DAYS,
  );

  useEffect(() => {
    let current = true;
    void call(() => commands.fleetSummary()).then((result) => {
      if (!current) return;
      setSummary(result.status === "ok" ? { status: "ok", data: result.data } : { status: "error", error: result.error });
    });
    return () => {
      current = false;
    };
  }, [summaryAttempt]);

  const reloadSummary = useCallback(() => {
    setSummary({ status: "loading" });
    setSummaryAttempt((n) => n + 1);
  }, []);

  const onInventoryFirstPage = useCallback((success: boolean) => {
    setReady(true);
    if (success && !firstPaintSent.current) {
      firstPaintSent.current = true;
      // Only a log line on the backend; a failure there is not the user's concern.
      void call(() => commands.markFirstPaint());
    }
  }, []);

  const navigate = useCallback((view: ViewId) => {
    setActive(view);
    setVisited((seen) => (seen.has(view) ? seen : new Set([...seen, view])));
  }, []);

  // A case shown from a scan or a new case opens in the Repairs view's panel.
  const showRepairs = useCallback(() => navigate("repairs"), [navigate]);
  // A support case logged or shown from elsewhere (a unit's panel) opens in the Incidents view's panel.
  const showIncidents = useCallback(() => navigate("incidents"), [navigate]);
  // The devices behind a figure elsewhere (an app's count in a unit) are listed in the inventory.
  const showInventory = useCallback(() => navigate("inventory"), [navigate]);

  const appData = useMemo<AppData>(
    () => ({
      status,
      summary,
      reloadSummary,
      initialInventoryView,
      onInventoryFirstPage,
      expiringWithinDays,
      onExpiringWithinDaysSaved: setExpiringWithinDays,
    }),
    [status, summary, reloadSummary, initialInventoryView, onInventoryFirstPage, expiringWithinDays],
  );

  return (
    <AppDataContext.Provider value={appData}>
      <SyncProvider onSyncFinished={reloadSummary}>
        <RepairDeskProvider onShowRepairs={showRepairs}>
          <IncidentDeskProvider onShowIncidents={showIncidents}>
            <InventoryDeskProvider onShowInventory={showInventory}>
              <div className="app" data-testid={ready ? "app-ready" : "app-loading"} data-demo={status.demo}>
                <Header onNavigate={navigate} />
                {status.demo && <DemoBanner />}
                <Sidebar active={active} onNavigate={navigate} />
                <div className="app-content">
                  {notices.length > 0 && (
                    <div className="app-notices">
                      {notices.map((notice) => (
                        <InlineError key={notice.key} messageKey={notice.key} error={notice.error} />
                      ))}
                    </div>
                  )}
                  <main className="app-main">
                    {VIEWS.filter((view) => visited.has(view.id)).map(({ id, Component }) => (
                      // Inactive views stay laid out but invisible and inert: `display: none` would reset
                      // the table's scroll position and hand the virtualiser a zero-sized viewport.
                      <section key={id} className="view" data-active={id === active} inert={id !== active}>
                        {/* A boundary per view: one view's code being read leaves the others as they are. */}
                        <Suspense fallback={<ViewLoading />}>
                          <Component />
                        </Suspense>
                      </section>
                    ))}
                  </main>
                </div>
              </div>
            </InventoryDeskProvider>
          </IncidentDeskProvider>
        </RepairDeskProvider>
      </SyncProvider>
    </AppDataContext.Provider>
  );
}
