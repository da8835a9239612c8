import { useEffect, useState } from "react";
import { useI18n } from "../i18n/I18nContext";
import { debounce } from "../lib/debounce";

/** A search per pause in typing, not per keystroke. */
const SEARCH_DEBOUNCE_MS = 250;

type Props = {
  /** Must be stable: the debounced caller keeps the first one it gets. */
  onSearch: (text: string) => void;
};

/** The Apps view's search box; it takes the focus as the view opens, as the search is all there is to do first. */
export function AppSearchField({ onSearch }: Props) {
  const i18n = useI18n();
  const [text, setText] = useState("");
  const [debounced] = useState(() => debounce((value: string) => onSearch(value), SEARCH_DEBOUNCE_MS));

  useEffect(() => () => debounced.cancel(), [debounced]);

  return (
    <label className="apps-search">
      <span className="field-label">{i18n.t("apps.search.label")}</span>
      <input
        type="search"
        data-testid="apps-search"
        value={text}
        placeholder={i18n.t("apps.search.placeholder")}
        autoComplete="off"
        spellCheck={false}
        // The view mounts on its first visit, when the user has just asked for it.
        autoFocus
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
