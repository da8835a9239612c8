/** Keys that move between rows of a table, and where each one goes. */
export function nextRowIndex(key: string, current: number, count: number, page: number): number | null {
  if (count === 0) return null;
  const targets: Partial<Record<string, number>> = {
    ArrowDown: current + 1,
    ArrowUp: current - 1,
    PageDown: current + page,
    PageUp: current - page,
    Home: 0,
    End: count - 1,
  };
  const target = targets[key];
  return target === undefined ? null : Math.max(0, Math.min(target, count - 1));
}
