import type { CertificationStatus } from "../bindings";
import { useI18n } from "../i18n/I18nContext";
import { statusLabel } from "./certificationStatus";

type Props = { status: CertificationStatus; testId?: string };

/** A model's certification status as a coloured badge whose text says it all (colour is only a help). */
export function StatusBadge({ status, testId }: Props) {
  const i18n = useI18n();
  const { text, tone } = statusLabel(status, i18n);
  return (
    <span className="cert-badge" data-tone={tone} data-testid={testId} data-status={status.state}>
      {text}
    </span>
  );
}
