import { ProgressBar, Spinner } from "@inkjs/ui";
import { Box, Static, Text } from "ink";
import { formatDuration, formatRate, truncateStart } from "../state/format.js";
import {
  completedCount,
  elapsedMs,
  etaMs,
  type FinishedItem,
  isOver,
  type Outcome,
  type ProgressState,
  percentDone,
  ratePerSecond,
} from "../state/progress.js";

const MARKS: Record<Outcome, { mark: string; color: string; word: string }> = {
  uploaded: { mark: "✔", color: "green", word: "uploaded" },
  updated: { mark: "↻", color: "cyan", word: "updated" },
  unchanged: { mark: "=", color: "gray", word: "unchanged" },
  pending: { mark: "…", color: "yellow", word: "pending" },
  failed: { mark: "✖", color: "red", word: "failed" },
  skipped: { mark: "⤼", color: "gray", word: "skipped" },
  warning: { mark: "⚠", color: "yellow", word: "warning" },
};

const MAX_RUNNING_SHOWN = 3;

/** A finished file, printed once above the live area (it scrolls away with the terminal, like jest). */
export function FinishedLine({ item }: { item: FinishedItem }) {
  const { mark, color } = MARKS[item.outcome];
  // Pipeline reasons start with the file already: don't say it twice.
  const detail = item.detail?.startsWith(`${item.file}: `)
    ? item.detail.slice(item.file.length + 2)
    : item.detail;
  const target = item.assetId
    ? ` → ${item.assetId}${item.assetType ? ` ${item.assetType}` : ""}${item.moderation ? ` (${item.moderation})` : ""}`
    : item.operationId
      ? ` → operation ${item.operationId}`
      : "";
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Text color={color}>{mark}</Text> {truncateStart(item.file, 40)}
        <Text dimColor>{target}</Text>
      </Text>
      {detail ? (
        <Text color={item.outcome === "failed" ? "red" : "yellow"} wrap="truncate-end">
          {"  "}
          {detail}
        </Text>
      ) : null}
    </Box>
  );
}

export function CountsLine({ state }: { state: ProgressState }) {
  const shown: Outcome[] = ["uploaded", "updated", "unchanged", "pending", "failed", "skipped", "warning"];
  const parts = shown.filter((o) => state.counts[o] > 0 || o === "uploaded" || o === "failed");
  return (
    <Text wrap="truncate-end">
      {parts.map((o, i) => (
        <Text key={o}>
          {i > 0 ? " · " : ""}
          <Text color={MARKS[o].color}>{MARKS[o].mark}</Text> {state.counts[o]} {MARKS[o].word}
        </Text>
      ))}
    </Text>
  );
}

/**
 * The progress of a batch: finished files in <Static> above, the live area below with what is running, a
 * progress bar, counts, rate and time left.
 */
export function ProgressPanel({
  state,
  now,
  verb = "Uploading",
}: {
  state: ProgressState;
  now: number;
  verb?: string;
}) {
  const over = isOver(state);
  const total = state.total;
  const done = completedCount(state);
  const eta = etaMs(state, now);
  return (
    <>
      <Static items={state.finished}>{(item) => <FinishedLine key={item.key} item={item} />}</Static>
      <Box flexDirection="column">
        {state.phase === "scanning" ? <Spinner label="Scanning files…" /> : null}
        {state.phase === "stopping" ? (
          <Text color="yellow">Stopping: finishing the uploads in flight so that each is recorded…</Text>
        ) : null}
        {!over
          ? state.running
              .slice(0, MAX_RUNNING_SHOWN)
              .map((r) => (
                <Spinner
                  key={r.file}
                  label={`${verb} ${truncateStart(r.file, 50)}${r.action ? ` (${r.action})` : ""}`}
                />
              ))
          : null}
        {!over && state.running.length > MAX_RUNNING_SHOWN ? (
          <Text dimColor> +{state.running.length - MAX_RUNNING_SHOWN} more in flight</Text>
        ) : null}
        <Box>
          <Box width={40}>
            <ProgressBar value={percentDone(state)} />
          </Box>
          <Text>
            {" "}
            {done}/{total ?? "?"} files · {percentDone(state)}%
          </Text>
        </Box>
        <CountsLine state={state} />
        <Text dimColor>
          {formatRate(ratePerSecond(state, now))} · {formatDuration(elapsedMs(state, now))} elapsed
          {over ? "" : eta === undefined ? " · estimating time left" : ` · about ${formatDuration(eta)} left`}
        </Text>
      </Box>
    </>
  );
}
