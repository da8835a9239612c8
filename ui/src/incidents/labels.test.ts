import { describe, expect, it } from "vitest";
import type { IncidentClock, TargetClock } from "../bindings";
import { createTranslator } from "../i18n/translator";
import { categoryName, CHANNELS, decidingMargin, eventText, LINES, linesAbove, standingTone } from "./labels";

const sv = createTranslator("sv");
const en = createTranslator("en");

describe("the vocabularies", () => {
  it("offer the core's channels and lines in the form's order", () => {
    expect(CHANNELS).toEqual(["phone", "email", "portal", "chat", "walk_in", "other"]);
    expect(LINES).toEqual(["first", "second", "third"]);
  });

  it("name the lines as the report does", () => {
    expect(LINES.map((line) => sv.t(`incidents.line.${line}`))).toEqual(["1:a linjen", "2:a linjen", "3:e linjen"]);
    expect(LINES.map((line) => en.t(`incidents.line.${line}`))).toEqual(["1st line", "2nd line", "3rd line"]);
  });

  it("name the standings as the report does", () => {
    expect(sv.t("incidents.standing.inside")).toBe("Inom SLA");
    expect(sv.t("incidents.standing.outside")).toBe("Utanför SLA");
  });
});

describe("linesAbove", () => {
  it("offers only higher lines", () => {
    expect(linesAbove("first")).toEqual(["second", "third"]);
    expect(linesAbove("second")).toEqual(["third"]);
    expect(linesAbove("third")).toEqual([]);
  });
});

describe("standingTone", () => {
  it("colours outside red, inside green, a running clock blue", () => {
    expect(standingTone("outside")).toBe("bad");
    expect(standingTone("inside")).toBe("good");
    expect(standingTone("running")).toBe("info");
    expect(standingTone("no_target")).toBe("muted");
  });
});

describe("categoryName", () => {
  const label = { id: 1, name_sv: "Felanmälan", name_en: "Fault report", retired: false };
  it("is the name in the user's language, Swedish when there is no English one", () => {
    expect(categoryName(label, "sv")).toBe("Felanmälan");
    expect(categoryName(label, "en")).toBe("Fault report");
    expect(categoryName({ ...label, name_en: " " }, "en")).toBe("Felanmälan");
  });
});

const target = (standing: TargetClock["standing"], margin_minutes: number): TargetClock => ({
  target_minutes: 60,
  standing,
  margin_minutes,
});
const clock = (response: TargetClock | null, resolution: TargetClock | null): IncidentClock => ({
  response_minutes: 0,
  resolution_minutes: 0,
  paused_minutes: 0,
  paused_wall_minutes: 0,
  response,
  resolution,
  standing: "running",
});

describe("decidingMargin", () => {
  it("is a missed target's, the worst one", () => {
    expect(decidingMargin(clock(target("outside", -20), target("outside", -95)))).toBe(-95);
    expect(decidingMargin(clock(target("outside", -20), target("running", 300)))).toBe(-20);
  });

  it("leaves out a response given in time while the case is open", () => {
    expect(decidingMargin(clock(target("inside", 5), target("running", 300)))).toBe(300);
    expect(decidingMargin(clock(target("running", 40), target("running", 480)))).toBe(40);
  });

  it("is the tightest of a finished case's targets, and none without targets", () => {
    expect(decidingMargin(clock(target("inside", 5), target("inside", 300)))).toBe(5);
    expect(decidingMargin(clock(null, target("inside", 120)))).toBe(120);
    expect(decidingMargin(clock(null, null))).toBeNull();
  });
});

describe("eventText", () => {
  const event = { at: "2026-11-02T09:00:00Z", note: null, actor: "kim", line: null, reason: null };
  it("names the line an escalation went to and what a pause waits for", () => {
    expect(eventText({ ...event, event: "escalated", line: "second" }, sv)).toBe("Eskalerat till 2:a linjen");
    expect(eventText({ ...event, event: "paused", reason: "awaiting_supplier" }, sv)).toBe("Pausat i väntan på leverantör");
    expect(eventText({ ...event, event: "paused", reason: "awaiting_reporter" }, en)).toBe("Paused, awaiting the reporter");
    expect(eventText({ ...event, event: "completed" }, en)).toBe("Completed");
  });
});
