/** Which of an agreement's terms hold: the latest, or those in force at a moment. */
import type { AgreementTerms, AgreementView } from "../bindings";

/** The terms a change starts from: the latest the agreement has, which any later change follows. */
export function latestTerms(agreement: AgreementView): AgreementTerms | null {
  return agreement.terms.reduce<AgreementTerms | null>(
    (latest, terms) => (latest === null || Date.parse(terms.valid_from) > Date.parse(latest.valid_from) ? terms : latest),
    null,
  );
}

/**
 * The terms a case received at `at` is judged by, as the core picks them: the latest that
 * began by then, or the first ever for a case received before the agreement's first terms.
 */
export function termsAt(agreement: AgreementView, at: string): AgreementTerms | null {
  const moment = Date.parse(at);
  const begun = agreement.terms.filter((terms) => Date.parse(terms.valid_from) <= moment);
  const pick = (candidates: readonly AgreementTerms[], later: boolean) =>
    candidates.reduce<AgreementTerms | null>((best, terms) => {
      if (best === null) return terms;
      const after = Date.parse(terms.valid_from) > Date.parse(best.valid_from);
      return after === later ? terms : best;
    }, null);
  return pick(begun, true) ?? pick(agreement.terms, false);
}
