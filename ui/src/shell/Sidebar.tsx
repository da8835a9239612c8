import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { useI18n } from "../i18n/I18nContext";
import { abbreviations, navSections, parseCollapsed } from "./navGroups";
import { ariaShortcut, isTextEntry, nextNavIndex, shortcutIndex, shortcutLabel } from "./navKeys";
import { NAV_GROUPS, VIEWS, groupLabel, type ViewId } from "./views";

const STORAGE_KEY = "flotta.sidebar.collapsed";

const SECTIONS = navSections(NAV_GROUPS, VIEWS);
/** The views as the sidebar shows them, top to bottom: the order of the arrow keys and of Ctrl+1 … Ctrl+9. */
const ORDER = SECTIONS.flatMap((section) => section.views);

function readCollapsed(): boolean {
  try {
    return parseCollapsed(window.localStorage.getItem(STORAGE_KEY));
  } catch {
    return false;
  }
}

function saveCollapsed(collapsed: boolean) {
  try {
    window.localStorage.setItem(STORAGE_KEY, String(collapsed));
  } catch {
    // Storage switched off: the choice lasts until the app closes.
  }
}

type Props = { active: ViewId; onNavigate: (view: ViewId) => void };

/**
 * The main navigation down the left side, the views under their group headings. One tab
 * stop (the current view); the arrow keys, Home and End move between items and Enter or
 * Space opens one. Ctrl+1 … Ctrl+9 open the first nine views from anywhere but a text field
 * or a dialog. Collapses to a narrow rail of two-letter badges; the choice is remembered.
 */
export function Sidebar({ active, onNavigate }: Props) {
  const i18n = useI18n();
  const idPrefix = useId();
  const [collapsed, setCollapsed] = useState(readCollapsed);
  const items = useRef(new Map<ViewId, HTMLButtonElement>());

  const labels = ORDER.map((view) => i18n.t(view.label));
  const badges = abbreviations(labels);

  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const index = shortcutIndex(event, ORDER.length);
      if (index === null) return;
      if (isTextEntry(document.activeElement) || document.querySelector("dialog[open]") !== null) return;
      const view = ORDER[index];
      if (view === undefined) return;
      event.preventDefault();
      onNavigate(view.id);
      // The view that had the focus turns inert; the focus goes where the user can see what happened.
      items.current.get(view.id)?.focus();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [onNavigate]);

  const onItemsKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const current = ORDER.findIndex((view) => items.current.get(view.id) === event.target);
    if (current < 0) return;
    const next = nextNavIndex(event.key, current, ORDER.length);
    if (next === null) return;
    event.preventDefault();
    const view = ORDER[next];
    if (view !== undefined) items.current.get(view.id)?.focus();
  };

  const toggle = () => {
    const next = !collapsed;
    setCollapsed(next);
    saveCollapsed(next);
  };
  const toggleLabel = i18n.t(collapsed ? "nav.expand" : "nav.collapse");

  return (
    <nav className="sidebar" data-collapsed={collapsed} data-testid="sidebar" aria-label={i18n.t("nav.label")}>
      <div className="sidebar-groups" onKeyDown={onItemsKeyDown}>
        {SECTIONS.map((section) => {
          const headingId = `${idPrefix}-${section.group}`;
          return (
            <div key={section.group} className="sidebar-group">
              <div id={headingId} className={collapsed ? "visually-hidden" : "sidebar-group-label"}>
                {i18n.t(groupLabel(section.group))}
              </div>
              <ul className="sidebar-items" aria-labelledby={headingId}>
                {section.views.map((view) => {
                  const index = ORDER.indexOf(view);
                  const label = labels[index] ?? view.id;
                  const shortcut = shortcutLabel(index);
                  const current = view.id === active;
                  return (
                    <li key={view.id}>
                      <button
                        ref={(element) => {
                          if (element) items.current.set(view.id, element);
                          else items.current.delete(view.id);
                        }}
                        type="button"
                        className="sidebar-item"
                        data-testid={`nav-${view.id}`}
                        aria-current={current ? "page" : undefined}
                        aria-label={label}
                        aria-keyshortcuts={ariaShortcut(index) ?? undefined}
                        title={shortcut === null ? label : `${label} (${shortcut})`}
                        tabIndex={current ? 0 : -1}
                        onClick={() => onNavigate(view.id)}
                      >
                        {collapsed ? (
                          <span className="sidebar-badge" aria-hidden="true">
                            {badges[index]}
                          </span>
                        ) : (
                          <span className="sidebar-item-label">{label}</span>
                        )}
                      </button>
                    </li>
                  );
                })}
              </ul>
            </div>
          );
        })}
      </div>
      <button
        type="button"
        className="sidebar-toggle"
        data-testid="sidebar-toggle"
        aria-label={toggleLabel}
        title={toggleLabel}
        onClick={toggle}
      >
        <span className="sidebar-toggle-mark" aria-hidden="true">
          {collapsed ? "»" : "«"}
        </span>
        {!collapsed && <span className="sidebar-toggle-label">{toggleLabel}</span>}
      </button>
    </nav>
  );
}
