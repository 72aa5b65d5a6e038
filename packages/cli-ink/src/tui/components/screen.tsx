import { Box, Text } from "ink";
import { type ReactNode, useContext } from "react";
import { TuiContext } from "../context.js";
import { HelpOverlay } from "./help-overlay.js";
import { type Hint, KeyHints } from "./key-hints.js";

/**
 * Every screen's frame: a title line, the body, and the key hints at the bottom. While `?` help is open the
 * body stays mounted (a half-typed field keeps its text) but hidden, and the screen's keys are listed.
 */
export function Screen({
  title,
  hints,
  children,
}: {
  title: string;
  hints: readonly Hint[];
  children: ReactNode;
}) {
  const helpOpen = useContext(TuiContext)?.helpOpen ?? false;
  return (
    <Box flexDirection="column">
      <Text bold color="cyan" wrap="truncate-end">
        {title}
      </Text>
      {helpOpen ? <HelpOverlay hints={hints} /> : null}
      <Box flexDirection="column" marginY={1} display={helpOpen ? "none" : "flex"}>
        {children}
      </Box>
      {helpOpen ? null : <KeyHints hints={hints} />}
    </Box>
  );
}
