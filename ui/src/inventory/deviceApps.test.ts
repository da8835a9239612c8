import { describe, expect, it } from "vitest";
import type { DeviceApp, DeviceApps } from "../bindings";
import { createTranslator } from "../i18n/translator";
import {
  APPS_SHOWN_FIRST,
  appsListView,
  appsNotes,
  appsShownText,
  filterApps,
  sourcesText,
  type AppsDevice,
} from "./deviceApps";

const en = createTranslator("en");
const sv = createTranslator("sv");
const now = new Date("2026-11-20T12:00:00Z");

const intunePersonal: AppsDevice = { source_name: "Intune (kommunen)", source_kind: "intune", ownership: "personal" };

function app(name: string, identifier = "", source = "Intune (kommunen)", version = "1.0"): DeviceApp {
  return { name, identifier, version, sources: [source] };
}

/** Forty apps from one connection, as a typical managed phone reports them. */
const fortyApps: DeviceApp[] = Array.from({ length: 40 }, (_, i) =>
  app(`App ${String(i + 1).padStart(2, "0")}`, `se.kommun.app${i + 1}`, "Jamf (skolan)"),
);

describe("notes on what the app list can say", () => {
  it("says a personal Intune device's apps are not reported, and why, instead of showing an empty list", () => {
    const data: DeviceApps = { apps: [], visibility: [{ source: "Intune (kommunen)", reported_at: null }] };
    const notes = appsNotes(data, intunePersonal, en, now);
    expect(notes).toEqual([
      {
        kind: "not_reported",
        source: "Intune (kommunen)",
        text: "The Microsoft Intune connection “Intune (kommunen)” does not report this device's apps: Intune lists user-installed apps only on corporate-owned devices. An app missing from the list may still be installed.",
      },
    ]);
    expect(appsNotes(data, intunePersonal, sv, now).map((note) => note.text)).toEqual([
      "Microsoft Intune-anslutningen ”Intune (kommunen)” rapporterar inte den här enhetens appar: Intune visar användarinstallerade appar bara på företagsägda enheter. En app som saknas i listan kan ändå vara installerad.",
    ]);
    // Nothing that reads as "no apps installed".
    expect(notes.some((note) => note.kind === "none_reported")).toBe(false);
  });

  it("does not blame ownership for a corporate Intune device that has not been reported yet", () => {
    const data: DeviceApps = { apps: [], visibility: [{ source: "Intune (kommunen)", reported_at: null }] };
    const [note] = appsNotes(data, { ...intunePersonal, ownership: "corporate" }, en, now);
    expect(note?.text).toBe(
      "The Microsoft Intune connection “Intune (kommunen)” has not reported this device's apps. An app missing from the list may still be installed.",
    );
  });

  it("stays vendor-neutral for a connection other than the device's main one", () => {
    const data: DeviceApps = {
      apps: [app("Teams")],
      visibility: [
        { source: "Intune (kommunen)", reported_at: "2026-11-18T12:00:00Z" },
        { source: "WS1 (regionen)", reported_at: null },
      ],
    };
    const notReported = appsNotes(data, intunePersonal, sv, now).filter((note) => note.kind === "not_reported");
    expect(notReported).toEqual([
      {
        kind: "not_reported",
        source: "WS1 (regionen)",
        text: "”WS1 (regionen)” har inte rapporterat den här enhetens appar. En app som saknas i listan kan ändå vara installerad.",
      },
    ]);
  });

  it("names Jamf Pro and Workspace ONE as the vendor when the main connection is theirs", () => {
    const data: DeviceApps = { apps: [], visibility: [{ source: "Skolans Jamf", reported_at: null }] };
    const device: AppsDevice = { source_name: "Skolans Jamf", source_kind: "jamf", ownership: "corporate" };
    expect(appsNotes(data, device, sv, now)[0]?.text).toBe(
      "Jamf Pro-anslutningen ”Skolans Jamf” har inte rapporterat den här enhetens appar. En app som saknas i listan kan ändå vara installerad.",
    );
  });

  it("puts every not-reported connection before when the others reported, with date and relative time", () => {
    const data: DeviceApps = {
      apps: [app("Teams")],
      visibility: [
        { source: "A-Intune", reported_at: "2026-11-17T12:00:00Z" },
        { source: "B-Jamf", reported_at: null },
      ],
    };
    const notes = appsNotes(data, intunePersonal, en, now);
    expect(notes.map((note) => [note.kind, "source" in note ? note.source : null])).toEqual([
      ["not_reported", "B-Jamf"],
      ["reported", "A-Intune"],
    ]);
    const reported = notes[1];
    expect(reported?.text).toBe(`Apps reported by “A-Intune” ${en.format.dateTime("2026-11-17T12:00:00Z")} (3 days ago)`);
    expect(appsNotes(data, intunePersonal, sv, now)[1]?.text).toBe(
      `Appar rapporterade av ”A-Intune” ${sv.format.dateTime("2026-11-17T12:00:00Z")} (för 3 dagar sedan)`,
    );
  });

  it("says no apps were reported only when a connection did report an empty list", () => {
    const reportedEmpty: DeviceApps = {
      apps: [],
      visibility: [{ source: "Skolans Jamf", reported_at: "2026-11-20T11:00:00Z" }],
    };
    expect(appsNotes(reportedEmpty, intunePersonal, sv, now).at(-1)).toEqual({
      kind: "none_reported",
      text: "Inga appar rapporterade",
    });

    const someApps: DeviceApps = { ...reportedEmpty, apps: [app("Teams")] };
    expect(appsNotes(someApps, intunePersonal, en, now).map((note) => note.kind)).toEqual(["reported"]);
  });

  it("tells a manually registered device apart from one without apps", () => {
    const manual: AppsDevice = { source_name: "Manuellt", source_kind: "manual", ownership: "corporate" };
    expect(appsNotes({ apps: [], visibility: [] }, manual, en, now)).toEqual([
      { kind: "no_source", text: "No EMM connection reports apps for this device." },
    ]);
    expect(appsNotes({ apps: [], visibility: [] }, manual, sv, now)[0]?.text).toBe(
      "Ingen EMM-anslutning rapporterar appar för den här enheten.",
    );
  });
});

