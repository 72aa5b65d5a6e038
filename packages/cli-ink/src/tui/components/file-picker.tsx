import { Box, Text } from "ink";
import { useEffect } from "react";
import stringWidth from "string-width";
import type { PickableFile } from "../files.js";
import { useInteractive, useKeys, useTyping } from "../hooks/use-keys.js";
import { useLayout } from "../hooks/use-layout.js";
import { useLiveReducer } from "../hooks/use-live-reducer.js";
import { padColumns, truncateStart } from "../state/format.js";
import { hiddenRows, type MenuAction } from "../state/menu.js";
import { initialPicker, pickerReducer, selectedFiles, visibleFiles } from "../state/picker.js";
import { keysOf } from "../state/text-field.js";

/** Beside a file the lockfile already has an asset for. */
const LOCKED_MARK = "locked";

/** The menu keys shared with every list: arrows, PgUp/PgDn, Home/End. */
function menuAction(key: {
  upArrow: boolean;
  downArrow: boolean;
  pageUp: boolean;
  pageDown: boolean;
  home: boolean;
  end: boolean;
}): MenuAction | undefined {
  if (key.downArrow) return { type: "next" };
  if (key.upArrow) return { type: "previous" };
  if (key.pageDown) return { type: "page-down" };
  if (key.pageUp) return { type: "page-up" };
  if (key.home) return { type: "first" };
  if (key.end) return { type: "last" };
  return undefined;
}

/**
 * Multi-select of the project's uploadable files, with the inferred type beside each: Space chooses, `a`
 * all (of those shown), `/` filters, PgUp/PgDn/Home/End page. Files already in the lockfile are marked,
 * and the focused one says what picking it does. The rules are in `state/picker.ts`.
 */
export function FilePicker({
  files,
  onSubmit,
  onCancel,
  visibleCount = 12,
}: {
  files: PickableFile[];
  onSubmit: (files: PickableFile[]) => void;
  /** Esc outside the filter. */
  onCancel: () => void;
  visibleCount?: number;
}) {
  const interactive = useInteractive();
  const { columns } = useLayout();
  const [state, dispatch, live] = useLiveReducer(pickerReducer, () =>
    initialPicker(
      files.map((f) => f.file),
      visibleCount,
    ),
  );
  useTyping(state.filtering);
  useEffect(() => {
    if (state.menu.visible !== visibleCount) dispatch({ type: "resize", visible: visibleCount });
  }, [visibleCount, state.menu.visible, dispatch]);

  useKeys((input, key) => {
    // The state the previous keys of this chunk left (`Down Space Enter` in one chunk picks the 2nd file).
    const state = live();
    if (state.filtering) {
      if (key.escape) dispatch({ type: "filter-clear" });
      else if (key.return) dispatch({ type: "filter-done" });
      else {
        const move = menuAction(key);
        if (move) dispatch({ type: "move", action: move });
        else dispatch({ type: "filter-keys", keys: keysOf(input, key) });
      }
      return;
    }
    const move = menuAction(key);
    if (move) dispatch({ type: "move", action: move });
    else if (key.escape) {
      // A kept filter goes first, then the screen.
      if (state.filter.value) dispatch({ type: "filter-clear" });
      else onCancel();
    } else if (input === " ") dispatch({ type: "toggle" });
    else if (input === "a") dispatch({ type: "toggle-all" });
    else if (input === "/") dispatch({ type: "filter-start" });
    else if (key.return) {
      const chosen = new Set(selectedFiles(state));
      onSubmit(files.filter((f) => chosen.has(f.file)));
    }
  });

  const shown = visibleFiles(state);
  const byFile = new Map(files.map((f) => [f.file, f]));
  const { above, below } = hiddenRows(state.menu);
  const rows = shown.slice(state.menu.from, state.menu.from + state.menu.visible);
  // The path gets what the mark, the types and a margin leave of the terminal's width.
  const typeWidth = Math.max(5, ...files.map((f) => f.assetTypes.join(" or ").length));
  const anyLocked = files.some((f) => f.lockedAs !== undefined);
  // As wide as the longest path, up to what the terminal leaves: long paths are cut only when they must be.
  const room = columns - typeWidth - 7 - (anyLocked ? LOCKED_MARK.length + 1 : 0);
  const fileWidth = Math.max(16, Math.min(room, Math.max(...files.map((f) => stringWidth(f.file)))));
  const focusedLock = byFile.get(shown[state.menu.focus] ?? "")?.lockedAs;
  return (
    <Box flexDirection="column">
      {state.filtering || state.filter.value ? (
        <Text wrap="truncate-end">
          <Text color="cyan">/</Text>
          {state.filter.value}
          {state.filtering ? <Text inverse> </Text> : null}
          <Text dimColor>
            {"  "}
            {shown.length} of {files.length} match
            {state.filtering ? " · enter keep · esc clear" : " · esc clear"}
          </Text>
        </Text>
      ) : null}
      {above > 0 ? <Text dimColor> ↑ {above} more</Text> : <Text> </Text>}
      {rows.map((file, i) => {
        const focused = interactive && state.menu.from + i === state.menu.focus;
        const chosen = state.selected.has(file);
        const types = byFile.get(file)?.assetTypes.join(" or ") ?? "";
        return (
          <Text key={file} color={focused ? "blue" : undefined} wrap="truncate-end">
            {focused ? "❯ " : "  "}
            {padColumns(truncateStart(file, fileWidth), fileWidth)}{" "}
            <Text dimColor>{types.padEnd(typeWidth)}</Text>
            {anyLocked ? (
              <Text color="cyan">
                {byFile.get(file)?.lockedAs !== undefined
                  ? ` ${LOCKED_MARK}`
                  : "".padEnd(LOCKED_MARK.length + 1)}
              </Text>
            ) : null}
            {chosen ? <Text color="green"> ✔</Text> : null}
          </Text>
        );
      })}
      {shown.length === 0 ? <Text dimColor> No file matches the filter: Esc clears it.</Text> : null}
      {below > 0 ? <Text dimColor> ↓ {below} more</Text> : <Text> </Text>}
      <Text dimColor wrap="truncate-end">
        {state.selected.size} of {files.length} selected
        {focusedLock !== undefined && interactive
          ? ` · in the lockfile as asset ${focusedLock}: picking it updates that asset if the file changed`
          : ""}
      </Text>
    </Box>
  );
}
