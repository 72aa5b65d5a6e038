import { Box, Text } from "ink";
import { useEffect, useReducer, useState } from "react";
import { Confirm } from "../components/confirm.js";
import { ErrorBox } from "../components/error-box.js";
import { HINT_BACK, HINT_MOVE, type Hint } from "../components/key-hints.js";
import { Loading } from "../components/loading.js";
import { Menu } from "../components/menu.js";
import { Screen } from "../components/screen.js";
import { useTui } from "../context.js";
import { useAsync } from "../hooks/use-async.js";
import { useInteractive, useKeys } from "../hooks/use-keys.js";
import { type AssetVersion, getAsset, listVersions, rollback } from "../services.js";
import { creatorLabel, moderationColor, moderationLabel, versionNumberOf } from "../state/format.js";
import {
  hasNextPage,
  hasPreviousPage,
  initialVersions,
  pageLabel,
  pageToken,
  VERSIONS_PAGE_SIZE,
  type VersionRow,
  versionsReducer,
} from "../state/versions.js";

export function versionRow(version: AssetVersion): VersionRow {
  return {
    number: versionNumberOf(version.path) ?? 0,
    moderation: version.moderationResult?.moderationState,
    creator: creatorLabel(version.creationContext?.creator),
    published: version.published,
  };
}

/** An asset's versions, a page at a time, newest first; Enter on one offers to roll back to it. */
export function VersionsScreen({ assetId }: { assetId: string }) {
  const { ctx, navigate, tasks } = useTui();
  const interactive = useInteractive();
  const [state, dispatch] = useReducer(versionsReducer, initialVersions);
  const [asset, reloadAsset] = useAsync(() => getAsset(ctx, assetId));
  const [lastChosen, setLastChosen] = useState<string>();
  const token = pageToken(state);

  useEffect(() => {
    if (state.mode.kind !== "loading") return;
    let live = true;
    const request = state.request;
    listVersions(ctx, assetId, { pageSize: VERSIONS_PAGE_SIZE, ...(token ? { pageToken: token } : {}) }).then(
      (page) =>
        live &&
        dispatch({
          type: "loaded",
          request,
          rows: page.versions.map(versionRow),
          nextPageToken: page.nextPageToken,
        }),
      (error: unknown) => live && dispatch({ type: "load-failed", request, error }),
    );
    return () => {
      live = false;
    };
  }, [ctx, assetId, token, state.request, state.mode.kind]);

  const mode = state.mode;
  useKeys(
    (input, key) => {
      if (mode.kind === "list" || mode.kind === "loading") {
        if (key.escape || input === "q") navigate({ type: "back" });
        else if (input === "n" || key.rightArrow || key.pageDown) dispatch({ type: "next-page" });
        else if (input === "p" || key.leftArrow || key.pageUp) dispatch({ type: "previous-page" });
        else if (input === "r") {
          dispatch({ type: "reload" });
          reloadAsset();
        }
      } else if (mode.kind === "rolled-back" || mode.kind === "error") {
        if (key.return || input === "r") {
          dispatch({ type: "dismiss" });
          reloadAsset();
        } else if (key.escape || input === "q") navigate({ type: "back" });
      }
    },
    { isActive: mode.kind !== "confirm" && mode.kind !== "rolling-back" },
  );

  const current = asset.status === "success" ? Number(asset.data.revisionId) : undefined;
  const name = asset.status === "success" ? asset.data.displayName : undefined;

  const startRollback = (version: number) => {
    dispatch({ type: "rollback-started" });
    tasks
      .run(() => rollback(ctx, assetId, version))
      .promise.then(
        (created) => dispatch({ type: "rolled-back", newVersion: versionNumberOf(created.path) }),
        (error: unknown) => dispatch({ type: "rollback-failed", error }),
      );
  };

  const hints: Hint[] =
    mode.kind === "list"
      ? [HINT_MOVE, ["enter", "roll back to"], ["←/p →/n", "page"], ["r", "reload"], HINT_BACK]
      : mode.kind === "rolled-back" || mode.kind === "error"
        ? [["enter/r", "reload"], HINT_BACK]
        : [HINT_BACK];

  return (
    <Screen title={`Versions of ${name ? `"${name}" ` : ""}(asset ${assetId})`} hints={hints}>
      {mode.kind === "loading" ? <Loading label="Fetching versions…" /> : null}
      {mode.kind === "error" ? <ErrorBox error={mode.error} /> : null}
      {mode.kind === "list" ? (
        state.rows.length === 0 ? (
          <Text>No versions on this page.</Text>
        ) : (
          <Box flexDirection="column">
            <Text dimColor>
              {pageLabel(state)}
              {hasPreviousPage(state) ? " · ← newer" : ""}
              {hasNextPage(state) ? " · older →" : ""}
            </Text>
            <Menu
              isDisabled={!interactive}
              visibleCount={VERSIONS_PAGE_SIZE}
              {...(lastChosen ? { initialValue: lastChosen } : {})}
              options={state.rows.map((row) => ({
                label: `Version ${String(row.number).padEnd(5)} ${moderationLabel(row.moderation).padEnd(10)} ${row.creator}${row.number === current ? "  (current)" : ""}`,
                value: String(row.number),
              }))}
              onSelect={(value) => {
                setLastChosen(value);
                dispatch({ type: "ask-rollback", version: Number(value) });
              }}
            />
            <ModerationLegend rows={state.rows} />
          </Box>
        )
      ) : null}
      {mode.kind === "confirm" ? (
        <Confirm
          message={`Roll back asset ${assetId} to version ${mode.version}?`}
          detail={
            mode.version === current
              ? "This is already the current version; rolling back commits it again as a new version."
              : `Version ${mode.version} becomes current again as a new version; no version is deleted.`
          }
          onConfirm={() => startRollback(mode.version)}
          onCancel={() => dispatch({ type: "cancel" })}
        />
      ) : null}
      {mode.kind === "rolling-back" ? <Loading label={`Rolling back to version ${mode.version}…`} /> : null}
      {mode.kind === "rolled-back" ? (
        <Text color="green">
          ✔ Rolled back to version {mode.version}
          {mode.newVersion !== undefined ? `: it is now version ${mode.newVersion}, the current one.` : "."}
        </Text>
      ) : null}
    </Screen>
  );
}

function ModerationLegend({ rows }: { rows: VersionRow[] }) {
  const rejected = rows.filter((r) => moderationLabel(r.moderation) === "Rejected").length;
  if (rejected === 0) return null;
  return (
    <Text color={moderationColor("Rejected")}>
      {rejected} version(s) on this page were rejected by moderation.
    </Text>
  );
}
