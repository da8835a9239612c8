import { describe, expect, it } from "vitest";
import { checkEventDraft, eventFields, firstEventProblem, type EventDraft } from "./eventDraft";

const draft = (changes: Partial<EventDraft> = {}): EventDraft => ({
  event: "responded",
  at: "2026-11-02T09:15",
  atTouched: false,
  line: null,
  reason: null,
  note: "",
  resolution: "",
  ...changes,
});

describe("eventFields", () => {
  it("asks an escalation for the line, a pause for its reason, a completion for the resolution", () => {
    expect(eventFields("escalated")).toEqual({ line: true, reason: false, resolution: false });
    expect(eventFields("paused")).toEqual({ line: false, reason: true, resolution: false });
    expect(eventFields("completed")).toEqual({ line: false, reason: false, resolution: true });
    expect(eventFields("resumed")).toEqual({ line: false, reason: false, resolution: false });
  });
});

describe("checkEventDraft", () => {
  it("records a response now, without a note", () => {
    expect(checkEventDraft(draft())).toEqual({
      ok: true,
      form: { event: "responded", at: null, line: null, reason: null, note: null, resolution: null },
    });
  });

  it("sends the line of an escalation and a changed time as the instant it names", () => {
    const check = checkEventDraft(draft({ event: "escalated", line: "second", atTouched: true, note: " Till nätverk " }));
    expect(check).toEqual({
      ok: true,
      form: {
        event: "escalated",
        at: new Date(2026, 10, 2, 9, 15).toISOString(),
        line: "second",
        reason: null,
        note: "Till nätverk",
        resolution: null,
      },
    });
  });

  it("sends only what the step takes, whatever else the form held", () => {
    const check = checkEventDraft(draft({ event: "paused", reason: "awaiting_supplier", line: "third", resolution: "x" }));
    expect(check.ok && [check.form.reason, check.form.line, check.form.resolution]).toEqual(["awaiting_supplier", null, null]);
  });

  it("needs the line, the reason and the resolution of the steps that take them", () => {
    expect(checkEventDraft(draft({ event: "escalated" }))).toEqual({
      ok: false,
      problems: { line: "incidents.record.problem.line" },
    });
    expect(checkEventDraft(draft({ event: "paused" }))).toEqual({
      ok: false,
      problems: { reason: "incidents.record.problem.reason" },
    });
    expect(checkEventDraft(draft({ event: "completed", resolution: "  " }))).toEqual({
      ok: false,
      problems: { resolution: "incidents.record.problem.resolution" },
    });
  });

  it("refuses an unreadable time and texts longer than the core keeps", () => {
    const check = checkEventDraft(
      draft({ event: "completed", at: "2026-02-30T10:00", atTouched: true, note: "n".repeat(2001), resolution: "r".repeat(20_001) }),
    );
    expect(!check.ok && check.problems).toEqual({
      at: "repairs.record.problem.at",
      resolution: "repairs.refused.tooLong",
      note: "repairs.refused.tooLong",
    });
    expect(!check.ok && firstEventProblem(check.problems)).toBe("at");
  });
});
