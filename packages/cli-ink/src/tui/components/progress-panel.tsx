import { Spinner } from "@inkjs/ui";
import { Box, Text } from "ink";
import { useLayout } from "../hooks/use-layout.js";
import { formatDuration, formatRate, plural, truncateStart } from "../state/format.js";
import {
  accountedCount,
  elapsedMs,
  etaMs,
  type FinishedItem,
  isOver,
  type Outcome,
  type ProgressState,
  percentDone,
  rateLimitWaitMs,
  ratePerSecond,
} from "../state/progress.js";

const MARKS: Record<Outcome, { mark: string; color: string; word: string }> = {
  uploaded: { mark: "✔", color: "green", word: "uploaded" },
  updated: { mark: "↻", color: "cyan", word: "updated" },
  unchanged: { mark: "=", color: "gray", word: "unchanged" },
  reused: { mark: "=", color: "cyan", word: "reused" },
  pending: { mark: "…", color: "yellow", word: "pending" },
  failed: { mark: "✖", color: "red", word: "failed" },
  skipped: { mark: "⤼", color: "gray", word: "skipped" },
  warning: { mark: "⚠", color: "yellow", word: "warning" },
};

const MAX_RUNNING_SHOWN = 3;

/**
 * A finished file, printed once above the live area through the app's <Static> (it scrolls away with the
 * terminal, like jest). `width` is the terminal's: the path gets what the rest of the line leaves.
 */
export function FinishedLine({ item, width = 80 }: { item: FinishedItem; width?: number }) {
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
        <Text color={color}>{mark}</Text> {truncateStart(item.file, Math.max(20, width - target.length - 3))}
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
  const shown: Outcome[] = [
    "uploaded",
    "updated",
    "unchanged",
    "reused",
    "pending",
    "failed",
    "skipped",
    "warning",
  ];
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
 * A progress bar drawn at the width it is given on every render, so that it follows the terminal when it
 * is resized (ink-ui's measures itself once).
 */
function Bar({ width, percent }: { width: number; percent: number }) {
  const filled = Math.round((width * Math.min(100, Math.max(0, percent))) / 100);
  return (
    <Box width={width} flexShrink={0}>
      <Text color="magenta">{"█".repeat(filled)}</Text>
      <Text dimColor>{"░".repeat(width - filled)}</Text>
    </Box>
  );
}

/**
 * The live area of a batch: what is running, a progress bar, counts, rate and time left, or the rate
 * limiter's wait. Finished files are printed above it by the app (see `useProgressRun`).
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
  const { columns } = useLayout();
  const over = isOver(state);
  const total = state.total;
  const done = accountedCount(state);
  const eta = etaMs(state, now);
  const wait = rateLimitWaitMs(state, now);
  const barWidth = Math.max(10, Math.min(40, columns - 30));
  return (
    <Box flexDirection="column">
      {state.phase === "scanning" ? <Spinner label="Scanning files…" /> : null}
      {state.phase === "stopping" ? (
        <Text color="yellow" wrap="truncate-end">
          {state.finishing
            ? `Stopping: ${plural(state.finishing, "upload")} finishing… ctrl-c again to leave them to the next run`
            : "Stopping: nothing new starts; uploads already sent finish and are recorded…"}
        </Text>
      ) : null}
      {!over
        ? state.running
            .slice(0, MAX_RUNNING_SHOWN)
            .map((r) => (
              <Spinner
                key={r.file}
                label={`${verb} ${truncateStart(r.file, Math.max(20, columns - verb.length - 16))}${r.action ? ` (${r.action})` : ""}`}
              />
            ))
        : null}
      {!over && state.running.length > MAX_RUNNING_SHOWN ? (
        <Text dimColor> +{state.running.length - MAX_RUNNING_SHOWN} more in flight</Text>
      ) : null}
      {wait !== undefined ? (
        <Text color="yellow" wrap="truncate-end">
          ⏸ Waiting for the rate limit ({Math.ceil(wait / 1000)} s): the API allows only so many requests a
          minute.
        </Text>
      ) : null}
      <Box>
        <Bar width={barWidth} percent={percentDone(state)} />
        <Text wrap="truncate-end">
          {" "}
          {done}/{total ?? "?"} files{state.check ? " checked" : ""} · {percentDone(state)}%
        </Text>
      </Box>
      <CountsLine state={state} />
      <Text dimColor wrap="truncate-end">
        {formatRate(ratePerSecond(state, now))} · {formatDuration(elapsedMs(state, now))} elapsed
        {over
          ? ""
          : wait !== undefined
            ? " · paused by the rate limit"
            : eta === undefined
              ? " · estimating time left"
              : ` · about ${formatDuration(eta)} left`}
      </Text>
    </Box>
  );
}
