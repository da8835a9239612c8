import type { StepResult, StepState } from "../bindings";
import { useI18n } from "../i18n/I18nContext";
import { lockReason, lockText, outcomeOf } from "./certificationSteps";

type Props = {
  step: StepState;
  /** Every step of the model, to name the level a locked step waits for. */
  all: readonly StepState[];
  onRecord: () => void;
};

/** One step: its latest result, earlier ones folded away, and either a way to record or why not yet. */
export function StepItem({ step, all, onRecord }: Props) {
  const i18n = useI18n();
  const { code, title, added_by_organisation: own } = step.step;
  const lock = lockReason(step, all);
  const locked = lock === null ? null : lockText(lock);

  return (
    <li
      className={lock === null ? "cert-step" : "cert-step locked"}
      data-testid="cert-step"
      data-code={code}
      data-outcome={outcomeOf(step)}
      data-open={step.open}
    >
      <div className="cert-step-head">
        <span className="cert-step-code">{code}</span>
        <span className="cert-step-title">
          {title}
          {own && (
            <span className="tag tag-muted cert-own" data-testid="cert-own" title={i18n.t("models.step.ownHint")}>
              {i18n.t("models.step.own")}
            </span>
          )}
        </span>
        {lock === null && (
          <button
            type="button"
            className="button-secondary cert-record"
            data-testid="cert-record"
            onClick={onRecord}
            aria-label={i18n.t("models.step.recordNamed", { code })}
          >
            {i18n.t("models.step.record")}
          </button>
        )}
      </div>
      {step.latest !== null && <Result result={step.latest} testId="cert-latest" />}
      {/* A locked step that was never tested says only why it waits. */}
      {step.latest === null && locked === null && (
        <p className="cert-untested muted">{i18n.t("models.step.notTested")}</p>
      )}
      {step.history.length > 0 && (
        <details className="cert-history" data-testid="cert-history">
          <summary>{i18n.count("models.history", step.history.length)}</summary>
          <ol>
            {step.history.map((result, index) => (
              <li key={`${result.at}-${index}`}>
                <Result result={result} />
              </li>
            ))}
          </ol>
        </details>
      )}
      {locked !== null && (
        <p className="cert-locked" data-testid="cert-locked">
          <LockIcon />
          {i18n.t(locked.key, locked.params)}
        </p>
      )}
    </li>
  );
}

function Result({ result, testId }: { result: StepResult; testId?: string }) {
  const i18n = useI18n();
  const recordedBy =
    result.recorded_by.trim() === "" ? undefined : i18n.t("models.step.recordedBy", { actor: result.recorded_by });
  return (
    <div className="cert-result" data-testid={testId} data-outcome={result.outcome}>
      <span className="cert-outcome" data-outcome={result.outcome}>
        {i18n.t(`models.outcome.${result.outcome}`)}
      </span>{" "}
      <span className="cert-result-facts" title={recordedBy}>
        {i18n.t("models.step.testedBy", { tester: result.tester })}
        {" · "}
        <time dateTime={result.at}>{i18n.format.dateTime(result.at)}</time>
      </span>
      {result.note !== null && result.note !== "" && <p className="cert-note">{result.note}</p>}
    </div>
  );
}

function LockIcon() {
  return (
    <svg className="cert-lock-icon" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M8 1a3.5 3.5 0 0 0-3.5 3.5V7H4a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h8a1 1 0 0 0 1-1V8a1 1 0 0 0-1-1h-.5V4.5A3.5 3.5 0 0 0 8 1Zm2 6H6V4.5a2 2 0 1 1 4 0V7Z"
      />
    </svg>
  );
}
