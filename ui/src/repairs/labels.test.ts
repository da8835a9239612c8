import { describe, expect, it } from "vitest";
import { createTranslator } from "../i18n/translator";
import { isSlaType, marginText, SLA_TYPES, standingTone, takesPoolUnit } from "./labels";

const sv = createTranslator("sv");
const en = createTranslator("en");

describe("marginText", () => {
  it("counts working days left, with the singular for one", () => {
    expect(marginText(2, false, sv)).toBe("2 arbetsdagar kvar");
    expect(marginText(1, false, sv)).toBe("1 arbetsdag kvar");
    expect(marginText(2, false, en)).toBe("2 working days left");
    expect(marginText(1, false, en)).toBe("1 working day left");
  });

  it("says today when the promise is due today", () => {
    expect(marginText(0, false, sv)).toBe("idag");
    expect(marginText(0, false, en)).toBe("due today");
  });

  it("counts working days late as a positive number", () => {
    expect(marginText(-3, false, sv)).toBe("3 arbetsdagar sen");
    expect(marginText(-1, false, sv)).toBe("1 arbetsdag sen");
    expect(marginText(-3, false, en)).toBe("3 working days late");
  });

  it("tells a closed case's lateness, else only that it is closed", () => {
    expect(marginText(-2, true, sv)).toBe("2 arbetsdagar sen");
    expect(marginText(4, true, sv)).toBe("avslutat");
    expect(marginText(0, true, en)).toBe("closed");
  });
});

describe("SLA types", () => {
  it("are the core's three, in the order the form offers them", () => {
    expect(SLA_TYPES).toEqual(["mail_in", "mail_in_with_loaner", "swap"]);
    expect(isSlaType("swap")).toBe(true);
    expect(isSlaType("mail_in_loaner")).toBe(false);
  });

  it("are named as the agreements call them", () => {
    expect(SLA_TYPES.map((sla) => sv.t(`repairs.sla.${sla}`))).toEqual([
      "Inskicksservice",
      "Inskicksservice med lånetelefon",
      "Utbytesservice",
    ]);
  });
});

describe("standingTone", () => {
  it("colours breached red, at risk amber, on time green", () => {
    expect(standingTone("breached")).toBe("bad");
    expect(standingTone("at_risk")).toBe("warn");
    expect(standingTone("on_time")).toBe("good");
    expect(sv.t("repairs.standing.at_risk")).toBe("Risk");
  });
});

describe("takesPoolUnit", () => {
  it("is true for the events that send a unit from the pool", () => {
    expect(takesPoolUnit("replacement_shipped")).toBe(true);
    expect(takesPoolUnit("loaner_shipped")).toBe(true);
    expect(takesPoolUnit("returned_to_pool")).toBe(false);
  });
});
