import { Box, Text } from "ink";
import type { ReactNode } from "react";
import { type Hint, KeyHints } from "./key-hints.js";

/** Every screen's frame: a title line, the body, and the key hints at the bottom. */
export function Screen({
  title,
  hints,
  children,
}: {
  title: string;
  hints: readonly Hint[];
  children: ReactNode;
}) {
  return (
    <Box flexDirection="column">
      <Text bold color="cyan" wrap="truncate-end">
        {title}
      </Text>
      <Box flexDirection="column" marginY={1}>
        {children}
      </Box>
      <KeyHints hints={hints} />
    </Box>
  );
}
