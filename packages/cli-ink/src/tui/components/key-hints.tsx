import { Box, Text } from "ink";

export type Hint = readonly [key: string, action: string];

/** The keys that work on this screen, always visible at the bottom: `↑↓ move · enter open · esc back`. */
export function KeyHints({ hints }: { hints: readonly Hint[] }) {
  return (
    <Box>
      <Text dimColor wrap="truncate-end">
        {hints.map(([key, action], i) => (
          <Text key={key}>
            {i > 0 ? " · " : ""}
            <Text bold>{key}</Text> {action}
          </Text>
        ))}
      </Text>
    </Box>
  );
}

export const HINT_BACK: Hint = ["esc", "back"];
export const HINT_QUIT: Hint = ["ctrl-c", "quit"];
export const HINT_MOVE: Hint = ["↑↓", "move"];
