import { Spinner } from "@inkjs/ui";
import { Box, Text } from "ink";
import { useEffect, useState } from "react";
import { AssetCard } from "../components/asset-card.js";
import { ErrorBox } from "../components/error-box.js";
import { HINT_BACK, type Hint } from "../components/key-hints.js";
import { LabelledField } from "../components/labelled-field.js";
import { Screen } from "../components/screen.js";
import { useTui } from "../context.js";
import { useKeys } from "../hooks/use-keys.js";
import { useNow } from "../hooks/use-now.js";
import { getOperation, type OperationReport } from "../services.js";
import { OperationFailedError } from "../state/errors.js";
import { formatDuration } from "../state/format.js";
import { parseOperationId } from "../state/navigation.js";

type Watch =
  | { kind: "ask"; error?: string }
  | { kind: "watching"; operationId: string; since: number; attempt: number }
  | { kind: "finished"; operationId: string; report: OperationReport }
  | { kind: "failed"; operationId: string; error: unknown };

/** The keys each state of the screen answers. */
const HINTS: Record<Watch["kind"], Hint[]> = {
  ask: [["enter", "watch"], HINT_BACK],
  watching: [["esc", "stop watching"]],
  finished: [["enter", "watch another"], HINT_BACK],
  failed: [["r", "retry"], HINT_BACK],
};

/** Waits for an operation (polling with backoff in the service) and shows the asset it produced. */
export function OperationScreen({ operationId }: { operationId?: string }) {
  const { ctx, navigate, tasks } = useTui();
  const [watch, setWatch] = useState<Watch>(() =>
    operationId ? { kind: "watching", operationId, since: Date.now(), attempt: 0 } : { kind: "ask" },
  );
  const now = useNow(1000, watch.kind === "watching");
  const attempt = watch.kind === "watching" ? watch.attempt : -1;
  // A new attempt at the same id restarts the watch: the key carries both.
  const watchKey = watch.kind === "watching" ? `${watch.attempt}:${watch.operationId}` : undefined;

  useEffect(() => {
    if (watchKey === undefined) return;
    const watchedId = watchKey.slice(watchKey.indexOf(":") + 1);
    let live = true;
    const task = tasks.run((signal) => getOperation(ctx, watchedId, { wait: true, signal }));
    task.promise.then(
      (report) => live && setWatch({ kind: "finished", operationId: watchedId, report }),
      (error: unknown) => live && setWatch({ kind: "failed", operationId: watchedId, error }),
    );
    return () => {
      // Leaving the screen stops the polling.
      live = false;
      task.abort();
    };
  }, [ctx, tasks, watchKey]);

  useKeys((input, key) => {
    if (key.escape || (watch.kind !== "ask" && input === "q")) navigate({ type: "back" });
    else if (watch.kind === "failed" && input === "r") {
      setWatch({ kind: "watching", operationId: watch.operationId, since: Date.now(), attempt: 1 });
    } else if (watch.kind === "finished" && key.return) {
      setWatch(
        watch.report.done
          ? { kind: "ask" }
          : { kind: "watching", operationId: watch.operationId, since: Date.now(), attempt: attempt + 2 },
      );
    }
  });

  return (
    <Screen title="Watch an operation" hints={HINTS[watch.kind]}>
      {watch.kind === "ask" ? (
        <LabelledField
          label="Operation id"
          placeholder="the id printed by an upload or update"
          error={watch.error}
          onSubmit={(value) => {
            const id = parseOperationId(value);
            if (id) setWatch({ kind: "watching", operationId: id, since: Date.now(), attempt: 0 });
            else setWatch({ kind: "ask", error: `"${value.trim()}" is not an operation id.` });
          }}
        />
      ) : null}
      {watch.kind === "watching" ? (
        <Spinner label={`Waiting for operation ${watch.operationId}… ${formatDuration(now - watch.since)}`} />
      ) : null}
      {watch.kind === "failed" ? <ErrorBox error={watch.error} /> : null}
      {watch.kind === "finished" ? <OperationResult report={watch.report} /> : null}
    </Screen>
  );
}

export function OperationResult({ report }: { report: OperationReport }) {
  if (report.status === "succeeded" && report.asset) {
    return (
      <Box flexDirection="column">
        <Text color="green">✔ Operation {report.operationId} finished.</Text>
        <AssetCard asset={report.asset} />
      </Box>
    );
  }
  if (report.status === "failed") {
    return (
      <ErrorBox
        error={new OperationFailedError(report.error?.message ?? "The operation failed.")}
        hint="Fix the upload (see the message) and upload again."
      />
    );
  }
  return (
    <Text color="yellow">
      Operation {report.operationId} is still {report.status === "pending" ? "running" : report.status}.{" "}
      <Text dimColor>Press Enter to watch again.</Text>
    </Text>
  );
}
