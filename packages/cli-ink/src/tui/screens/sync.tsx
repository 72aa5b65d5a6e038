import { TextInput } from "@inkjs/ui";
import { Box, Text } from "ink";
import { useState } from "react";
import { HINT_BACK, HINT_MOVE, type Hint } from "../components/key-hints.js";
import { Menu } from "../components/menu.js";
import { ProgressPanel } from "../components/progress-panel.js";
import { Screen } from "../components/screen.js";
import { useTui } from "../context.js";
import { useInteractive, useKeys } from "../hooks/use-keys.js";
import { useNow } from "../hooks/use-now.js";
import { type ProgressWork, useProgressRun } from "../hooks/use-progress-run.js";
import { type PipelineEvent, type ServiceContext, syncPaths } from "../services.js";
import { isOver, type ProgressAction } from "../state/progress.js";
import { BatchSummary } from "./batch-summary.js";

/** A pipeline event as a progress action (the two are deliberately close). */
export function progressActionOf(event: Exclude<PipelineEvent, { type: "decode" }>): ProgressAction {
  switch (event.type) {
    case "done": {
      const { asset } = event;
      return {
        type: "done",
        asset: {
          file: asset.file,
          assetId: asset.assetId,
          assetType: asset.assetType,
          status: asset.status,
          ...(asset.moderation && asset.moderation !== "Unknown" ? { moderation: asset.moderation } : {}),
          ...(asset.warning ? { warning: asset.warning } : {}),
        },
      };
    }
    case "refused":
      // The account-level refusal, once (the files it kept from being sent are not listed one by one).
      return { type: "failed", file: event.file, reason: event.message };
    default:
      return event;
  }
}

export function syncWork(ctx: ServiceContext, folder: string, check: boolean): ProgressWork {
  return async (emit, signal) => {
    const report = await syncPaths(ctx, [folder], {
      check,
      signal,
      // Decodes (image processing) are not progress steps of their own.
      onEvent: (event) => {
        if (event.type !== "decode") emit(progressActionOf(event));
      },
    });
    return { aborted: report.aborted, notDone: report.pending };
  };
}

type Step =
  | { kind: "folder" }
  | { kind: "mode"; folder: string }
  | { kind: "running"; folder: string; check: boolean };

/** Sync a folder: upload what is new or changed and record it in the lockfile, with live progress. */
export function SyncScreen() {
  const { ctx, navigate } = useTui();
  const interactive = useInteractive();
  const [step, setStep] = useState<Step>({ kind: "folder" });
  const run = useProgressRun();
  const running = run.state !== undefined && !isOver(run.state);
  const now = useNow(1000, running);

  useKeys((input, key) => {
    if (step.kind === "running") {
      if (running && key.escape) run.stop();
      else if (!running && (key.escape || key.return || input === "q")) navigate({ type: "back" });
    } else if (key.escape) {
      if (step.kind === "mode") setStep({ kind: "folder" });
      else navigate({ type: "back" });
    }
  });

  const hints: Hint[] =
    step.kind === "folder"
      ? [["enter", "continue"], HINT_BACK]
      : step.kind === "mode"
        ? [HINT_MOVE, ["enter", "start"], ["esc", "previous"]]
        : running
          ? [
              ["esc", "stop"],
              ["ctrl-c", "stop and quit"],
            ]
          : [["enter/esc", "back"]];

  return (
    <Screen title="Sync a folder" hints={hints}>
      {step.kind === "folder" ? (
        <Box flexDirection="column">
          <Box>
            <Text>Folder: </Text>
            <TextInput
              isDisabled={!interactive}
              defaultValue="."
              onSubmit={(value) => setStep({ kind: "mode", folder: value.trim() || "." })}
            />
          </Box>
          <Text dimColor wrap="truncate-end">
            Relative to {ctx.root}. New and changed files are uploaded and recorded in the lockfile.
          </Text>
        </Box>
      ) : null}
      {step.kind === "mode" ? (
        <Box flexDirection="column">
          <Text>
            Sync <Text bold>{step.folder}</Text>:
          </Text>
          <Menu
            isDisabled={!interactive}
            options={[
              { label: "Upload new and changed files", value: "sync" },
              { label: "Check only: list what would be uploaded", value: "check" },
            ]}
            onSelect={(value) => {
              const check = value === "check";
              setStep({ kind: "running", folder: step.folder, check });
              run.start(syncWork(ctx, step.folder, check));
            }}
          />
        </Box>
      ) : null}
      {step.kind === "running" && run.state ? (
        <Box flexDirection="column">
          <ProgressPanel state={run.state} now={now} verb={step.check ? "Checking" : "Syncing"} />
          {isOver(run.state) ? (
            <BatchSummary state={run.state} verb={step.check ? "Check" : "Sync"} check={step.check} />
          ) : null}
        </Box>
      ) : null}
    </Screen>
  );
}
