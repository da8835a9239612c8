import { describe, expect, it } from "vitest";
import { rememberedTester, rememberTester } from "./testerMemory";

function memoryStore() {
  const values = new Map<string, string>();
  return {
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
  };
}

describe("tester memory", () => {
  it("offers the last tester again, trimmed", () => {
    const store = memoryStore();
    expect(rememberedTester(store)).toBe("");
    rememberTester("  Kim Andersson ", store);
    expect(rememberedTester(store)).toBe("Kim Andersson");
  });

  it("keeps the last name when given an empty one", () => {
    const store = memoryStore();
    rememberTester("Kim", store);
    rememberTester("   ", store);
    expect(rememberedTester(store)).toBe("Kim");
  });

  it("works without storage", () => {
    const broken = {
      getItem: () => {
        throw new Error("denied");
      },
      setItem: () => {
        throw new Error("denied");
      },
    };
    expect(() => rememberTester("Kim", broken)).not.toThrow();
    expect(rememberedTester(broken)).toBe("");
    expect(rememberedTester(null)).toBe("");
  });
});