describe("filtering apps", () => {
  const apps = [
    app("Microsoft Teams", "com.microsoft.skype.teams"),
    app("Företagsportal", "com.microsoft.CompanyPortal"),
    app("BankID", "com.bankid.bus"),
    app("Outlook", ""),
  ];

  it("matches the name or the identifier, ignoring case and surrounding spaces, in delivered order", () => {
    expect(filterApps(apps, "  MICROSOFT ").map((a) => a.name)).toEqual(["Microsoft Teams", "Företagsportal"]);
    expect(filterApps(apps, "companyportal").map((a) => a.name)).toEqual(["Företagsportal"]);
    expect(filterApps(apps, "FÖRETAG").map((a) => a.name)).toEqual(["Företagsportal"]);
    expect(filterApps(apps, "bus").map((a) => a.name)).toEqual(["BankID"]);
  });

  it("shows everything for an empty filter and nothing for one that matches nothing", () => {
    expect(filterApps(apps, "   ")).toHaveLength(4);
    expect(filterApps(apps, "spotify")).toEqual([]);
  });
});

describe("the app table", () => {
  it("shows the first ten of forty apps with a filter box and a toggle to show all", () => {
    const view = appsListView(fortyApps, "", false);
    expect(view.rows.map((a) => a.name)).toEqual(fortyApps.slice(0, APPS_SHOWN_FIRST).map((a) => a.name));
    expect(view.showFilter).toBe(true);
    expect(view.toggle).toBe("show_all");
    expect(view.matching).toBe(40);
    expect(appsShownText(view, 40, "", sv)).toBe("Visar 10 av 40");
  });

  it("shows all forty once asked, and then offers to go back to the first ten", () => {
    const view = appsListView(fortyApps, "", true);
    expect(view.rows).toHaveLength(40);
    expect(view.toggle).toBe("show_first");
    expect(appsShownText(view, 40, "", en)).toBe("");
  });

  it("filters before cutting, so a match beyond the first ten is found", () => {
    const view = appsListView(fortyApps, "app39", false);
    expect(view.rows.map((a) => a.name)).toEqual(["App 39"]);
    expect(view.toggle).toBeNull();
    expect(appsShownText(view, 40, "app39", en)).toBe("Showing 1 of 40");
  });

  it("cuts a long filtered result too, offering all of the matches", () => {
    // By identifier: se.kommun.app1 and app10..app19 are eleven.
    const view = appsListView(fortyApps, "KOMMUN.APP1", false);
    expect(view.matching).toBe(11);
    expect(view.rows).toHaveLength(10);
    expect(view.toggle).toBe("show_all");
  });

  it("says when the filter matches nothing", () => {
    const view = appsListView(fortyApps, " spotify ", false);
    expect(view.rows).toEqual([]);
    expect(appsShownText(view, 40, " spotify ", sv)).toBe("Inga appar matchar ”spotify”.");
  });

  it("has no filter box or toggle for a short list, and ignores a filter left over from a longer one", () => {
    const short = fortyApps.slice(0, 10);
    const view = appsListView(short, "app39", false);
    expect(view.showFilter).toBe(false);
    expect(view.toggle).toBeNull();
    expect(view.rows).toHaveLength(10);
    expect(appsShownText(view, 10, "app39", en)).toBe("");
  });

  it("shows the source column only when apps come from more than one connection", () => {
    expect(appsListView(fortyApps, "", false).showSource).toBe(false);
    const mixed = [...fortyApps, app("Teams", "", "Intune (kommunen)")];
    // Decided on every app, not only the rows on screen: the Intune row is beyond the first ten.
    expect(appsListView(mixed, "", false).showSource).toBe(true);
    // Every app reported by the same two connections: the column would only repeat them.
    const both = fortyApps.map((one) => ({ ...one, sources: ["Intune (kommunen)", "WS1 (regionen)"] }));
    expect(appsListView(both, "", false).showSource).toBe(false);
    expect(sourcesText(both[0]!)).toBe("Intune (kommunen), WS1 (regionen)");
  });

  it("leaves out the identifier column when no app has one (Intune's detected apps)", () => {
    expect(appsListView([app("Teams"), app("Outlook")], "", false).showIdentifier).toBe(false);
    expect(appsListView([app("Teams"), app("BankID", "com.bankid.bus")], "", false).showIdentifier).toBe(true);
  });
});
