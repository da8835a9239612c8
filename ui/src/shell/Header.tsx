import { useState } from "react";
import { useI18n } from "../i18n/I18nContext";
import { HeaderSyncIndicator } from "../sync/HeaderSyncIndicator";
import { useAppData } from "./appData";
import { HelpDialog } from "./HelpDialog";
import { LanguageSelect } from "./LanguageSelect";
import { VIEWS, type ViewId } from "./views";

type Props = { active: ViewId; onNavigate: (view: ViewId) => void };

export function Header({ active, onNavigate }: Props) {
  const i18n = useI18n();
  const { status } = useAppData();
  const [helpOpen, setHelpOpen] = useState(false);
  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">{i18n.t("app.name")}</span>
      </div>
      <nav className="main-nav" aria-label={i18n.t("nav.label")}>
        {VIEWS.map((view) => (
          <button
            key={view.id}
            type="button"
            data-testid={`nav-${view.id}`}
            className={view.id === active ? "nav-button active" : "nav-button"}
            aria-current={view.id === active ? "page" : undefined}
            onClick={() => onNavigate(view.id)}
          >
            {i18n.t(view.label)}
          </button>
        ))}
      </nav>
      <HeaderSyncIndicator onOpen={() => onNavigate("connections")} />
      <LanguageSelect />
      <button
        type="button"
        className="header-help"
        data-testid="help-open"
        aria-haspopup="dialog"
        title={i18n.t("help.openHint")}
        onClick={() => setHelpOpen(true)}
      >
        <span className="header-help-mark" aria-hidden="true">
          ?
        </span>
        {i18n.t("help.open")}
      </button>
      {helpOpen && <HelpDialog status={status} onClose={() => setHelpOpen(false)} />}
    </header>
  );
}
