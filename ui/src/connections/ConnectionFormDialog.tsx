import { useId, useState, type FormEvent, type ReactNode } from "react";
import {
  commands,
  type AuthMethod,
  type Connection,
  type ConnectionTest,
  type ErrorPayload,
  type SecretStoreStatus,
  type Vendor,
} from "../bindings";
import { call } from "../api/call";
import type { LoadState } from "../api/useCommand";
import { Dialog } from "../components/Dialog";
import { ErrorDetails } from "../components/ErrorDetails";
import type { MessageKey } from "../i18n/dictionary";
import { useI18n } from "../i18n/I18nContext";
import {
  DRAFT_FIELDS,
  MAX_CONCURRENCY,
  MAX_PAGE_SIZE,
  changeVendor,
  checkDraft,
  defaultSessionOnly,
  draftFromConnection,
  newDraft,
  serverProblemField,
  visibleFields,
  type ConnectionDraft,
  type DraftField,
  type DraftProblems,
} from "./connectionDraft";
import {
  VENDORS,
  VENDOR_DEFAULTS,
  WORKSPACE_ONE_REGIONS,
  workspaceOneRegionOf,
  workspaceOneTokenUrl,
  type WorkspaceOneRegion,
} from "./vendors";

type Props = {
  /** `null` adds a new connection. */
  connection: Connection | null;
  secretStore: LoadState<SecretStoreStatus>;
  onClose: () => void;
  onSaved: (connection: Connection) => void;
};

type TestState =
  | { readonly status: "idle" }
  | { readonly status: "testing" }
  | { readonly status: "ok"; readonly result: ConnectionTest; readonly vendor: Vendor }
  | { readonly status: "error"; readonly error: ErrorPayload };

type SaveState =
  | { readonly status: "idle" }
  | { readonly status: "saving" }
  | { readonly status: "error"; readonly error: ErrorPayload };

const AUTH_METHODS: readonly AuthMethod[] = ["client_credentials", "basic"];

