import { Box, Text } from "ink";
import { useContext } from "react";
import { TuiContext } from "../context.js";
import { describeError } from "../state/errors.js";

/** An error in place: what happened, the service's message, and what to do next. Secrets are redacted. */
export function ErrorBox({ error, hint }: { error: unknown; hint?: string }) {
  const redact = useContext(TuiContext)?.redact;
  const view = describeError(error, redact);
  const next = hint ?? view.hint;
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="red" paddingX={1}>
      <Text color="red" bold>
        ✖ {view.title}
      </Text>
      <Text>{view.message}</Text>
      {next ? <Text color="yellow">→ {next}</Text> : null}
    </Box>
  );
}
