import { useId, useRef, useState } from "react";
import type { AppStatus } from "../bindings";
import { Dialog, DialogHeader } from "../components/Dialog";
import type { MessageKey } from "../i18n/dictionary";
import { useI18n } from "../i18n/I18nContext";
import { SCAN_FIELD_KEY } from "../scanner/ScanField";
import { SHORTCUT_COUNT } from "./navKeys";

type Props = {
  status: AppStatus;
  onClose: () => void;
};

/**
 * What someone helping the user asks for first: the version, and where the register and the
 * log files are. The paths can be copied, for a support ticket or a file manager. Below them,
 * the keyboard shortcuts, which nothing else on screen lists in one place.
 */
export function HelpDialog({ status, onClose }: Props) {
  const i18n = useI18n();
  const titleId = useId();
  return (
    <Dialog labelledBy={titleId} onClose={onClose} className="help-dialog" testId="help-dialog">
      <DialogHeader titleId={titleId} title={i18n.t("help.title")} onClose={onClose} closeTestId="help-close" />
      <div className="dialog-body help-body">
        <p className="muted">{i18n.t("help.intro")}</p>
        <dl className="help-facts">
          <dt>{i18n.t("help.version")}</dt>
          <dd data-testid="help-version">{status.app_version}</dd>
          <dt>{i18n.t("help.database")}</dt>
          <dd>
            <CopyablePath
              path={status.database_path}
              testId="help-database-path"
              copyLabel="help.copyDatabase"
              hint="help.databaseHint"
            />
          </dd>
          <dt>{i18n.t("help.logFolder")}</dt>
          <dd>
            {status.log_folder === null ? (
              <p className="help-no-log" data-testid="help-no-log">
                {i18n.t("help.noLog")}
              </p>
            ) : (
              <CopyablePath
                path={status.log_folder}
                testId="help-log-folder"
                copyLabel="help.copyLogFolder"
                hint="help.logFolderHint"
              />
            )}
          </dd>
        </dl>
        <Shortcuts />
      </div>
      <div className="dialog-actions help-actions">
        <button type="button" className="button-secondary" onClick={onClose} data-autofocus>
          {i18n.t("dialog.close")}
        </button>
      </div>
    </Dialog>
  );
}

type CopyState = "idle" | "copied" | "failed";

type CopyablePathProps = {
  path: string;
  testId: string;
  copyLabel: MessageKey;
  hint: MessageKey;
};

/**
 * A path in a read-only field (selectable, and selected whole on focus) with a Copy button.
 * Should the clipboard refuse, the text stays selected for Ctrl+C and the user is told so.
 */
function CopyablePath({ path, testId, copyLabel, hint }: CopyablePathProps) {
  const i18n = useI18n();
  const hintId = useId();
  const field = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<CopyState>("idle");

  const copyPath = () => {
    field.current?.select();
    void writeClipboard(path, field.current).then((copied) => setCopy(copied ? "copied" : "failed"));
  };

  return (
    <div className="copyable-path">
      <div className="copyable-path-row">
        <input
          ref={field}
          type="text"
          readOnly
          spellCheck={false}
          className="path-field"
          data-testid={testId}
          value={path}
          aria-label={i18n.t(copyLabel)}
          aria-describedby={hintId}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button
          type="button"
          className="button-secondary"
          data-testid={`${testId}-copy`}
          aria-label={i18n.t(copyLabel)}
          title={i18n.t(copyLabel)}
          onClick={copyPath}
        >
          {i18n.t("help.copy")}
        </button>
      </div>
      <span id={hintId} className="field-hint">
        {i18n.t(hint)}
      </span>
      <span
        className={copy === "failed" ? "copy-status tone-bad" : "copy-status tone-good"}
        role="status"
        data-testid={`${testId}-copy-status`}
        data-status={copy}
      >
        {copy === "copied" ? i18n.t("help.copied") : copy === "failed" ? i18n.t("help.copyFailed") : ""}
      </span>
    </div>
  );
}

/** The asynchronous clipboard where the web view allows it, else the older copy command on the selected field. */
async function writeClipboard(text: string, field: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    field?.select();
    try {
      // Deprecated, but the only fallback a web view without clipboard permission has.
      return document.execCommand("copy");
    } catch {
      return false;
    }
  }
}

/** The app-wide keys: the ones a keyboard-heavy user cannot discover from a tooltip alone. */
function Shortcuts() {
  const i18n = useI18n();
  const headingId = useId();
  const keys: readonly { keys: readonly string[]; text: string }[] = [
    { keys: [SCAN_FIELD_KEY], text: i18n.t("help.shortcut.scanField") },
    { keys: [i18n.t("help.shortcut.scannerKey")], text: i18n.t("help.shortcut.scanner") },
    { keys: ["Ctrl+1", "…", `Ctrl+${SHORTCUT_COUNT}`], text: i18n.t("help.shortcut.views", { count: SHORTCUT_COUNT }) },
    { keys: ["↑", "↓", "Enter"], text: i18n.t("help.shortcut.rows") },
    { keys: ["Esc"], text: i18n.t("help.shortcut.escape") },
  ];
  return (
    <section className="help-shortcuts" aria-labelledby={headingId} data-testid="help-shortcuts">
      <h3 id={headingId}>{i18n.t("help.shortcuts")}</h3>
      <dl>
        {keys.map((shortcut) => (
          <div key={shortcut.text} className="help-shortcut">
            <dt>
              {shortcut.keys.map((key, index) =>
                key === "…" ? (
                  <span key={index}> … </span>
                ) : (
                  <kbd key={index}>{key}</kbd>
                ),
              )}
            </dt>
            <dd>{shortcut.text}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
