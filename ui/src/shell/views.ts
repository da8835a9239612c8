import type { ComponentType } from "react";
import type { MessageKey } from "../i18n/dictionary";
import { ConnectionsView } from "../connections/ConnectionsView";
import { InventoryView } from "../inventory/InventoryView";
import { OverviewView } from "../overview/OverviewView";
import { AppsView } from "../apps/AppsView";
import { PurchasesView } from "../purchases/PurchasesView";
import { PreconfigView } from "../preconfig/PreconfigView";
import { WarrantyView } from "../warranty/WarrantyView";
import { ModelsView } from "../models/ModelsView";
import { AuditView } from "../audit/AuditView";
import { RepairsView } from "../repairs/RepairsView";
import { PoolView } from "../pool/PoolView";
import { IncidentsView } from "../incidents/IncidentsView";
import { IncidentReportView } from "../incidentReport/IncidentReportView";
import { AgreementsView } from "../agreements/AgreementsView";
import { SlaReportView } from "../sla/SlaReportView";
import { CalendarView } from "../calendar/CalendarView";

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