export function ConnectionFormDialog({ connection, secretStore, onClose, onSaved }: Props) {
  const i18n = useI18n();
  const formId = useId();
  const titleId = `${formId}-title`;
  const isNew = connection === null;
  // An unknown keyring status (still loading, or the question failed) is not a reason to
  // keep secrets for the session only: saving would then say what is wrong.
  const keyringAvailable = secretStore.status !== "ok" || secretStore.data.available;
  const [draft, setDraft] = useState<ConnectionDraft>(() =>
    connection === null ? newDraft("intune", !keyringAvailable) : draftFromConnection(connection, keyringAvailable),
  );
  // Problems are shown once the user has tried to test or save, then follow every edit.
  const [showProblems, setShowProblems] = useState(false);
  const [test, setTest] = useState<TestState>({ status: "idle" });
  const [save, setSave] = useState<SaveState>({ status: "idle" });

  // The keyring's status may arrive after the form opened: until the user ticks or unticks
  // the box, it follows the status.
  const [sessionOnlyChoice, setSessionOnlyChoice] = useState<boolean | null>(null);
  const sessionOnly = sessionOnlyChoice ?? defaultSessionOnly(connection, keyringAvailable);
  const check = checkDraft({ ...draft, session_only: sessionOnly }, { isNew });
  const problems: DraftProblems = showProblems && !check.ok ? check.problems : {};
  const serverField =
    save.status === "error" && save.error.code === "invalid_input" ? serverProblemField(save.error.message) : null;
  const shown = visibleFields(draft.vendor);
  const defaults = VENDOR_DEFAULTS[draft.vendor];
  const basic = shown.auth && draft.auth === "basic";
  const fieldId = (field: DraftField) => `${formId}-${field}`;

  const update = (change: Partial<ConnectionDraft>) => {
    setDraft((current) => ({ ...current, ...change }));
    // A test result describes the settings it was run with, not the edited ones.
    setTest((current) => (current.status === "testing" ? current : { status: "idle" }));
  };

  /** The input to send, or `null` after pointing the user at the first problem. */
  const validInput = () => {
    if (check.ok) return check.input;
    setShowProblems(true);
    const first = DRAFT_FIELDS.find((field) => check.problems[field] !== undefined);
    if (first) document.getElementById(fieldId(first))?.focus();
    return null;
  };

  const runTest = () => {
    const input = validInput();
    if (input === null) return;
    const vendor = input.settings.vendor;
    setTest({ status: "testing" });
    void call(() => commands.testConnection(connection?.id ?? null, input)).then((result) => {
      setTest(
        result.status === "ok"
          ? { status: "ok", result: result.data, vendor }
          : { status: "error", error: result.error },
      );
    });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.status === "saving") return;
    const input = validInput();
    if (input === null) return;
    setSave({ status: "saving" });
    void call(() => commands.saveConnection(connection?.id ?? null, input)).then((result) => {
      if (result.status === "ok") onSaved(result.data);
      else setSave({ status: "error", error: result.error });
    });
  };

  const fieldProps = (field: DraftField) => {
    const problem = problems[field] !== undefined || serverField === field;
    return {
      id: fieldId(field),
      name: field,
      "data-testid": `connection-field-${field}`,
      "aria-invalid": problem || undefined,
      "aria-describedby": `${fieldId(field)}-problem ${fieldId(field)}-hint`,
    };
  };
  const problemText = (field: DraftField) => {
    const key = problems[field];
    if (key !== undefined) return i18n.t(key);
    return serverField === field && save.status === "error" ? save.error.message : null;
  };

  const region = workspaceOneRegionOf(draft.token_url);

  return (
    <Dialog labelledBy={titleId} onClose={onClose} className="form-dialog" testId="connection-dialog">
      <form className="connection-form" data-testid="connection-form" onSubmit={submit} noValidate>
        <header className="dialog-header">
          <h2 id={titleId} className="dialog-title">
            {isNew
              ? i18n.t("connections.form.addTitle")
              : i18n.t("connections.form.editTitle", { name: connection.settings.name })}
          </h2>
          <button
            type="button"
            className="icon-button"
            onClick={onClose}
            aria-label={i18n.t("dialog.close")}
            title={`${i18n.t("dialog.close")} (Esc)`}
          >
            ✕
          </button>
        </header>

        <div className="dialog-body form-body">
          <fieldset className="form-section">
            <legend>{i18n.t("connections.form.section.system")}</legend>
            <Field id={fieldId("vendor")} label={i18n.t("connections.field.vendor")} problem={problemText("vendor")}>
              <select
                {...fieldProps("vendor")}
                data-autofocus
                value={draft.vendor}
                onChange={(event) => {
                  setDraft((current) => changeVendor(current, event.target.value as Vendor));
                  setTest({ status: "idle" });
                }}
              >
                {VENDORS.map((vendor) => (
                  <option key={vendor} value={vendor}>
                    {i18n.t(`vendor.${vendor}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field
              id={fieldId("name")}
              label={i18n.t("connections.field.name")}
              problem={problemText("name")}
              hint={i18n.t("connections.hint.name")}
            >
              <input
                {...fieldProps("name")}
                type="text"
                autoComplete="off"
                value={draft.name}
                onChange={(event) => update({ name: event.target.value })}
              />
            </Field>
          </fieldset>

          <fieldset className="form-section">
            <legend>{i18n.t("connections.form.section.address")}</legend>
            <Field
              id={fieldId("base_url")}
              label={i18n.t("connections.field.base_url")}
              problem={problemText("base_url")}
              hint={i18n.t("connections.hint.https")}
              wide
            >
              <input
                {...fieldProps("base_url")}
                type="url"
                inputMode="url"
                spellCheck={false}
                autoComplete="off"
                placeholder={defaults.baseUrlPlaceholder}
                value={draft.base_url}
                onChange={(event) => update({ base_url: event.target.value })}
              />
            </Field>
            {shown.token_url && (
              <Field
                id={fieldId("token_url")}
                label={i18n.t("connections.field.token_url")}
                problem={problemText("token_url")}
                hint={i18n.t(
                  draft.vendor === "workspace_one" ? "connections.hint.tokenUrlRegion" : "connections.hint.tokenUrl",
                )}
                wide
              >
                <div className="field-with-helper">
                  <input
                    {...fieldProps("token_url")}
                    type="url"
                    inputMode="url"
                    spellCheck={false}
                    autoComplete="off"
                    value={draft.token_url}
                    onChange={(event) => update({ token_url: event.target.value })}
                  />
                  {draft.vendor === "workspace_one" && (
                    <select
                      data-testid="connection-ws1-region"
                      aria-label={i18n.t("connections.field.region")}
                      title={i18n.t("connections.field.region")}
                      value={region ?? ""}
                      onChange={(event) => {
                        if (event.target.value !== "") {
                          update({ token_url: workspaceOneTokenUrl(event.target.value as WorkspaceOneRegion) });
                        }
                      }}
                    >
                      <option value="" disabled>
                        {i18n.t("connections.region.custom")}
                      </option>
                      {WORKSPACE_ONE_REGIONS.map((option) => (
                        <option key={option} value={option}>
                          {i18n.t(`connections.region.${option}`)}
                        </option>
                      ))}
                    </select>
                  )}
                </div>
              </Field>
            )}
            {defaults.tenant !== null && (
              <Field
                id={fieldId("tenant")}
                label={i18n.t(
                  defaults.tenant === "tenantCode" ? "connections.field.tenantCode" : "connections.field.tenantId",
                )}
                problem={problemText("tenant")}
                hint={i18n.t(
                  defaults.tenant === "tenantCode" ? "connections.hint.tenantCode" : "connections.hint.tenantId",
                )}
                wide
              >
                <input
                  {...fieldProps("tenant")}
                  type="text"
                  spellCheck={false}
                  autoComplete="off"
                  value={draft.tenant}
                  onChange={(event) => update({ tenant: event.target.value })}
                />
              </Field>
            )}
          </fieldset>

          <fieldset className="form-section">
            <legend>{i18n.t("connections.form.section.signIn")}</legend>
            {shown.auth && (
              <Field id={fieldId("auth")} label={i18n.t("connections.field.auth")} problem={problemText("auth")} wide>
                <select
                  {...fieldProps("auth")}
                  value={draft.auth}
                  onChange={(event) => update({ auth: event.target.value as AuthMethod })}
                >
                  {AUTH_METHODS.map((method) => (
                    <option key={method} value={method}>
                      {i18n.t(`auth.${method}`)}
                    </option>
                  ))}
                </select>
              </Field>
            )}
            <Field
              id={fieldId("client_id")}
              label={i18n.t(basic ? "connections.field.userName" : "connections.field.clientId")}
              problem={problemText("client_id")}
              hint={basic ? i18n.t("connections.hint.userName") : i18n.t(`connections.hint.clientId.${draft.vendor}`)}
              wide
            >
              <input
                {...fieldProps("client_id")}
                type="text"
                spellCheck={false}
                autoComplete="off"
                value={draft.client_id}
                onChange={(event) => update({ client_id: event.target.value })}
              />
            </Field>
            <Field
              id={fieldId("secret")}
              label={i18n.t(basic ? "connections.field.password" : "connections.field.clientSecret")}
              problem={problemText("secret")}
              hint={i18n.t(secretHintKey(connection))}
              hintTone={connection?.secret === "missing" ? "warn" : undefined}
              wide
            >
              <input
                {...fieldProps("secret")}
                type="password"
                autoComplete="new-password"
                placeholder={isNew ? undefined : i18n.t("connections.secret.keepPlaceholder")}
                value={draft.secret}
                onChange={(event) => update({ secret: event.target.value })}
              />
            </Field>
            {secretStore.status === "ok" && !secretStore.data.available && (
              <div className="form-notice" role="note" data-testid="keyring-unavailable">
                <p>{i18n.t("connections.secret.keyringUnavailable")}</p>
                {secretStore.data.detail && (
                  <p className="muted">
                    {i18n.t("connections.secret.keyringDetail", { detail: secretStore.data.detail })}
                  </p>
                )}
              </div>
            )}
            <label className="checkbox-field">
              <input
                type="checkbox"
                data-testid="connection-session-only"
                checked={sessionOnly}
                onChange={(event) => setSessionOnlyChoice(event.target.checked)}
              />
              <span>
                {i18n.t("connections.field.sessionOnly")}
                <span className="field-hint">{i18n.t("connections.hint.sessionOnly")}</span>
              </span>
            </label>
          </fieldset>

          <fieldset className="form-section">
            <legend>{i18n.t("connections.form.section.sync")}</legend>
            <Field
              id={fieldId("concurrency")}
              label={i18n.t("connections.field.concurrency")}
              problem={problemText("concurrency")}
              hint={i18n.t("connections.hint.concurrency", { max: MAX_CONCURRENCY })}
            >
              <input
                {...fieldProps("concurrency")}
                type="number"
                min={1}
                max={MAX_CONCURRENCY}
                step={1}
                value={draft.concurrency}
                onChange={(event) => update({ concurrency: event.target.value })}
              />
            </Field>
            <Field
              id={fieldId("page_size")}
              label={i18n.t("connections.field.pageSize")}
              problem={problemText("page_size")}
              hint={i18n.t("connections.hint.pageSize", { max: i18n.format.number(MAX_PAGE_SIZE) })}
            >
              <input
                {...fieldProps("page_size")}
                type="number"
                min={1}
                max={MAX_PAGE_SIZE}
                step={1}
                value={draft.page_size}
                onChange={(event) => update({ page_size: event.target.value })}
              />
            </Field>
            <Field
              id={fieldId("sync_every_minutes")}
              label={i18n.t("connections.field.syncEveryMinutes")}
              problem={problemText("sync_every_minutes")}
              hint={i18n.t("connections.hint.syncEveryMinutes")}
            >
              <input
                {...fieldProps("sync_every_minutes")}
                type="number"
                min={1}
                step={1}
                placeholder={i18n.t("connections.schedule.off")}
                value={draft.sync_every_minutes}
                onChange={(event) => update({ sync_every_minutes: event.target.value })}
              />
            </Field>
            <Field
              id={fieldId("full_sync_every_hours")}
              label={i18n.t("connections.field.fullSyncEveryHours")}
              problem={problemText("full_sync_every_hours")}
              hint={i18n.t("connections.hint.fullSyncEveryHours")}
            >
              <input
                {...fieldProps("full_sync_every_hours")}
                type="number"
                min={1}
                step={1}
                value={draft.full_sync_every_hours}
                onChange={(event) => update({ full_sync_every_hours: event.target.value })}
              />
            </Field>
            <label className="checkbox-field">
              <input
                type="checkbox"
                data-testid="connection-field-sync_apps"
                checked={draft.sync_apps}
                onChange={(event) => update({ sync_apps: event.target.checked })}
              />
              <span>
                {i18n.t("connections.field.syncApps")}
                <span className="field-hint">{i18n.t(SYNC_APPS_HINT[draft.vendor])}</span>
              </span>
            </label>
          </fieldset>
        </div>

        {/* Outside the scrolling fields, so the outcome is in sight whichever field has focus. */}
        <div className="form-status">
          <TestResult test={test} />
          {save.status === "error" && (
            <div
              className="inline-error form-error"
              role="alert"
              data-testid="connection-save-error"
              data-code={save.error.code}
            >
              <span>{i18n.t("connections.form.saveError", { reason: i18n.error(save.error) })}</span>
              {save.error.code === "invalid_input" ? (
                <span className="form-error-message">{save.error.message}</span>
              ) : (
                <ErrorDetails message={save.error.message} />
              )}
            </div>
          )}
        </div>

        <footer className="dialog-actions">
          <button
            type="button"
            className="button-secondary"
            data-testid="connection-test"
            onClick={runTest}
            disabled={test.status === "testing"}
            aria-busy={test.status === "testing"}
          >
            {test.status === "testing" ? i18n.t("connections.test.running") : i18n.t("connections.test.button")}
          </button>
          <span className="dialog-actions-spacer" />
          <button type="button" className="button-secondary" onClick={onClose}>
            {i18n.t("dialog.cancel")}
          </button>
          <button
            type="submit"
            className="button-primary"
            data-testid="connection-save"
            disabled={save.status === "saving"}
            aria-busy={save.status === "saving"}
          >
            {save.status === "saving" ? i18n.t("connections.form.saving") : i18n.t("connections.form.save")}
          </button>
        </footer>
      </form>
    </Dialog>
  );
}

function secretHintKey(connection: Connection | null): MessageKey {
  if (connection === null) return "connections.secret.newHint";
  return connection.secret === "missing" ? "connections.secret.missingHint" : "connections.secret.keepHint";
}

type FieldProps = {
  id: string;
  label: string;
  problem: string | null;
  hint?: string;
  hintTone?: "warn";
  /** Spans both columns of the form grid. */
  wide?: boolean;
  children: ReactNode;
};

/** Label, control, hint and problem, tied together for screen readers by the control's id. */
function Field({ id, label, problem, hint, hintTone, wide, children }: FieldProps) {
  return (
    <div className={wide ? "form-field wide" : "form-field"}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children}
      <span id={`${id}-hint`} className={hintTone ? `field-hint tone-${hintTone}` : "field-hint"}>
        {hint}
      </span>
      <span
        id={`${id}-problem`}
        className="field-problem"
        data-testid="field-problem"
        role={problem ? "alert" : undefined}
      >
        {problem}
      </span>
    </div>
  );
}

function TestResult({ test }: { test: TestState }) {
  const i18n = useI18n();
  if (test.status === "idle" || test.status === "testing") {
    return <div className="sr-live" aria-live="polite" />;
  }
  if (test.status === "error") {
    return (
      <div
        className="test-result test-error"
        data-testid="connection-test-result"
        data-status="error"
        data-code={test.error.code}
        role="alert"
      >
        <strong>{i18n.t("connections.test.failed")}</strong> <span>{i18n.error(test.error)}</span>
        <ErrorDetails message={test.error.message} />
      </div>
    );
  }
  const { result, vendor } = test;
  const vendorName = i18n.t(`vendor.${vendor}`);
  const ms = i18n.format.number(result.elapsed_ms);
  return (
    <div className="test-result test-ok" data-testid="connection-test-result" data-status="ok" role="status">
      {result.devices === null
        ? i18n.t("connections.test.okNoCount", { vendor: vendorName, ms })
        : i18n.t("connections.test.ok", {
            vendor: vendorName,
            devices: i18n.count("connections.test.devices", result.devices),
            ms,
          })}
    </div>
  );
}

/** What reading apps costs differs per vendor, so the hint says it for the chosen one. */
const SYNC_APPS_HINT = {
  intune: "connections.hint.syncApps.intune",
  jamf_pro: "connections.hint.syncApps.jamf",
  workspace_one: "connections.hint.syncApps.ws1",
} as const satisfies Record<Vendor, MessageKey>;
