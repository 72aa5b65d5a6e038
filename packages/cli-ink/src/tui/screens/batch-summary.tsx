import { Box, Text } from "ink";
import { ErrorBox } from "../components/error-box.js";
import { formatDuration, plural } from "../state/format.js";
import { completedCount, type ProgressState } from "../state/progress.js";

/** What a finished (or stopped) batch did, and what to do about what it did not. */
export function BatchSummary({
  state,
  verb,
  check = false,
}: {
  state: ProgressState;
  verb: string;
  check?: boolean;
}) {
  const { counts } = state;
  const elapsed = formatDuration((state.finishedAt ?? state.startedAt) - state.startedAt);
  if (state.phase === "crashed") {
    return <ErrorBox error={state.fatal} hint="Fix the cause, then run it again: finished files are kept." />;
  }
  return (
    <Box flexDirection="column" marginTop={1}>
      {state.phase === "aborted" ? (
        <Text color="yellow" bold>
          ■ {verb} stopped after {plural(completedCount(state), "file")} ({elapsed}).
        </Text>
      ) : check ? (
        <Text bold>
          {state.notDone.length === 0
            ? "✔ Everything is up to date."
            : `${plural(state.notDone.length, "file")} would be uploaded or updated.`}
        </Text>
      ) : (
        <Text color={counts.failed > 0 ? "yellow" : "green"} bold>
          {counts.failed > 0 ? "■" : "✔"} {verb} finished in {elapsed}.
        </Text>
      )}
      {state.phase === "aborted" && state.notDone.length > 0 ? (
        <Text>{plural(state.notDone.length, "file")} not done: run it again to finish them.</Text>
      ) : null}
      {check && state.notDone.length > 0 ? (
        <Text dimColor wrap="truncate-end">
          {state.notDone.slice(0, 5).join(", ")}
          {state.notDone.length > 5 ? ` +${state.notDone.length - 5} more` : ""}
        </Text>
      ) : null}
      {counts.failed > 0 ? (
        <Text color="red">{plural(counts.failed, "file")} failed: see the reasons above.</Text>
      ) : null}
      {counts.pending > 0 ? (
        <Text color="yellow">
          {plural(counts.pending, "upload")} still processing: press o to watch the first one.
        </Text>
      ) : null}
    </Box>
  );
}
