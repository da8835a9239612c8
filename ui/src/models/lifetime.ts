/** A planned lifetime as typed: whole months 1–240, or nothing (cleared). */
export type ParsedLifetime = { ok: true; months: number | null } | { ok: false };

export function parseLifetime(text: string): ParsedLifetime {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: true, months: null };
  if (!/^\d+$/.test(trimmed)) return { ok: false };
  const months = Number(trimmed);
  return months >= 1 && months <= 240 ? { ok: true, months } : { ok: false };
}
