/**
 * The tester named in the last recorded result, offered again in the next form: the same
 * person usually records a series of steps.
 */

const STORAGE_KEY = "flotta.certification.tester";

type NameStore = Pick<Storage, "getItem" | "setItem">;

function defaultStore(): NameStore | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function rememberedTester(store: NameStore | null = defaultStore()): string {
  try {
    return store?.getItem(STORAGE_KEY)?.trim() ?? "";
  } catch {
    return "";
  }
}

export function rememberTester(name: string, store: NameStore | null = defaultStore()): void {
  const trimmed = name.trim();
  if (trimmed === "") return;
  try {
    store?.setItem(STORAGE_KEY, trimmed);
  } catch {
    // Storage switched off or full: the name is asked for again next time.
  }
}
