import { lazy, type ComponentType } from "react";
import type { MessageKey } from "../i18n/dictionary";
import { InventoryView } from "../inventory/InventoryView";

// The inventory opens at start and is in the first bundle; every other view's code is read on
// its first visit (the shell shows `app.viewLoading` meanwhile), so the start loads only what
// the first page needs. What a view is asked to show from elsewhere (a case, a device list) is
// held by the desk providers around all views, so a view that loads later still finds it.
const OverviewView = lazy(() => import("../overview/OverviewView").then((m) => ({ default: m.OverviewView })));
const AppsView = lazy(() => import("../apps/AppsView").then((m) => ({ default: m.AppsView })));
const PurchasesView = lazy(() => import("../purchases/PurchasesView").then((m) => ({ default: m.PurchasesView })));
const PreconfigView = lazy(() => import("../preconfig/PreconfigView").then((m) => ({ default: m.PreconfigView })));
const WarrantyView = lazy(() => import("../warranty/WarrantyView").then((m) => ({ default: m.WarrantyView })));
const ModelsView = lazy(() => import("../models/ModelsView").then((m) => ({ default: m.ModelsView })));
const RepairsView = lazy(() => import("../repairs/RepairsView").then((m) => ({ default: m.RepairsView })));
const PoolView = lazy(() => import("../pool/PoolView").then((m) => ({ default: m.PoolView })));
const IncidentsView = lazy(() => import("../incidents/IncidentsView").then((m) => ({ default: m.IncidentsView })));
const SlaReportView = lazy(() => import("../sla/SlaReportView").then((m) => ({ default: m.SlaReportView })));
const IncidentReportView = lazy(() =>
  import("../incidentReport/IncidentReportView").then((m) => ({ default: m.IncidentReportView })),
);
const ConnectionsView = lazy(() => import("../connections/ConnectionsView").then((m) => ({ default: m.ConnectionsView })));
const AuditView = lazy(() => import("../audit/AuditView").then((m) => ({ default: m.AuditView })));
const CalendarView = lazy(() => import("../calendar/CalendarView").then((m) => ({ default: m.CalendarView })));
const AgreementsView = lazy(() => import("../agreements/AgreementsView").then((m) => ({ default: m.AgreementsView })));

/** The navigation's groups, in display order. A group is shown once it has a view. */
export const NAV_GROUPS = ["register", "service", "reports", "admin"] as const;

export type NavGroupId = (typeof NAV_GROUPS)[number];

/** A group's heading. A new group fails the type check until both dictionaries name it. */
export function groupLabel(group: NavGroupId): MessageKey {
  return `nav.group.${group}`;
}

export type ViewDefinition = {
  /** Used in `data-testid="nav-<id>"`. */
  id: string;
  label: MessageKey;
  group: NavGroupId;
  Component: ComponentType;
};

/**
 * The navigation, in display order: each group's views together, the groups in the order of
 * `NAV_GROUPS` (a unit test holds this). Adding a view is one line here. The first one opens
 * at start; the first nine open with Ctrl+1 … Ctrl+9.
 */
export const VIEWS = [
  { id: "inventory", label: "nav.inventory", group: "register", Component: InventoryView },
  { id: "overview", label: "nav.overview", group: "register", Component: OverviewView },
  { id: "apps", label: "nav.apps", group: "register", Component: AppsView },
  { id: "purchases", label: "nav.purchases", group: "register", Component: PurchasesView },
  { id: "preconfig", label: "nav.preconfig", group: "register", Component: PreconfigView },
  { id: "warranties", label: "nav.warranties", group: "register", Component: WarrantyView },
  { id: "models", label: "nav.models", group: "register", Component: ModelsView },
  { id: "repairs", label: "nav.repairs", group: "service", Component: RepairsView },
  { id: "pool", label: "nav.pool", group: "service", Component: PoolView },
  { id: "incidents", label: "nav.incidents", group: "service", Component: IncidentsView },
  { id: "sla-report", label: "nav.slaReport", group: "reports", Component: SlaReportView },
  { id: "incident-report", label: "nav.incidentReport", group: "reports", Component: IncidentReportView },
  { id: "connections", label: "nav.connections", group: "admin", Component: ConnectionsView },
  { id: "audit", label: "nav.audit", group: "admin", Component: AuditView },
  { id: "calendar", label: "nav.calendar", group: "admin", Component: CalendarView },
  { id: "agreements", label: "nav.agreements", group: "admin", Component: AgreementsView },
] as const satisfies readonly ViewDefinition[];

export type ViewId = (typeof VIEWS)[number]["id"];
