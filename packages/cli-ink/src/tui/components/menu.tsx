import { Box, Text } from "ink";
import { useEffect, useRef } from "react";
import { useKeys } from "../hooks/use-keys.js";
import { useLiveReducer } from "../hooks/use-live-reducer.js";
import { hiddenRows, initialMenu, type MenuState, menuReducer } from "../state/menu.js";

export interface MenuOption {
  label: string;
  value: string;
}

/**
 * Arrows, Page Up/Down, Home/End move the focus; Enter reports the focused option. `live` is the state as
 * the keys before left it (a chunk's `Down Enter` chooses the row below).
 */
export function useMenuInput(
  live: () => MenuState,
  dispatch: (action: Parameters<typeof menuReducer>[1]) => void,
  onEnter: (index: number) => void,
  isActive: boolean,
): void {
  useKeys(
    (_input, key) => {
      if (key.downArrow) dispatch({ type: "next" });
      else if (key.upArrow) dispatch({ type: "previous" });
      else if (key.pageDown) dispatch({ type: "page-down" });
      else if (key.pageUp) dispatch({ type: "page-up" });
      else if (key.home) dispatch({ type: "first" });
      else if (key.end) dispatch({ type: "last" });
      else if (key.return && live().count > 0) onEnter(live().focus);
    },
    { isActive },
  );
}

/**
 * A list to choose one option from. Starts on `initialValue` (so that a list comes back where the user
 * left it) and shows how many rows are scrolled out of view.
 */
export function Menu({
  options,
  onSelect,
  initialValue,
  visibleCount = 8,
  isDisabled = false,
}: {
  options: readonly MenuOption[];
  onSelect: (value: string) => void;
  initialValue?: string;
  visibleCount?: number;
  isDisabled?: boolean;
}) {
  const initialIndex = Math.max(
    0,
    options.findIndex((o) => o.value === initialValue),
  );
  const [state, dispatch, live] = useLiveReducer(menuReducer, () =>
    initialMenu(options.length, visibleCount, initialIndex),
  );
  // When the options change (a new page), keep the focus on the same value if it is still there.
  const lastValues = useRef(`${visibleCount}\n${options.map((o) => o.value).join("\n")}`);
  const focusedValue = options[state.focus]?.value;
  useEffect(() => {
    // Also when the terminal's height changes the rows there is room for.
    const values = `${visibleCount}\n${options.map((o) => o.value).join("\n")}`;
    if (values === lastValues.current) return;
    lastValues.current = values;
    const index = options.findIndex((o) => o.value === focusedValue);
    dispatch({ type: "reset", count: options.length, visible: visibleCount, focus: Math.max(0, index) });
  }, [options, focusedValue, visibleCount, dispatch]);

  useMenuInput(
    live,
    dispatch,
    (index) => {
      const option = options[index];
      if (option) onSelect(option.value);
    },
    !isDisabled,
  );

  const { above, below } = hiddenRows(state);
  const rows = options.slice(state.from, state.from + state.visible);
  return (
    <Box flexDirection="column">
      {above > 0 ? <Text dimColor> ↑ {above} more</Text> : null}
      {rows.map((option, i) => {
        const focused = !isDisabled && state.from + i === state.focus;
        return (
          <Text key={option.value} color={focused ? "blue" : undefined} wrap="truncate-end">
            {focused ? "❯ " : "  "}
            {option.label}
          </Text>
        );
      })}
      {below > 0 ? <Text dimColor> ↓ {below} more</Text> : null}
    </Box>
  );
}
