import { useId, type ReactNode } from "react";
import type { Encoding, MappingSource } from "../bindings";
import { useI18n } from "../i18n/I18nContext";
import { delimiterText, encodingKey } from "./fileFormat";

type SectionProps = {
  /** A newer preview is being read: the one shown is dimmed until it arrives. */
  checking: boolean;
  /** The section's hook is `<testId>-preview`. */
  testId: string;
  children: ReactNode;
};

/** "What the import would do": the preview of a file, written nowhere yet. */
export function PreviewSection({ checking, testId, children }: SectionProps) {
  const i18n = useI18n();
  const headingId = useId();
  return (
    <section className="import-preview" data-testid={`${testId}-preview`} aria-busy={checking} aria-labelledby={headingId}>
      <h3 id={headingId} className="import-heading">
        {i18n.t("import.preview.heading")}
        {checking && <span className="muted import-checking"> {i18n.t("import.checking")}</span>}
      </h3>
      {children}
    </section>
  );
}

type FormatProps = {
  preview: {
    readonly file_name: string;
    readonly encoding: Encoding;
    readonly delimiter: string;
    readonly mapping_source: MappingSource;
  };
  /** Where the columns came from, in the words of this import. */
  sourceText: string;
  /** Hooks: `<testId>-format` (+ `data-encoding`, `data-delimiter`), `<testId>-mapping-source` (+ `data-source`). */
  testId: string;
};

/** How the file was read (its encoding and delimiter) and where its columns came from. */
export function PreviewFormat({ preview, sourceText, testId }: FormatProps) {
  const i18n = useI18n();
  return (
    <>
      <p data-testid={`${testId}-format`} data-encoding={preview.encoding} data-delimiter={preview.delimiter}>
        {i18n.t("import.preview.format", {
          file: preview.file_name,
          encoding: i18n.t(encodingKey(preview.encoding)),
          delimiter: delimiterText(preview.delimiter, i18n),
        })}
      </p>
      <p
        className={preview.mapping_source === "guessed" ? "tone-warn" : "muted"}
        data-testid={`${testId}-mapping-source`}
        data-source={preview.mapping_source}
      >
        {sourceText}
      </p>
    </>
  );
}

type MissingProps = {
  /** Each required column the file lacks: `key` is its `data-missing`, `label` what it holds. */
  missing: readonly { readonly key: string; readonly label: string }[];
  /** Hooks: `<testId>-missing`, each `<testId>-missing-column` (+ `data-missing`). */
  testId: string;
};

/** The required columns no column of the file is mapped to: nothing is imported until they are. */
export function MissingColumns({ missing, testId }: MissingProps) {
  const i18n = useI18n();
  if (missing.length === 0) return null;
  return (
    <div className="inline-error import-missing" role="alert" data-testid={`${testId}-missing`}>
      <div>
        <p>{i18n.t("import.missing.title")}</p>
        <ul>
          {missing.map(({ key, label }) => (
            <li key={key} data-testid={`${testId}-missing-column`} data-missing={key}>
              {label}
            </li>
          ))}
        </ul>
        <p>{i18n.t("import.missing.hint")}</p>
      </div>
    </div>
  );
}

export type ImportCount = {
  readonly label: string;
  readonly count: number;
  /** The figure's hook, with `data-count`. */
  readonly testId: string;
  /** Shown in the colour of a problem (refused rows). */
  readonly bad?: boolean;
};

/** A preview's or a result's figures side by side. */
export function ImportCounts({ counts }: { counts: readonly ImportCount[] }) {
  const i18n = useI18n();
  return (
    <dl className="import-counts">
      {counts.map(({ label, count, testId, bad }) => (
        <div key={testId}>
          <dt>{label}</dt>
          <dd data-testid={testId} data-count={count} className={bad === true ? "tone-bad" : undefined}>
            {i18n.format.number(count)}
          </dd>
        </div>
      ))}
    </dl>
  );
}
