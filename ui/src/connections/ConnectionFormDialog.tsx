import { useId, useState, type FormEvent } from "react";
import {
  commands,
  type AuthMethod,
  type Connection,
  type ConnectionDefaults,
  type ConnectionTest,
  type ErrorPayload,
  type SecretStoreStatus,
  type Vendor,
} from "../bindings";
import { call } from "../api/call";
import type { LoadState } from "../api/useCommand";
import { Dialog, DialogHeader } from "../components/Dialog";
import { Field } from "../components/Field";
import { ErrorDetails } from "../components/ErrorDetails";
import type { MessageKey } from "../i18n/dictionary";
import { useI18n } from "../i18n/I18nContext";
import type { Translator } from "../i18n/translator";
import {
  DRAFT_FIELDS,
  changeVendor,
  checkDraft,
  defaultSessionOnly,
  draftFromConnection,
  newDraft,
  scheduleMinutes,
  serverProblem,
  visibleFields,
  type ConnectionDraft,
  type DraftField,
  type DraftProblems,
  type ServerProblem,
} from "./connectionDraft";
import {
  VENDOR_FORM,
  WORKSPACE_ONE_REGIONS,
  offeredVendors,
  vendorDefaults,
  workspaceOneRegionOf,
  workspaceOneTokenUrl,
  type WorkspaceOneRegion,
} from "./vendors";

