import { TextInput } from "@inkjs/ui";
import { Box, Text } from "ink";
import { useReducer } from "react";
import { ErrorBox } from "../components/error-box.js";
import { FilePicker } from "../components/file-picker.js";
import { HINT_BACK, HINT_MOVE, type Hint } from "../components/key-hints.js";
import { Loading } from "../components/loading.js";
import { Menu } from "../components/menu.js";
import { ProgressPanel } from "../components/progress-panel.js";
import { Screen } from "../components/screen.js";
import { useTui } from "../context.js";
import { listPickableFiles } from "../files.js";
import { useAsync } from "../hooks/use-async.js";
import { useInteractive, useKeys } from "../hooks/use-keys.js";
import { useNow } from "../hooks/use-now.js";
import { type ProgressWork, useProgressRun } from "../hooks/use-progress-run.js";
import { type AssetType, type ServiceContext, uploadFile } from "../services.js";
import { describeError, isAbort } from "../state/errors.js";
import { truncateStart } from "../state/format.js";
import { isOver } from "../state/progress.js";
import { initialUpload, type UploadDraft, uploadReducer } from "../state/upload.js";
import { BatchSummary } from "./batch-summary.js";

const UPLOAD_CONCURRENCY = 3;
const REVIEW_ROWS = 10;

/** Uploads the drafts, a few at a time, waiting for each operation so that ids and moderation are known. */
export function uploadWork(ctx: ServiceContext, drafts: UploadDraft[]): ProgressWork {
  return async (emit, signal) => {
    let next = 0;
    const worker = async () => {
      for (let draft = drafts[next++]; draft && !signal.aborted; draft = drafts[next++]) {
        emit({ type: "start", file: draft.file, action: draft.assetType });
        try {
          const result = await uploadFile(ctx, {
            file: draft.file,
            // The wizard only offers types the service listed for this file.
            assetType: draft.assetType as AssetType,
            displayName: draft.displayName,
            description: draft.description,
            wait: true,
            signal,
          });
          if (result.status === "failed") {
            emit({ type: "failed", file: draft.file, reason: result.error?.message ?? "the upload failed" });
          } else {
            emit({
              type: "done",
              asset: {
                file: draft.file,
                assetType: result.assetType,
                status: result.done ? "uploaded" : "pending",
                ...(result.assetId ? { assetId: result.assetId } : { operationId: result.operationId }),
                ...(result.moderation ? { moderation: result.moderation } : {}),
              },
            });
          }
        } catch (error) {
          if (isAbort(error) || signal.aborted)
            emit({ type: "skipped", file: draft.file, reason: "cancelled" });
          else emit({ type: "failed", file: draft.file, reason: describeError(error, ctx.redact).message });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(UPLOAD_CONCURRENCY, drafts.length) }, worker));
    return { aborted: signal.aborted, notDone: drafts.slice(next).map((d) => d.file) };
  };
}

