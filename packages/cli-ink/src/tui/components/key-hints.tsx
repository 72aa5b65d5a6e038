import { Box, Text } from "ink";
import { useContext } from "react";
import { TuiContext } from "../context.js";
import { useLayout } from "../hooks/use-layout.js";
import { fitHints, type Hint } from "../state/hints.js";

export type { Hint } from "../state/hints.js";

export const HINT_BACK: Hint = ["esc", "back"];
export const HINT_MOVE: Hint = ["↑↓", "move"];
export const HINT_HELP: Hint = ["?", "help"];
/** Ctrl-U as readline has it: it deletes what is before the cursor, not the whole field. */
export const HINT_ERASE: Hint = ["ctrl-u", "delete to start"];

/**
 * The keys that work on this screen, always visible at the bottom: `↑↓ move · enter open · esc back`.
 * On a narrow terminal the least used go first; the way out and `?` (which lists them all) always stay.
 */
export function KeyHints({ hints, help = true }: { hints: readonly Hint[]; help?: boolean }) {
  const { columns } = useLayout();
  // While a field takes keys `?` is typed, so it is not offered.
  const typing = useContext(TuiContext)?.typingNow ?? false;
  if (hints.length === 0) return null;
  const fitted = fitHints(help && !typing ? [...hints, HINT_HELP] : hints, columns);
  return (
    <Box>
      <Text dimColor wrap="truncate-end">
        {fitted.hints.map(([key, action], i) => (
          <Text key={key}>
            {i > 0 ? " · " : ""}
            <Text bold>{key}</Text>
            {fitted.actions ? ` ${action}` : ""}
          </Text>
        ))}
      </Text>
    </Box>
  );
}
