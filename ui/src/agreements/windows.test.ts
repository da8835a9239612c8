import { describe, expect, it } from "vitest";
import { formatClock, parseClock, presetOf, WINDOW_CHOICES } from "./windows";

describe("presetOf", () => {
  it("knows the three windows suppliers offer", () => {
    expect(presetOf({ days: "working_days", opens: 480, closes: 1020 })).toBe("weekdays_08_17");
    expect(presetOf({ days: "working_days", opens: 420, closes: 1320 })).toBe("weekdays_07_22");
    expect(presetOf({ days: "working_days", opens: 0, closes: 1440 })).toBe("weekdays_00_24");
  });

  it("calls any other window the agreement's own", () => {
    expect(presetOf({ days: "every_day", opens: 480, closes: 1020 })).toBe("own");
    expect(presetOf({ days: "working_days", opens: 450, closes: 1020 })).toBe("own");
    expect(WINDOW_CHOICES.at(-1)).toBe("own");
  });
});

describe("clock times", () => {
  it("are written zero-padded, the day's end as 24:00", () => {
    expect(formatClock(480)).toBe("08:00");
    expect(formatClock(450)).toBe("07:30");
    expect(formatClock(1440)).toBe("24:00");
  });

  it("are read from hours or hours and minutes, up to 24:00", () => {
    expect(parseClock("8")).toBe(480);
    expect(parseClock("08:30")).toBe(510);
    expect(parseClock(" 7:05 ")).toBe(425);
    expect(parseClock("24:00")).toBe(1440);
    expect(parseClock("0")).toBe(0);
    for (const text of ["", "24:01", "25", "8:60", "8.30", "830", "-1"]) expect(parseClock(text), text).toBeNull();
  });
});
