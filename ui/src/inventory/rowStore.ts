import type { DevicePage, DeviceQuery, DeviceRow, ErrorPayload, InventoryView } from "../bindings";
import type { CommandResult } from "../api/call";
import { toErrorPayload } from "../api/call";
import { BLOCK_SIZE, blockOf, blocksForRange, blocksToEvict, type RowRange } from "./blockWindow";
import { viewKey } from "./viewState";

export type FetchPage = (query: DeviceQuery) => Promise<CommandResult<DevicePage>>;

type Block =
  | { readonly state: "loading" }
  | { readonly state: "loaded"; readonly rows: readonly DeviceRow[] }
  | { readonly state: "error"; readonly error: ErrorPayload };

export type RowStoreOptions = {
  blockSize?: number;
  /** Upper bound on cached blocks so a long scroll session does not hold the whole fleet. */
  maxBlocks?: number;
};

/**
 * Rows of one inventory view, fetched block by block as they come into view.
 *
 * Every view change starts a new generation and drops the cache; an answer that
 * arrives for an older generation is ignored, so a slow response to a previous
 * search can never show up under the current one.
 */
export class RowStore {
  private readonly blockSize: number;
  private readonly maxBlocks: number;
  private view: InventoryView;
  private key: string;
  private generation = 0;
  private blocks = new Map<number, Block>();
  private total: number | null = null;
  /** Total of the previous view, kept so the table keeps its height while a new view loads. */
  private lastTotal = 0;
  private wanted: RowRange = { start: 0, end: 0 };
  private version = 0;
  private readonly listeners = new Set<() => void>();

  constructor(
    view: InventoryView,
    private readonly fetchPage: FetchPage,
    options: RowStoreOptions = {},
  ) {
    this.view = view;
    this.key = viewKey(view);
    this.blockSize = options.blockSize ?? BLOCK_SIZE;
    this.maxBlocks = options.maxBlocks ?? 50;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Changes whenever anything visible changes; for `useSyncExternalStore`. */
  readonly getVersion = (): number => this.version;

  getTotal(): number | null {
    return this.total;
  }

  /** Rows to lay out: the real total, or the last known one as placeholders while loading. */
  getDisplayCount(): number {
    return this.total ?? this.lastTotal;
  }

  getGeneration(): number {
    return this.generation;
  }

  getRow(index: number): DeviceRow | undefined {
    const block = this.blocks.get(blockOf(index, this.blockSize));
    return block?.state === "loaded" ? block.rows[index % this.blockSize] : undefined;
  }

  /** The first failed block among those wanted, if any. */
  getError(): ErrorPayload | null {
    for (const index of this.wantedBlocks()) {
      const block = this.blocks.get(index);
      if (block?.state === "error") return block.error;
    }
    return null;
  }

  /** Blocks currently held, for tests and diagnostics. */
  cachedBlocks(): number[] {
    return [...this.blocks.entries()]
      .filter(([, block]) => block.state === "loaded")
      .map(([index]) => index)
      .sort((a, b) => a - b);
  }

  /** Returns false when the view is equal to the current one, which keeps the cache. */
  setView(view: InventoryView): boolean {
    const key = viewKey(view);
    if (key === this.key) return false;
    this.view = view;
    this.key = key;
    this.generation++;
    this.lastTotal = this.total ?? this.lastTotal;
    this.blocks = new Map();
    this.total = null;
    this.wanted = { start: 0, end: 0 };
    this.emit();
    this.request(this.wanted);
    return true;
  }

  /**
   * Drops the cache and fetches the rows in view again, keeping the view: the register
   * changed underneath (a sync finished). Answers still on their way are ignored.
   */
  reload(): void {
    this.generation++;
    this.lastTotal = this.total ?? this.lastTotal;
    this.blocks = new Map();
    this.total = null;
    this.emit();
    this.request(this.wanted);
  }

  /** Fetches the blocks under `range` that are neither loaded, loading nor failed. */
  request(range: RowRange): void {
    this.wanted = range;
    for (const index of this.wantedBlocks()) {
      if (!this.blocks.has(index)) this.load(index);
    }
  }

  /** Forgets failed blocks and asks for the wanted ones again. */
  retry(): void {
    for (const [index, block] of this.blocks) {
      if (block.state === "error") this.blocks.delete(index);
    }
    this.emit();
    this.request(this.wanted);
  }

  private wantedBlocks(): number[] {
    return blocksForRange(this.wanted, this.total, this.blockSize);
  }

  private load(index: number): void {
    const generation = this.generation;
    this.blocks.set(index, { state: "loading" });
    const query: DeviceQuery = { view: this.view, offset: index * this.blockSize, limit: this.blockSize };
    this.fetchPage(query)
      .catch((e: unknown): CommandResult<DevicePage> => ({ status: "error", error: toErrorPayload(e) }))
      .then((result) => {
        if (generation !== this.generation) return;
        if (result.status === "ok") {
          this.blocks.set(index, { state: "loaded", rows: result.data.rows });
          const totalChanged = this.total !== result.data.total;
          this.total = result.data.total;
          this.evict();
          this.emit();
          // The first answer reveals the total; rows beyond block 0 may already be wanted.
          if (totalChanged) this.request(this.wanted);
        } else {
          this.blocks.set(index, { state: "error", error: result.error });
          this.emit();
        }
      })
      .catch(() => {
        // emit() runs listener code; a throwing listener must not become an unhandled rejection here.
      });
  }

  private evict(): void {
    const loaded = this.cachedBlocks();
    for (const index of blocksToEvict(loaded, this.wantedBlocks(), this.maxBlocks)) {
      this.blocks.delete(index);
    }
  }

  private emit(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }
}
