/**
 * A `datetime-local` input's value and back. The input speaks this computer's local time
 * without a zone ("2026-03-02T09:15"); the core takes instants (UTC, ISO 8601).
 */

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

/** `date` as a `datetime-local` value in this computer's time zone, to the minute. */
export function toLocalInput(date: Date): string {
  return (
    `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}`
  );
}

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A `datetime-local` value as the instant it names (ISO 8601, UTC); `null` when the input is
 * empty, half typed, or names a day or time that does not exist.
 */
export function fromLocalInput(text: string): string | null {
  const match = LOCAL_INPUT.exec(text.trim());
  if (match === null) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(year, month - 1, day, hour, minute, second);
  // Date rolls 30 February over into March; such a day is refused instead.
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  return date.toISOString();
}
