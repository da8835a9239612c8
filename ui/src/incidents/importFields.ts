/**
 * The columns of a helpdesk's case export as the import dialog offers them: every field a
 * column can be imported as, in the order a case reads, their names, and what the preview and
 * the import are asked with.
 */
import type { IncidentColumn, IncidentField, IncidentImportOptions, MappingSource } from "../bindings";
import type { MessageKey } from "../i18n/dictionary";
import { columnsToSend } from "../import/columnMapping";

/** A record, so a field added to the core fails the type check until it is placed here. */
const FIELD_ORDER: Record<IncidentField, true> = {
  external_ref: true,
  received_at: true,
  responded_at: true,
  completed_at: true,
  category: true,
  line: true,
  channel: true,
  reporter: true,
  device: true,
  org_unit: true,
  description: true,
  resolution: true,
};

export const INCIDENT_FIELDS = Object.keys(FIELD_ORDER) as readonly IncidentField[];

/** The fields every case needs a column for; the core imports nothing while one lacks it. */
export const REQUIRED_INCIDENT_FIELDS: readonly IncidentField[] = ["external_ref", "received_at", "category", "description"];

export function isRequiredField(field: IncidentField): boolean {
  return REQUIRED_INCIDENT_FIELDS.includes(field);
}

/** "Ärendenummer", "Serienummer/IMEI": what a column holds, as the mapping table offers it. */
export function incidentFieldKey(field: IncidentField): MessageKey {
  return `incidents.import.field.${field}`;
}

/** Where the columns came from: a helpdesk's columns are remembered from its previous import. */
export function importSourceKey(source: MappingSource): MessageKey {
  return `incidents.import.mappingSource.${source}`;
}

/**
 * What the preview and the import are asked with: the columns as the user set them, or `null`
 * to let the core lay the previous import's columns onto the file or guess them from its
 * headers; and the agreement the cases fall under (`null`: the core's default, "Standard").
 */
export function incidentImportOptions(
  mapping: readonly IncidentColumn[] | null,
  agreementId: number | null,
): IncidentImportOptions {
  return { mapping: mapping === null ? null : columnsToSend(mapping), agreement_id: agreementId };
}

/** The file's own header of the column imported as `field`, as the user finds it in the file. */
export function columnHeader(mapping: readonly IncidentColumn[], field: IncidentField): string | null {
  return mapping.find((column) => column.field === field)?.header ?? null;
}