type Props = {
  /** `null` adds a new connection. */
  connection: Connection | null;
  /** The core's defaults and limits for a connection's settings. */
  defaults: ConnectionDefaults;
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

export function ConnectionFormDialog({ connection, defaults, secretStore, onClose, onSaved }: Props) {
  const i18n = useI18n();
  const formId = useId();
  const titleId = `${formId}-title`;
  const isNew = connection === null;
  // An unknown keyring status (still loading, or the question failed) is not a reason to
  // keep secrets for the session only: saving would then say what is wrong.
  const keyringAvailable = secretStore.status !== "ok" || secretStore.data.available;
  const [draft, setDraft] = useState<ConnectionDraft>(() =>
    connection === null
      ? newDraft(offeredVendors(defaults)[0] ?? "intune", !keyringAvailable, defaults)
      : draftFromConnection(connection, keyringAvailable),
  );
  // Problems are shown once the user has tried to test or save, then follow every edit.
  const [showProblems, setShowProblems] = useState(false);
  const [test, setTest] = useState<TestState>({ status: "idle" });
  const [save, setSave] = useState<SaveState>({ status: "idle" });
  // What the core last refused, shown at its field until that field is edited.
  const [refusal, setRefusal] = useState<ServerProblem | null>(null);
  // Once the core has refused to reuse the stored secret (or Workspace ONE's tenant code,
  // kept with it), only newly entered ones will do.
  const [secretRequired, setSecretRequired] = useState(false);
  const needsSecret = isNew || secretRequired;

  // The keyring's status may arrive after the form opened: until the user ticks or unticks
  // the box, it follows the status.
  const [sessionOnlyChoice, setSessionOnlyChoice] = useState<boolean | null>(null);
  const sessionOnly = sessionOnlyChoice ?? defaultSessionOnly(connection, keyringAvailable);
  const check = checkDraft({ ...draft, session_only: sessionOnly }, { needsSecret, defaults });
  const problems: DraftProblems = showProblems && !check.ok ? check.problems : {};
  const shown = visibleFields(draft.vendor, defaults);
  const vendorForm = VENDOR_FORM[draft.vendor];
  const basic = shown.auth && draft.auth === "basic";
  const fieldId = (field: DraftField) => `${formId}-${field}`;
  const offered = offeredVendors(defaults);
  const vendors = offered.includes(draft.vendor) ? offered : [draft.vendor, ...offered];

  const update = (change: Partial<ConnectionDraft>) => {
    setDraft((current) => ({ ...current, ...change }));
    // A test result describes the settings it was run with, not the edited ones.
    setTest((current) => (current.status === "testing" ? current : { status: "idle" }));
    if (refusal !== null && refusal.field in change) setRefusal(null);
  };

  /** Shows what the core refused at its field, and points the user there. */
  const refused = (error: ErrorPayload) => {
    const problem = serverProblem(error);
    setRefusal(problem);
    if (problem === null) return;
    if (problem.field === "secret" || problem.field === "tenant") setSecretRequired(true);
    document.getElementById(fieldId(problem.field))?.focus();
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
    setRefusal(null);
    void call(() => commands.testConnection(connection?.id ?? null, input)).then((result) => {
      if (result.status === "ok") {
        setTest({ status: "ok", result: result.data, vendor });
      } else {
        setTest({ status: "error", error: result.error });
        refused(result.error);
      }
    });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.status === "saving") return;
    const input = validInput();
    if (input === null) return;
    setSave({ status: "saving" });
    setRefusal(null);
    void call(() => commands.saveConnection(connection?.id ?? null, input)).then((result) => {
      if (result.status === "ok") {
        onSaved(result.data);
      } else {
        setSave({ status: "error", error: result.error });
        refused(result.error);
      }
    });
  };

  const fieldProps = (field: DraftField) => {
    const problem = problems[field] !== undefined || refusal?.field === field;
    return {
      id: fieldId(field),
      name: field,
      "data-testid": `connection-field-${field}`,
      "aria-invalid": problem || undefined,
      "aria-describedby": `${fieldId(field)}-problem ${fieldId(field)}-hint`,
    };
  };
  const limits = {
    concurrency: i18n.format.number(defaults.max_concurrency),
    page_size: i18n.format.number(defaults.max_page_size),
  };
  const problemText = (field: DraftField) => {
    const key = problems[field];
    if (key !== undefined) {
      return i18n.t(key, field === "concurrency" || field === "page_size" ? { max: limits[field] } : undefined);
    }
    return refusal?.field === field ? i18n.t(refusal.key) : null;
  };

  const region = workspaceOneRegionOf(draft.token_url);
  const regionId = `${formId}-region`;
  const saveProblem = save.status === "error" ? serverProblem(save.error) : null;
  // The schedule of a new connection, for saying when its first sync starts.
  const everyMinutes = scheduleMinutes(draft);

  return (
    <Dialog labelledBy={titleId} onClose={onClose} className="form-dialog" testId="connection-dialog">
      <form className="connection-form" data-testid="connection-form" onSubmit={submit} noValidate>
        <DialogHeader
          titleId={titleId}
          title={
            isNew
              ? i18n.t("connections.form.addTitle")
              : i18n.t("connections.form.editTitle", { name: connection.settings.name })
          }
          onClose={onClose}
        />

        <div className="dialog-body form-body">
          <fieldset className="form-section">
            <legend>{i18n.t("connections.form.section.system")}</legend>
            <Field id={fieldId("vendor")} label={i18n.t("connections.field.vendor")} problem={problemText("vendor")}>
              <select
                {...fieldProps("vendor")}
                data-autofocus
                value={draft.vendor}
                onChange={(event) => {
                  setDraft((current) => changeVendor(current, event.target.value as Vendor, defaults));
                  setTest({ status: "idle" });
                  setRefusal(null);
                }}
              >
                {vendors.map((vendor) => (
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
                placeholder={vendorForm.baseUrlPlaceholder ?? vendorDefaults(defaults, draft.vendor)?.base_url}
                value={draft.base_url}
                onChange={(event) => update({ base_url: event.target.value })}
              />
            </Field>
            {shown.token_url && draft.vendor === "workspace_one" && (
              <div className="form-field wide">
                <label className="field-label" htmlFor={regionId}>
                  {i18n.t("connections.field.region")}
                </label>
                <select
                  id={regionId}
                  data-testid="connection-ws1-region"
                  aria-describedby={`${regionId}-hint`}
                  value={region ?? ""}
                  onChange={(event) => {
                    const choice = event.target.value;
                    if (choice === "") {
                      // "Other": the user types the token URL of their own host.
                      update({ token_url: "" });
                      document.getElementById(fieldId("token_url"))?.focus();
                    } else {
                      update({ token_url: workspaceOneTokenUrl(choice as WorkspaceOneRegion) });
                    }
                  }}
                >
                  {WORKSPACE_ONE_REGIONS.map((option) => (
                    <option key={option} value={option}>
                      {i18n.t(`connections.region.${option}`)}
                    </option>
                  ))}
                  <option value="">{i18n.t("connections.region.custom")}</option>
                </select>
                <span id={`${regionId}-hint`} className="field-hint">
                  {i18n.t("connections.hint.region")}
                </span>
              </div>
            )}
            {shown.token_url && (
              <Field
                id={fieldId("token_url")}
                label={i18n.t("connections.field.token_url")}
                problem={problemText("token_url")}
                hint={i18n.t(
                  draft.vendor === "workspace_one" && region !== null
                    ? "connections.hint.tokenUrlRegion"
                    : "connections.hint.tokenUrl",
                )}
                wide
              >
                <input
                  {...fieldProps("token_url")}
                  type="url"
                  inputMode="url"
                  spellCheck={false}
                  autoComplete="off"
                  value={draft.token_url}
                  onChange={(event) => update({ token_url: event.target.value })}
                />
              </Field>
            )}
            {vendorForm.tenant !== null && (
              <Field
                id={fieldId("tenant")}
                label={i18n.t(
                  vendorForm.tenant === "tenantCode" ? "connections.field.tenantCode" : "connections.field.tenantId",
                )}
                problem={problemText("tenant")}
                hint={i18n.t(
                  vendorForm.tenant === "tenantCode" ? "connections.hint.tenantCode" : "connections.hint.tenantId",
                )}
                wide
              >
                <input
                  {...fieldProps("tenant")}
                  // Workspace ONE's tenant code is an API key, kept with the secret.
                  type={vendorForm.tenant === "tenantCode" ? "password" : "text"}
                  spellCheck={false}
                  autoComplete="off"
                  placeholder={
                    vendorForm.tenant === "tenantCode" && !needsSecret
                      ? i18n.t("connections.secret.keepPlaceholder")
                      : undefined
                  }
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
              hint={i18n.t(secretHintKey(connection, needsSecret))}
              hintTone={connection?.secret === "missing" && !needsSecret ? "warn" : undefined}
              wide
            >
              <input
                {...fieldProps("secret")}
                type="password"
                autoComplete="new-password"
                required={needsSecret}
                placeholder={needsSecret ? undefined : i18n.t("connections.secret.keepPlaceholder")}
                value={draft.secret}
                onChange={(event) => update({ secret: event.target.value })}
              />
            </Field>
            {secretStore.status === "ok" && !secretStore.data.available && (
              <div className="form-notice" role="note" data-testid="keyring-unavailable">
                <p>{i18n.t("connections.secret.keyringUnavailable")}</p>
                {secretStore.data.detail && <ErrorDetails message={secretStore.data.detail} />}
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
              hint={i18n.t("connections.hint.concurrency", { max: limits.concurrency })}
            >
              <input
                {...fieldProps("concurrency")}
                type="number"
                min={1}
                max={defaults.max_concurrency}
                step={1}
                value={draft.concurrency}
                onChange={(event) => update({ concurrency: event.target.value })}
              />
            </Field>
            <Field
              id={fieldId("page_size")}
              label={i18n.t("connections.field.pageSize")}
              problem={problemText("page_size")}
              hint={i18n.t("connections.hint.pageSize", { max: limits.page_size })}
            >
              <input
                {...fieldProps("page_size")}
                type="number"
                min={1}
                max={defaults.max_page_size}
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
            {isNew && everyMinutes !== null && (
              <p className="form-info" data-testid="connection-first-sync">
                {i18n.count("connections.form.firstSync", everyMinutes)}
              </p>
            )}
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
              <span>
                {i18n.t("connections.form.saveError", {
                  reason: saveProblem ? i18n.t(saveProblem.key) : i18n.error(save.error),
                })}
              </span>
              <ErrorDetails message={save.error.message} />
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

function secretHintKey(connection: Connection | null, needsSecret: boolean): MessageKey {
  if (connection === null || needsSecret) return "connections.secret.newHint";
  return connection.secret === "missing" ? "connections.secret.missingHint" : "connections.secret.keepHint";
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
        <strong>{i18n.t("connections.test.failed")}</strong> <span>{testErrorText(test.error, i18n)}</span>
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

/** A refused setting is worded as at its field; any other error by its code. */
function testErrorText(error: ErrorPayload, i18n: Translator): string {
  const problem = serverProblem(error);
  return problem ? i18n.t(problem.key) : i18n.error(error);
}

/** What reading apps costs differs per vendor, so the hint says it for the chosen one. */
const SYNC_APPS_HINT = {
  intune: "connections.hint.syncApps.intune",
  jamf_pro: "connections.hint.syncApps.jamf",
  workspace_one: "connections.hint.syncApps.ws1",
} as const satisfies Record<Vendor, MessageKey>;
