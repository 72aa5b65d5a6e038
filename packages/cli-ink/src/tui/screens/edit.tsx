import { Box, Text } from "ink";
import { useEffect, useReducer, useState } from "react";
import { Confirm } from "../components/confirm.js";
import { ErrorBox } from "../components/error-box.js";
import { HINT_BACK, HINT_ERASE, HINT_MOVE, type Hint } from "../components/key-hints.js";
import { Loading } from "../components/loading.js";
import { Menu } from "../components/menu.js";
import { Screen } from "../components/screen.js";
import { TextField } from "../components/text-field.js";
import { useTui } from "../context.js";
import { useInteractive, useKeys } from "../hooks/use-keys.js";
import { useLayout } from "../hooks/use-layout.js";
import { ASSET_FIELDS, getAsset, updateAsset } from "../services.js";
import { oneLine, truncateEnd } from "../state/format.js";
import {
  changedFieldCount,
  changesFrom,
  editReducer,
  FIELD_HELP,
  FIELD_LABELS,
  initialEdit,
  METADATA_FIELDS,
  type MetadataField,
} from "../state/metadata.js";

/** Edit name, description, icon, previews and social links: pick a field, type, then save once. */
export function EditScreen({ assetId }: { assetId: string }) {
  const { ctx, navigate, tasks } = useTui();
  const interactive = useInteractive();
  const [state, dispatch] = useReducer(editReducer, initialEdit);
  const [lastChosen, setLastChosen] = useState<string>();
  const [askDiscard, setAskDiscard] = useState(false);
  const { columns } = useLayout();
  const { mode } = state;
  const loadToken = mode.kind === "loading" ? 1 : 0;

  useEffect(() => {
    if (loadToken === 0) return;
    let live = true;
    getAsset(ctx, assetId, { fields: [...ASSET_FIELDS] }).then(
      (asset) => live && dispatch({ type: "loaded", asset }),
      (error: unknown) => live && dispatch({ type: "load-failed", error }),
    );
    return () => {
      live = false;
    };
  }, [ctx, assetId, loadToken]);

  const changes = changesFrom(state.original, state.draft);
  const changed = changedFieldCount(changes);

  // Leaving with unsaved changes asks first: they would be lost.
  const leave = () => (changed > 0 ? setAskDiscard(true) : navigate({ type: "back" }));
  useKeys(
    (input, key) => {
      if (mode.kind === "editing") {
        if (key.escape) dispatch({ type: "cancel-field" });
      } else if (mode.kind === "save-failed") {
        if (key.return || key.escape) dispatch({ type: "dismiss" });
      } else if (key.escape || input === "q") {
        leave();
      }
    },
    { isActive: mode.kind !== "saving" && !askDiscard },
  );

  const save = () => {
    dispatch({ type: "save-started" });
    tasks
      .run(async (signal) => {
        const result = await updateAsset(ctx, assetId, { ...changes, wait: true, signal });
        if (result.status === "failed") throw new Error(result.error?.message ?? "the update failed");
        // The operation's asset may omit metadata fields: read them back to show what is stored now.
        return getAsset(ctx, assetId, { fields: [...ASSET_FIELDS] });
      })
      .promise.then(
        (asset) => dispatch({ type: "saved", asset }),
        (error: unknown) => dispatch({ type: "save-failed", error }),
      );
  };

  const hints: Hint[] = askDiscard
    ? []
    : mode.kind === "editing"
      ? [["enter", "keep"], HINT_ERASE, ["esc", "cancel"]]
      : mode.kind === "fields"
        ? [HINT_MOVE, ["enter", "edit"], HINT_BACK]
        : mode.kind === "saving"
          ? [["ctrl-c", "quit"]]
          : mode.kind === "load-failed"
            ? [HINT_BACK]
            : [["enter", "continue"], HINT_BACK];

  return (
    <Screen title={`Edit asset ${assetId}`} hints={hints}>
      {mode.kind === "loading" ? <Loading label={`Fetching asset ${assetId}…`} /> : null}
      {mode.kind === "load-failed" ? (
        <ErrorBox error={mode.error} hint="Press Esc to go back and check the id." />
      ) : null}
      {mode.kind === "fields" ? (
        <Box flexDirection="column">
          <Menu
            isDisabled={!interactive || askDiscard}
            visibleCount={METADATA_FIELDS.length + 2}
            {...(lastChosen ? { initialValue: lastChosen } : {})}
            options={[
              ...METADATA_FIELDS.map((field) => ({
                label: `${FIELD_LABELS[field].padEnd(13)} ${truncateEnd(oneLine(state.draft[field]) || "—", Math.max(10, columns - 22))}${field in changes ? " *" : ""}`,
                value: field,
              })),
              {
                label:
                  changed > 0 ? `Save ${changed} change${changed === 1 ? "" : "s"}` : "Save (no changes yet)",
                value: "save",
              },
              { label: "Back without saving", value: "back" },
            ]}
            onSelect={(value) => {
              setLastChosen(value);
              if (value === "save") {
                if (changed > 0) save();
              } else if (value === "back") {
                // Chosen by name: "without saving" is the answer already, no question follows (Esc asks).
                navigate({ type: "back" });
              } else dispatch({ type: "edit", field: value as MetadataField });
            }}
          />
          {mode.saved && changed === 0 ? <Text color="green">✔ Saved asset {assetId}.</Text> : null}
          {askDiscard ? (
            <Box marginTop={1}>
              <Confirm
                message={`Discard ${changed} unsaved change${changed === 1 ? "" : "s"}?`}
                detail="Choose Save to keep them."
                onConfirm={() => navigate({ type: "back" })}
                onCancel={() => setAskDiscard(false)}
              />
            </Box>
          ) : null}
        </Box>
      ) : null}
      {mode.kind === "editing" ? (
        <Box flexDirection="column">
          <Box>
            <Text bold>{FIELD_LABELS[mode.field]}: </Text>
            <TextField
              defaultValue={state.draft[mode.field]}
              onSubmit={(value) => dispatch({ type: "submit-field", value })}
            />
          </Box>
          <Text dimColor>{FIELD_HELP[mode.field]}</Text>
          {mode.error ? <Text color="red">{mode.error}</Text> : null}
        </Box>
      ) : null}
      {mode.kind === "saving" ? <Loading label={`Saving ${changed} change(s)…`} /> : null}

      {mode.kind === "save-failed" ? (
        <ErrorBox error={mode.error} hint="Enter to return to the fields and fix them." />
      ) : null}
    </Screen>
  );
}
