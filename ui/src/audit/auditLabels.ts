import type { SyncMode } from "../bindings";
import type { MessageKey } from "../i18n/dictionary";
import type { Translator } from "../i18n/translator";
import { WHOLE_VALUE } from "./changes";

/**
 * Words for what the store writes into the audit log (crates/flotta-store: `action`,
 * `entity` and the keys of the changed values). Anything this build does not know (a newer
 * backend) is shown as the log has it rather than hidden.
 */

const ACTIONS: Readonly<Record<string, MessageKey>> = {
  move: "audit.action.move",
  import: "audit.action.import",
  sync: "audit.action.sync",
  create: "audit.action.create",
  update: "audit.action.update",
  close: "audit.action.close",
  add_step: "audit.action.add_step",
  certify: "audit.action.certify",
  preconfig: "audit.action.preconfig",
  retire_step: "audit.action.retire_step",
};

const ENTITIES: Readonly<Record<string, MessageKey>> = {
  device: "audit.entity.device",
  devices: "audit.entity.devices",
  connection: "audit.entity.connection",
  purchases: "audit.entity.purchases",
  setting: "audit.entity.setting",
  source: "audit.entity.source",
  model: "audit.entity.model",
  certification_template: "audit.entity.certification_template",
  purchase: "audit.entity.purchase",
  preconfig_template: "audit.entity.preconfig_template",
};

const FIELDS: Readonly<Record<string, MessageKey>> = {
  lifecycle: "field.lifecycle",
  reason: "audit.field.reason",
  file: "audit.field.file",
  added: "audit.field.added",
  already_bought: "audit.field.already_bought",
  updated: "audit.field.updated",
  missing: "audit.field.missing",
  returned: "audit.field.returned",
  run: "audit.field.run",
  mode: "audit.field.mode",
  closed: "audit.field.closed",
  name: "audit.field.name",
  step: "audit.field.step",
  done: "audit.field.done",
  title: "audit.field.title",
};

const SYNC_MODES: Readonly<Record<string, SyncMode>> = { full: "full", incremental: "incremental" };

function known(map: Readonly<Record<string, MessageKey>>, value: string): MessageKey | undefined {
  return Object.hasOwn(map, value) ? map[value] : undefined;
}

export function actionLabel(action: string, i18n: Pick<Translator, "t">): string {
  const key = known(ACTIONS, action);
  return key === undefined ? action : i18n.t(key);
}

export function entityLabel(entity: string, i18n: Pick<Translator, "t">): string {
  const key = known(ENTITIES, entity);
  return key === undefined ? entity : i18n.t(key);
}

/** The record an entry is about: "Enhet 42", or just the kind when it has no id. */
export function recordLabel(entity: string, id: string | null, i18n: Pick<Translator, "t">): string {
  const kind = entityLabel(entity, i18n);
  return id === null || id === "" ? kind : `${kind} ${id}`;
}

/** The changed key's name; "" for a value that is not an object (it needs no name). */
export function fieldLabel(field: string, i18n: Pick<Translator, "t">): string {
  if (field === WHOLE_VALUE) return "";
  const key = known(FIELDS, field);
  return key === undefined ? field : i18n.t(key);
}

/** One side of a change in the words the rest of the app uses for the same value. */
export function changeValueLabel(
  field: string,
  value: string | null,
  i18n: Pick<Translator, "t" | "enumLabel">,
): string {
  if (value === null || value === "") return i18n.t("value.empty");
  if (field === "lifecycle") return i18n.enumLabel("lifecycle", value);
  const mode = field === "mode" && Object.hasOwn(SYNC_MODES, value) ? SYNC_MODES[value] : undefined;
  if (mode !== undefined) return i18n.t(`sync.mode.${mode}`);
  if (value === "true") return i18n.t("value.yes");
  if (value === "false") return i18n.t("value.no");
  return value;
}
