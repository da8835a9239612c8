import type { StartupErrorCode } from "../api/call";
import type {
  AuthMethod,
  CertificationMatch,
  Compliance,
  ComplianceReason,
  CoverLevel,
  DeviceDetail,
  ErrorCode,
  Holiday,
  IncidentChannel,
  IncidentEvent,
  IncidentField,
  IncidentStanding,
  Lifecycle,
  MappingSource,
  OsFamily,
  Ownership,
  PauseReason,
  RepairEvent,
  SecretStorage,
  SlaStanding,
  SlaType,
  SortColumn,
  SourceKind,
  SupportLine,
  SyncMode,
  SyncPhase,
  SyncStatus,
  Vendor,
  WarrantyStatus,
  WindowDays,
} from "../bindings";

/**
 * Keys that must exist for every value of a backend enum. Listing them as template
 * literal types means a new enum variant in the generated bindings fails the type
 * check until both dictionaries translate it.
 */
export type EnumKey =
  | `os.${OsFamily}`
  | `ownership.${Ownership}`
  | `lifecycle.${Lifecycle}`
  | `compliance.${Compliance}`
  | `reason.${ComplianceReason}`
  | `source.${SourceKind}`
  | `error.${ErrorCode}`
  | `startup.${StartupErrorCode}.title`
  | `startup.${StartupErrorCode}.body`
  | `column.${SortColumn}`
  | `field.${keyof DeviceDetail}`
  | `vendor.${Vendor}`
  | `auth.${AuthMethod}`
  | `secret.${SecretStorage}`
  | `sync.mode.${SyncMode}`
  | `sync.status.${SyncStatus}`
  | `sync.phase.${SyncPhase}`
  | `warranty.kpi.${WarrantyStatus}`
  | `certification.${CertificationMatch}`
  | `repairs.event.${RepairEvent}`
  | `repairs.sla.${SlaType}`
  | `repairs.slaHint.${SlaType}`
  | `repairs.standing.${SlaStanding}`
  | `pool.level.${CoverLevel}`
  | `calendar.holiday.${Holiday}`
  | `incidents.channel.${IncidentChannel}`
  | `incidents.line.${SupportLine}`
  | `incidents.event.${IncidentEvent}`
  | `incidents.action.${IncidentEvent}`
  | `incidents.reason.${PauseReason}`
  | `incidents.standing.${IncidentStanding}`
  | `incidents.import.field.${IncidentField}`
  | `incidents.import.mappingSource.${MappingSource}`
  | `agreements.days.${WindowDays}`
  | `agreements.pause.${PauseReason}`;