export function UploadScreen() {
  const { ctx, navigate } = useTui();
  const interactive = useInteractive();
  const [state, dispatch] = useReducer(uploadReducer, initialUpload);
  const [files, reloadFiles] = useAsync(() => listPickableFiles(ctx));
  const run = useProgressRun();
  const running = run.state !== undefined && !isOver(run.state);
  const now = useNow(1000, running);
  const { step } = state;

  useKeys((input, key) => {
    if (step.kind === "running") {
      if (running && key.escape) run.stop();
      else if (!running && (key.escape || key.return || input === "q")) navigate({ type: "back" });
      else if (!running && input === "o") {
        const pending = run.state?.finished.find((f) => f.operationId);
        if (pending?.operationId)
          navigate({ type: "push", route: { name: "operation", operationId: pending.operationId } });
      }
      return;
    }
    if (key.escape) {
      if (step.kind === "pick") navigate({ type: "back" });
      else dispatch({ type: "back" });
    } else if (step.kind === "pick" && input === "r" && files.status === "error") reloadFiles();
    else if (step.kind === "details" && key.tab) dispatch({ type: "defaults-for-rest" });
    else if (step.kind === "review" && key.return && ctx.config.creator) {
      dispatch({ type: "start" });
      run.start(uploadWork(ctx, state.drafts), state.drafts.length);
    }
  });

  const draft = step.kind === "details" ? state.drafts[step.index] : undefined;
  const hints: Hint[] =
    step.kind === "pick"
      ? [HINT_MOVE, ["space", "select"], ["a", "all"], ["enter", "continue"], HINT_BACK]
      : step.kind === "details"
        ? [
            ["enter", "accept"],
            ["tab", "defaults for the rest"],
            ["esc", "previous"],
          ]
        : step.kind === "review"
          ? [
              ["enter", "upload"],
              ["esc", "previous"],
            ]
          : running
            ? [
                ["esc", "stop"],
                ["ctrl-c", "stop and quit"],
              ]
            : [
                ["enter/esc", "back"],
                ...(run.state?.finished.some((f) => f.operationId) ? [["o", "watch pending"] as const] : []),
              ];

  return (
    <Screen title="Upload files" hints={hints}>
      {step.kind === "pick" ? (
        <Box flexDirection="column">
          {files.status === "loading" ? <Loading label="Looking for uploadable files…" /> : null}
          {files.status === "error" ? <ErrorBox error={files.error} /> : null}
          {files.status === "success" ? (
            <PickStep files={files.data} onPick={(picked) => dispatch({ type: "pick", files: picked })} />
          ) : null}
          {state.error ? <Text color="red">{state.error}</Text> : null}
        </Box>
      ) : null}
      {step.kind === "details" && draft ? (
        <Box flexDirection="column">
          <Text wrap="truncate-end">
            File {step.index + 1} of {state.drafts.length}: <Text bold>{truncateStart(draft.file, 50)}</Text>{" "}
            <Text dimColor>({draft.assetType})</Text>
          </Text>
          <Box marginTop={1} flexDirection="column">
            {step.field === "type" ? (
              <Box flexDirection="column">
                <Text>Upload as:</Text>
                <Menu
                  key={`type-${step.index}`}
                  isDisabled={!interactive}
                  initialValue={draft.assetType}
                  options={draft.assetTypes.map((t, i) => ({
                    label: i === 0 ? `${t} (inferred)` : t,
                    value: t,
                  }))}
                  onSelect={(assetType) => dispatch({ type: "set-type", assetType })}
                />
              </Box>
            ) : null}
            {step.field === "name" ? (
              <Box>
                <Text>Name: </Text>
                <TextInput
                  key={`name-${step.index}`}
                  isDisabled={!interactive}
                  defaultValue={draft.displayName}
                  onSubmit={(value) => dispatch({ type: "set-name", value })}
                />
              </Box>
            ) : null}
            {step.field === "description" ? (
              <Box>
                <Text>Description: </Text>
                <TextInput
                  key={`description-${step.index}`}
                  isDisabled={!interactive}
                  defaultValue={draft.description}
                  placeholder="(optional)"
                  onSubmit={(value) => dispatch({ type: "set-description", value })}
                />
              </Box>
            ) : null}
          </Box>
          {state.error ? <Text color="red">{state.error}</Text> : null}
        </Box>
      ) : null}
      {step.kind === "review" ? (
        <Box flexDirection="column">
          <Text>Ready to upload {state.drafts.length} file(s):</Text>
          {state.drafts.slice(0, REVIEW_ROWS).map((d) => (
            <Text key={d.file} wrap="truncate-end">
              {"  "}
              {truncateStart(d.file, 36).padEnd(36)} <Text color="cyan">{d.assetType.padEnd(9)}</Text> "
              {d.displayName}"
            </Text>
          ))}
          {state.drafts.length > REVIEW_ROWS ? (
            <Text dimColor> +{state.drafts.length - REVIEW_ROWS} more</Text>
          ) : null}
          {ctx.config.creator ? (
            <Text dimColor>as {ctx.config.creator}</Text>
          ) : (
            <ErrorBox
              error={{ name: "ServiceError", message: "No creator is configured: uploads need one." }}
              hint="Set RBXASSETS_CREATOR=user:<id> or group:<id> in the environment or .env, then restart."
            />
          )}
        </Box>
      ) : null}
      {step.kind === "running" && run.state ? (
        <Box flexDirection="column">
          <ProgressPanel state={run.state} now={now} />
          {isOver(run.state) ? <BatchSummary state={run.state} verb="Upload" /> : null}
        </Box>
      ) : null}
    </Screen>
  );
}

function PickStep({
  files,
  onPick,
}: {
  files: Awaited<ReturnType<typeof listPickableFiles>>;
  onPick: (files: { file: string; assetTypes: string[] }[]) => void;
}) {
  const usable = files.files.filter((f) => !f.problem);
  const problems = files.files.filter((f) => f.problem);
  if (usable.length === 0) {
    return (
      <Text>
        No uploadable files under this folder.{" "}
        <Text dimColor>
          Images (png jpg bmp tga), audio (mp3 ogg wav flac), models (fbx gltf glb rbxm rbxmx), video (mp4
          mov).
        </Text>
      </Text>
    );
  }
  return (
    <Box flexDirection="column">
      <FilePicker files={usable} onSubmit={onPick} visibleCount={problems.length > 0 ? 10 : 12} />
      {problems.length > 0 ? (
        <Text color="yellow" wrap="truncate-end">
          ⚠ {problems.length} file(s) not offered: {problems[0]?.problem}
        </Text>
      ) : null}
      {files.truncated ? <Text dimColor>Only the first {files.files.length} files are listed.</Text> : null}
    </Box>
  );
}
