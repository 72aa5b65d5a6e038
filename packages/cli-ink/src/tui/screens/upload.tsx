import { codePointLength } from "@rbxassets/core";
import { Box, Text } from "ink";
import { useReducer, useState } from "react";
import { uploadWork } from "../batch.js";
import { ErrorBox } from "../components/error-box.js";
import { HINT_BACK, HINT_MOVE, type Hint } from "../components/key-hints.js";
import { LabelledField } from "../components/labelled-field.js";
import { Loading } from "../components/loading.js";
import { Menu } from "../components/menu.js";
import { ProgressPanel } from "../components/progress-panel.js";
import { Screen } from "../components/screen.js";
import { VideoPriceField } from "../components/video-price-field.js";
import { useTui } from "../context.js";
import { listPickableFiles } from "../files.js";
import { useAsync } from "../hooks/use-async.js";
import { useInteractive, useKeys } from "../hooks/use-keys.js";
import { useLayout } from "../hooks/use-layout.js";
import { useNow } from "../hooks/use-now.js";
import { useProgressRun } from "../hooks/use-progress-run.js";
import { ServiceError } from "../services.js";
import { padColumns, truncateStart } from "../state/format.js";
import { isOver } from "../state/progress.js";
import {
  initialUpload,
  MAX_DESCRIPTION_LENGTH,
  MAX_NAME_LENGTH,
  missingUploadSetup,
  needsVideoPrice,
  uploadReducer,
} from "../state/upload.js";
import { BatchSummary } from "./batch-summary.js";
import { PickStep } from "./pick-step.js";

