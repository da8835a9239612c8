import type { PoolCover } from "../bindings";
import { useI18n } from "../i18n/I18nContext";
import { coverNote, coverText } from "./cover";

/** A model's cover: its weeks, and under two weeks a warning, over four a note, in words as well as colour. */
export function CoverCell({ cover }: { cover: PoolCover }) {
  const i18n = useI18n();
  const note = coverNote(cover.level);
  return (
    <span className="pool-cover" data-testid="pool-cover" data-level={cover.level} data-weeks={cover.weeks ?? undefined}>
      <span className={cover.weeks === null ? "tone-muted" : undefined}>{coverText(cover, i18n)}</span>
      {note !== null && (
        <span className="cert-badge pool-cover-note" data-tone={note.tone === "warn" ? "warn" : "muted"}>
          {i18n.t(note.key)}
        </span>
      )}
    </span>
  );
}
