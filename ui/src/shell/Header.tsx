import { useState } from "react";
import { useI18n } from "../i18n/I18nContext";
import { HeaderSyncIndicator } from "../sync/HeaderSyncIndicator";
import { useAppData } from "./appData";
import { HelpDialog } from "./HelpDialog";
import { LanguageSelect } from "./LanguageSelect";
import { ScanField } from "../scanner/ScanField";
import type { ViewId } from "./views";

/** The navigation itself is in the sidebar; the header only leads to a running sync (and the scan field to a unit). */
type Props = { onNavigate: (view: ViewId) => void };

export function Header({ onNavigate }: Props) {
  const i18n = useI18n();
  const { status } = useAppData();
  const [helpOpen, setHelpOpen] = useState(false);
  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">{i18n.t("app.name")}</span>
      </div>
      <ScanField />
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
