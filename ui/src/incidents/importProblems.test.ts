import { describe, expect, it } from "vitest";
import type { IncidentField, IncidentRowProblem } from "../bindings";
import { createTranslator } from "../i18n/translator";
import { rowProblemKey, rowProblemText } from "./importProblems";

const row = (field: IncidentField, problem: string): IncidentRowProblem => ({ line: 4, field, problem });

describe("rowProblemKey", () => {
  it("words each problem the core names in a helpdesk export's row", () => {
    const cases: [IncidentRowProblem, string][] = [
      [row("external_ref", "is empty"), "incidents.import.problem.empty"],
      [
        row("received_at", '"2026-11-03" is not a date and time; write them as 2026-11-02 09:14 (Swedish time, day before month)'),
        "incidents.import.problem.noTime",
      ],
      [
        row("received_at", '"03/13/2026" is not a date; write dates as 2026-03-01, 01/03/2026, 01.03.2026 or 20260301 (day before month)'),
        "incidents.import.problem.notADate",
      ],
      [row("completed_at", '"2026-02-30" is not a day in the calendar'), "incidents.import.problem.impossible"],
      [
        row("completed_at", "2026-11-02 10:00:00 is before the case was received (2026-11-03 10:00:00)"),
        "incidents.import.problem.beforeReceived",
      ],
      [
        row("completed_at", "2026-11-02 10:00:00 is before the first response (2026-11-02 11:00:00)"),
        "incidents.import.problem.beforeResponse",
      ],
      [row("line", "2026-11-02 09:00:00 UTC is before the case's latest event (2026-11-02 10:00:00 UTC)"), "incidents.import.problem.beforeLast"],
      [row("line", '"okänd" is not a support line; write 1, 2 or 3'), "incidents.import.problem.notALine"],
      [row("external_ref", 'case "INC-1" is in the file twice'), "incidents.import.problem.twice"],
      [row("description", "is longer than 20000 characters"), "incidents.import.problem.tooLong"],
    ];
    for (const [problem, key] of cases) expect(rowProblemKey(problem), problem.problem).toBe(key);
  });

  it("does not take a cell that merely says empty for an empty cell", () => {
    expect(rowProblemKey(row("line", '"is empty" is not a support line; write 1, 2 or 3'))).toBe("incidents.import.problem.notALine");
  });
});

describe("rowProblemText", () => {
  it("words a known problem in the user's language", () => {
    const problem = row("completed_at", "2026-11-02 10:00:00 is before the case was received (2026-11-03 10:00:00)");
    expect(rowProblemText(problem, createTranslator("sv"))).toBe("Tidigare än när ärendet togs emot.");
    expect(rowProblemText(problem, createTranslator("en"))).toBe("Before the case was received.");
  });

  it("shows a problem this build does not know as the core words it", () => {
    expect(rowProblemText(row("channel", "something new"), createTranslator("sv"))).toBe("something new");
  });
});
