import { Box, Text } from "ink";
import { ErrorBox } from "../components/error-box.js";
import { useLayout } from "../hooks/use-layout.js";
import { formatDuration, plural, truncateStart } from "../state/format.js";
import { type BatchVerdict, batchVerdict, completedCount, type ProgressState } from "../state/progress.js";
import { refusalWords } from "../state/refusal-words.js";

const COLORS: Record<BatchVerdict["tone"], string> = { good: "green", warn: "yellow", bad: "red" };

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
  const { columns, listRows } = useLayout();
  const { counts } = state;
  const elapsed = formatDuration((state.finishedAt ?? state.startedAt) - state.startedAt);
  if (state.phase === "crashed") {
    return <ErrorBox error={state.fatal} hint="Fix the cause, then run it again: finished files are kept." />;
  }
  const verdict = batchVerdict(state, verb, elapsed);
  // Every file a check would upload, one a line, as many as the terminal has room for.
  const listed = check ? state.notDone.slice(0, Math.max(3, listRows(10))) : [];
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text color={COLORS[verdict.tone]} bold wrap="truncate-end">
        {verdict.mark} {verdict.headline}
      </Text>
      {state.refusal ? (
        <Box flexDirection="column">
          <Text color="red">
            {refusalWords(state.refusal.reason).lead}, so the batch stopped: {state.refusal.message}
          </Text>
          <Text color="yellow">→ {state.refusal.fix}</Text>
          {state.notDone.length > 0 ? (
            <Text wrap="truncate-end">
              {plural(state.notDone.length, "more file")} not uploaded:{" "}
              {refusalWords(state.refusal.reason).next}
            </Text>
          ) : null}
        </Box>
      ) : null}
      {!state.refusal && state.phase === "aborted" && state.notDone.length > 0 ? (
        <Text>{plural(state.notDone.length, "file")} not done: run it again to finish them.</Text>
      ) : null}
      {listed.map((file) => (
        <Text key={file} wrap="truncate-end">
          {"  "}
          <Text color="yellow">↑</Text> {truncateStart(file, columns - 6)}
        </Text>
      ))}
      {check && state.notDone.length > listed.length ? (
        <Text dimColor> +{state.notDone.length - listed.length} more</Text>
      ) : null}
      {counts.failed > 0 && !state.refusal ? (
        <Text color="red">{plural(counts.failed, "file")} failed: see the reasons above.</Text>
      ) : null}
      {counts.pending > 0 ? (
        <Text color="yellow">{plural(counts.pending, "upload")} still processing.</Text>
      ) : null}
      {state.phase === "aborted" && completedCount(state) === 0 && state.notDone.length === 0 ? (
        <Text dimColor>Nothing was done.</Text>
      ) : null}
    </Box>
  );
}
