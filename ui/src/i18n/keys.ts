import type {
  Compliance,
  DeviceDetail,
  ErrorCode,
  Lifecycle,
  OsFamily,
  Ownership,
  SortColumn,
  SourceKind,
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
  | `source.${SourceKind}`
  | `error.${ErrorCode}`
  | `startup.${ErrorCode}.title`
  | `startup.${ErrorCode}.body`
  | `column.${SortColumn}`
  | `field.${keyof DeviceDetail}`;
