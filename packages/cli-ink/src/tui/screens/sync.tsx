import { Box, Text } from "ink";
import { useState } from "react";
import { syncWork } from "../batch.js";
import { ErrorBox } from "../components/error-box.js";
import { HINT_BACK, HINT_ERASE, HINT_MOVE, type Hint } from "../components/key-hints.js";
import { LabelledField } from "../components/labelled-field.js";
import { Menu } from "../components/menu.js";
import { ProgressPanel } from "../components/progress-panel.js";
import { QuotaNote } from "../components/quota-note.js";
import { Screen } from "../components/screen.js";
import { VideoPriceField } from "../components/video-price-field.js";
import { useTui } from "../context.js";
import { syncFolderProblem } from "../files.js";
import { useInteractive, useKeys } from "../hooks/use-keys.js";
import { useNow } from "../hooks/use-now.js";
import { useProgressRun } from "../hooks/use-progress-run.js";
import { ServiceError } from "../services.js";
import { CREATOR_FIX } from "../state/errors.js";
import { isOver } from "../state/progress.js";
import { BatchSummary } from "./batch-summary.js";

type Step =
  | { kind: "folder" }
  | { kind: "mode"; folder: string }
  | { kind: "price"; folder: string; error?: string }
  | { kind: "running"; folder: string; check: boolean };

/** Sync a folder: upload what is new or changed and record it in the lockfile, with live progress. */
export function SyncScreen() {
  const { ctx, navigate } = useTui();
  const interactive = useInteractive();
  const [step, setStep] = useState<Step>({ kind: "folder" });
  const [folderProblem, setFolderProblem] = useState<string>();
  const run = useProgressRun();
  const running = run.state !== undefined && !isOver(run.state);
  const now = useNow(1000, running);

  const start = (folder: string, check: boolean, videoExpectedPrice?: number) => {
    setStep({ kind: "running", folder, check });
    run.start(syncWork(ctx, folder, check, videoExpectedPrice !== undefined ? { videoExpectedPrice } : {}), {
      check,
    });
  };

  useKeys((input, key) => {
    if (step.kind === "running") {
      if (running && key.escape) run.stop();
      else if (!running && (key.escape || key.return || input === "q")) navigate({ type: "back" });
    } else if (key.escape) {
      if (step.kind === "mode") setStep({ kind: "folder" });
      else if (step.kind === "price") setStep({ kind: "mode", folder: step.folder });
      else navigate({ type: "back" });
    }
  });

  const hints: Hint[] =
    step.kind === "folder"
      ? [["enter", "continue"], HINT_ERASE, HINT_BACK]
      : step.kind === "mode"
        ? [HINT_MOVE, ["enter", "start"], ["esc", "previous"]]
        : step.kind === "price"
          ? [
              ["enter", "sync"],
              ["esc", "previous"],
            ]
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
          <LabelledField
            label="Folder"
            placeholder="."
            onSubmit={(value) => {
              const folder = value.trim() || ".";
              void syncFolderProblem(ctx, folder).then((problem) =>
                problem ? setFolderProblem(problem) : setStep({ kind: "mode", folder }),
              );
            }}
            onChange={() => setFolderProblem(undefined)}
            error={folderProblem}
          />
          <Text dimColor wrap="truncate-end">
            Relative to {ctx.root}. New and changed files are uploaded and recorded in the lockfile.
          </Text>
          {ctx.config.creator ? null : (
            <Box marginTop={1}>
              <ErrorBox
                error={new ServiceError("No creator is configured: a sync can only check, not upload.")}
                hint={CREATOR_FIX}
              />
            </Box>
          )}
        </Box>
      ) : null}
      {step.kind === "mode" ? (
        <Box flexDirection="column">
          <Text wrap="truncate-end">
            Sync <Text bold>{step.folder}</Text>:
          </Text>
          <QuotaNote ctx={ctx} folder={step.folder} />
          <Menu
            isDisabled={!interactive}
            options={[
              ...(ctx.config.creator ? [{ label: "Upload new and changed files", value: "sync" }] : []),
              { label: "Check only: list what would be uploaded", value: "check" },
              ...(ctx.config.creator
                ? [{ label: "Upload, with the most Robux to pay per video", value: "sync-video" }]
                : []),
            ]}
            onSelect={(value) => {
              if (value === "sync-video") setStep({ kind: "price", folder: step.folder });
              else start(step.folder, value === "check");
            }}
          />
        </Box>
      ) : null}
      {step.kind === "price" ? (
        <VideoPriceField
          error={step.error}
          onPrice={(robux) => start(step.folder, false, robux)}
          onError={(error) => setStep({ ...step, error })}
        />
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
