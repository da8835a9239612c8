import { useCallback, useMemo, useRef, useState, type ReactNode } from "react";
import type { IncidentDeviceView } from "../bindings";
import { IncidentDeskContext, type IncidentDesk } from "./incidentDesk";
import { NewIncidentDialog } from "./NewIncidentDialog";

type Props = {
  /** Switches to the Incidents view, where a shown case's panel is. */
  onShowIncidents: () => void;
  children: ReactNode;
};

type Logging = { readonly device: IncidentDeviceView | null; readonly seq: number };

/** Mounted once around every view: holds the case the Incidents view shows, and the new-case form. */
export function IncidentDeskProvider({ onShowIncidents, children }: Props) {
  const [shownIncident, setShownIncident] = useState<number | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const [logging, setLogging] = useState<Logging | null>(null);
  // Each form is a new one, even for the same unit twice.
  const seq = useRef(0);

  const showIncident = useCallback(
    (id: number) => {
      setLogging(null);
      setShownIncident(id);
      setFocusRequest((n) => n + 1);
      onShowIncidents();
    },
    [onShowIncidents],
  );
  const closeIncident = useCallback(() => setShownIncident(null), []);
  const logIncident = useCallback((device: IncidentDeviceView | null) => {
    seq.current += 1;
    setLogging({ device, seq: seq.current });
  }, []);

  const desk = useMemo<IncidentDesk>(
    () => ({ shownIncident, focusRequest, showIncident, closeIncident, logIncident }),
    [shownIncident, focusRequest, showIncident, closeIncident, logIncident],
  );

  return (
    <IncidentDeskContext.Provider value={desk}>
      {children}
      {logging !== null && (
        <NewIncidentDialog
          key={logging.seq}
          device={logging.device}
          onClose={() => setLogging(null)}
          onLogged={(view) => showIncident(view.id)}
        />
      )}
    </IncidentDeskContext.Provider>
  );
}
