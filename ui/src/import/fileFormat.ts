/** How a file an import reads was written: its character encoding and its delimiter, in words. */
import type { Encoding } from "../bindings";
import type { MessageKey } from "../i18n/dictionary";
import type { Translator } from "../i18n/translator";

/** A `MessageKey`, so an encoding added to the core fails the type check until both dictionaries word it. */
export function encodingKey(encoding: Encoding): MessageKey {
  return `import.encoding.${encoding}`;
}

const DELIMITER_KEYS: Readonly<Record<string, MessageKey>> = {
  ";": "import.delimiter.semicolon",
  ",": "import.delimiter.comma",
  "\t": "import.delimiter.tab",
  "|": "import.delimiter.pipe",
};

/** "semicolons" / "semikolon"; an unusual delimiter is shown quoted. */
export function delimiterText(delimiter: string, i18n: Pick<Translator, "t">): string {
  const key = Object.hasOwn(DELIMITER_KEYS, delimiter) ? DELIMITER_KEYS[delimiter] : undefined;
  return key === undefined ? i18n.t("import.delimiter.other", { delimiter }) : i18n.t(key);
}
