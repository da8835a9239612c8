import type { en } from "./en";

export type MessageKey = keyof typeof en;

/** Every language must translate exactly the keys of the English reference. */
export type Dictionary = Record<MessageKey, string>;

/** Keys that come in a `.one` / `.other` pair, for counts. */
export type PluralKey = {
  [K in MessageKey]: K extends `${infer Base}.one`
    ? `${Base}.other` extends MessageKey
      ? Base
      : never
    : never;
}[MessageKey];

export type Params = Readonly<Record<string, string | number>>;

/** Replaces `{name}` with the matching parameter; unknown placeholders stay visible so they get noticed. */
export function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** Placeholder names used in a template, for checking that translations agree. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "").sort();
}