export function UploadScreen() {
  const { ctx, navigate } = useTui();
  const interactive = useInteractive();
  const { columns, listRows } = useLayout();
  const [state, dispatch] = useReducer(uploadReducer, initialUpload);
  // The name field's length as typed: the limit is shown, not met in silence (as on the edit screen).
  const [nameLength, setNameLength] = useState<number>();
  const [files, reloadFiles] = useAsync(() => listPickableFiles(ctx));
  const [price, setPrice] = useState<{ value?: number; error?: string }>({});
  const run = useProgressRun();
  const running = run.state !== undefined && !isOver(run.state);
  const now = useNow(1000, running);
  const { step } = state;
  const blocked = missingUploadSetup(ctx.config);
  const askPrice = step.kind === "review" && needsVideoPrice(state.drafts) && price.value === undefined;

  const start = (videoExpectedPrice?: number) => {
    dispatch({ type: "start" });
    run.start(uploadWork(ctx, state.drafts, videoExpectedPrice !== undefined ? { videoExpectedPrice } : {}), {
      total: state.drafts.length,
    });
  };

  useKeys((input, key) => {
    if (step.kind === "running") {
      if (running && key.escape) run.stop();
      else if (!running && (key.escape || key.return || input === "q")) navigate({ type: "back" });
      return;
    }
    if (blocked || step.kind === "pick") {
      // The picker handles its own keys (Esc included, which may only clear its filter).
      if (blocked && (key.escape || input === "q")) navigate({ type: "back" });
      else if (input === "r" && files.status === "error") reloadFiles();
      else if (key.escape && files.status !== "success") navigate({ type: "back" });
      return;
    }
    if (key.escape) {
      if (askPrice || price.value === undefined) dispatch({ type: "back" });
      else setPrice({});
    } else if (step.kind === "details" && key.tab) dispatch({ type: "defaults-for-rest" });
    else if (step.kind === "review" && key.return && !askPrice) start(price.value);
  });

  const draft = step.kind === "details" ? state.drafts[step.index] : undefined;
  const hints: Hint[] = blocked
    ? [HINT_BACK]
    : step.kind === "pick"
      ? files.status === "success"
        ? [HINT_MOVE, ["space", "select"], ["a", "all"], ["/", "filter"], ["enter", "continue"], HINT_BACK]
        : files.status === "error"
          ? [["r", "retry"], HINT_BACK]
          : [HINT_BACK]
      : step.kind === "details"
        ? [
            ["enter", "accept"],
            ["tab", "defaults for the rest"],
            ["esc", "previous"],
          ]
        : step.kind === "review"
          ? [askPrice ? ["enter", "set the price"] : ["enter", "upload"], ["esc", "previous"]]
          : running
            ? [
                ["esc", "stop"],
                ["ctrl-c", "stop and quit"],
              ]
            : [["enter/esc", "back"]];
  const reviewRows = Math.max(3, listRows(6));
  const fileWidth = Math.max(16, Math.min(50, columns - 30));

  return (
    <Screen title="Upload files" hints={hints}>
      {blocked ? <ErrorBox error={new ServiceError(blocked.message)} hint={blocked.fix} /> : null}
      {!blocked && step.kind === "pick" ? (
        <Box flexDirection="column">
          {files.status === "loading" ? <Loading label="Looking for uploadable files…" /> : null}
          {files.status === "error" ? <ErrorBox error={files.error} /> : null}
          {files.status === "success" ? (
            <PickStep
              files={files.data}
              visibleCount={listRows(5)}
              onPick={(picked) => dispatch({ type: "pick", files: picked })}
              onCancel={() => navigate({ type: "back" })}
            />
          ) : null}
          {state.error ? <Text color="red">{state.error}</Text> : null}
        </Box>
      ) : null}
      {step.kind === "details" && draft ? (
        <Box flexDirection="column">
          <Text wrap="truncate-end">
            File {step.index + 1} of {state.drafts.length}:{" "}
            <Text bold>{truncateStart(draft.file, fileWidth)}</Text> <Text dimColor>({draft.assetType})</Text>
          </Text>
          <Box marginTop={1} flexDirection="column">
            {step.field === "type" ? (
              <Box flexDirection="column">
                <Text>Upload as:</Text>
                <Menu
                  key={`type-${step.index}`}
                  isDisabled={!interactive}
                  initialValue={draft.assetType}
                  visibleCount={listRows(4)}
                  options={draft.assetTypes.map((t, i) => ({
                    label: i === 0 ? `${t} (inferred)` : t,
                    value: t,
                  }))}
                  onSelect={(assetType) => dispatch({ type: "set-type", assetType })}
                />
              </Box>
            ) : null}
            {step.field === "name" ? (
              <Box flexDirection="column">
                <LabelledField
                  label="Name"
                  key={`name-${step.index}`}
                  defaultValue={draft.displayName}
                  maxLength={MAX_NAME_LENGTH}
                  onChange={(value) => setNameLength(codePointLength(value))}
                  onSubmit={(value) => {
                    setNameLength(undefined);
                    dispatch({ type: "set-name", value });
                  }}
                />
                <NameLimit length={nameLength ?? codePointLength(draft.displayName)} />
              </Box>
            ) : null}
            {step.field === "description" ? (
              <LabelledField
                label="Description"
                key={`description-${step.index}`}
                defaultValue={draft.description}
                placeholder="(optional)"
                maxLength={MAX_DESCRIPTION_LENGTH}
                onSubmit={(value) => dispatch({ type: "set-description", value })}
              />
            ) : null}
          </Box>
          {state.error ? <Text color="red">{state.error}</Text> : null}
        </Box>
      ) : null}
      {step.kind === "review" ? (
        <Box flexDirection="column">
          <Text>Ready to upload {state.drafts.length} file(s):</Text>
          {state.drafts.slice(0, reviewRows).map((d) => (
            <Text key={d.file} wrap="truncate-end">
              {"  "}
              {padColumns(truncateStart(d.file, fileWidth), fileWidth)}{" "}
              <Text color="cyan">{d.assetType.padEnd(9)}</Text> "{d.displayName}"
            </Text>
          ))}
          {state.drafts.length > reviewRows ? (
            <Text dimColor> +{state.drafts.length - reviewRows} more</Text>
          ) : null}
          <Text dimColor>
            as {ctx.config.creator}
            {price.value !== undefined ? ` · videos at most ${price.value} Robux each` : ""}
          </Text>
          {askPrice ? (
            <Box marginTop={1}>
              <VideoPriceField
                error={price.error}
                onPrice={(robux) => setPrice({ value: robux })}
                onError={(error) => setPrice({ error })}
              />
            </Box>
          ) : null}
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

/** `Up to 50 characters · 12/50`, in yellow once the field is full (further keys are not taken). */
function NameLimit({ length }: { length: number }) {
  const full = length >= MAX_NAME_LENGTH;
  return (
    <Text {...(full ? { color: "yellow" } : { dimColor: true })}>
      Up to {MAX_NAME_LENGTH} characters · {length}/{MAX_NAME_LENGTH}
      {full ? ": the limit, further keys are not taken" : ""}
    </Text>
  );
}
