import { useEffect, useState } from "react";
import { useI18n } from "../i18n/I18nContext";
import { debounce } from "../lib/debounce";

/** Long enough to skip a query per keystroke, short enough to feel immediate. */
const SEARCH_DEBOUNCE_MS = 200;

type Props = {
  initial: string;
  /** Must be stable: the debounced caller keeps the first one it gets. */
  onSearch: (search: string) => void;
};

export function SearchBox({ initial, onSearch }: Props) {
  const i18n = useI18n();
  const [text, setText] = useState(initial);
  const [debounced] = useState(() => debounce((value: string) => onSearch(value), SEARCH_DEBOUNCE_MS));

  useEffect(() => () => debounced.cancel(), [debounced]);

  return (
    <label className="search-box">
      <span className="field-label">{i18n.t("inventory.search.label")}</span>
      <input
        type="search"
        data-testid="inventory-search"
        value={text}
        placeholder={i18n.t("inventory.search.placeholder")}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => {
          setText(event.target.value);
          debounced(event.target.value);
        }}
        onKeyDown={(event) => {
          // Enter searches at once instead of waiting for the debounce.
          if (event.key === "Enter") debounced.flush();
        }}
      />
    </label>
  );
}
