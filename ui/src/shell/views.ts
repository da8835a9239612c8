import type { ComponentType } from "react";
import type { MessageKey } from "../i18n/dictionary";
import { ConnectionsView } from "../connections/ConnectionsView";
import { InventoryView } from "../inventory/InventoryView";
import { OverviewView } from "../overview/OverviewView";

export type ViewDefinition = {
  /** Used in `data-testid="nav-<id>"`. */
  id: string;
  label: MessageKey;
  Component: ComponentType;
};

/** The navigation, in order. Adding a view is one line here. The first one opens at start. */
export const VIEWS = [
  { id: "inventory", label: "nav.inventory", Component: InventoryView },
  { id: "overview", label: "nav.overview", Component: OverviewView },
  { id: "connections", label: "nav.connections", Component: ConnectionsView },
] as const satisfies readonly ViewDefinition[];

export type ViewId = (typeof VIEWS)[number]["id"];
