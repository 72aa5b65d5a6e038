import { Box, Text } from "ink";
import stringWidth from "string-width";
import type { Hint } from "../state/hints.js";

/** Keys every screen shares, after the screen's own. */
const GLOBAL_HINTS: readonly Hint[] = [
  ["?", "show or hide this help"],
  ["ctrl-c", "stop running work (uploads already sent finish); twice: quit now"],
];

/** The `?` overlay, as lazygit and k9s have it: every key of this screen with what it does. */
export function HelpOverlay({ hints }: { hints: readonly Hint[] }) {
  const all = [...hints, ...GLOBAL_HINTS];
  const keyWidth = Math.max(...all.map(([key]) => stringWidth(key)));
  return (
    <Box flexDirection="column" marginY={1} borderStyle="round" paddingX={1}>
      <Text bold>Keys on this screen</Text>
      {all.map(([key, action]) => (
        <Text key={key} wrap="truncate-end">
          <Text bold>{key + " ".repeat(keyWidth - stringWidth(key))}</Text> {action}
        </Text>
      ))}
      <Text dimColor>esc, enter or ? close this help</Text>
    </Box>
  );
}
