/** Rows per `queryDevices` call: a few screens' worth, small enough to answer fast. */
export const BLOCK_SIZE = 200;

/** Inclusive row index range. */
export type RowRange = { readonly start: number; readonly end: number };

export function blockOf(index: number, blockSize: number): number {
  return Math.floor(index / blockSize);
}

/**
 * Blocks covering the rows in `range`. Until the total is known only the block holding
 * `range.start` is asked for: its answer carries the total, and guessing further
 * blocks could fetch rows that do not exist.
 */
export function blocksForRange(range: RowRange, total: number | null, blockSize: number): number[] {
  const start = Math.max(0, range.start);
  if (total === null) return [blockOf(start, blockSize)];
  const end = Math.min(range.end, total - 1);
  if (total <= 0 || end < start) return [];
  const blocks: number[] = [];
  for (let block = blockOf(start, blockSize); block <= blockOf(end, blockSize); block++) {
    blocks.push(block);
  }
  return blocks;
}

/**
 * Which loaded blocks to drop to get back to `maxBlocks`: those farthest from what is
 * on screen go first, and blocks on screen are never dropped.
 */
export function blocksToEvict(
  loaded: readonly number[],
  visible: readonly number[],
  maxBlocks: number,
): number[] {
  const excess = loaded.length - maxBlocks;
  if (excess <= 0) return [];
  const first = visible.length > 0 ? Math.min(...visible) : 0;
  const last = visible.length > 0 ? Math.max(...visible) : 0;
  const distance = (block: number) => (block < first ? first - block : block > last ? block - last : 0);
  return loaded
    .filter((block) => distance(block) > 0)
    .sort((a, b) => distance(b) - distance(a))
    .slice(0, excess);
}
