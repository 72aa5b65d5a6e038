import { extensionsFor, uploadableAssetTypes } from "@rbxassets/core";
import { Box, Text } from "ink";
import { FilePicker } from "../components/file-picker.js";
import type { PickableFiles } from "../files.js";
import { plural } from "../state/format.js";

/** The upload wizard's first step: the picker, and what was left out of it and why. */
export function PickStep({
  files,
  onPick,
  onCancel,
  visibleCount,
}: {
  files: PickableFiles;
  onPick: (files: { file: string; assetTypes: string[] }[]) => void;
  onCancel: () => void;
  visibleCount: number;
}) {
  const usable = files.files.filter((f) => !f.problem);
  const problems = files.files.filter((f) => f.problem);
  if (usable.length === 0) {
    return (
      <Text>
        No uploadable files under this folder.{" "}
        <Text dimColor>
          {uploadableAssetTypes.map((type) => `${type} (${extensionsFor(type).join(" ")})`).join(", ")}.
        </Text>
      </Text>
    );
  }
  return (
    <Box flexDirection="column">
      <FilePicker
        files={usable}
        onSubmit={onPick}
        onCancel={onCancel}
        visibleCount={Math.max(3, visibleCount - (problems.length > 0 ? 1 : 0) - (files.truncated ? 1 : 0))}
      />
      {problems.length > 0 ? (
        <Text color="yellow" wrap="truncate-end">
          ⚠ {plural(problems.length, "file")} not offered: {problems[0]?.problem}
        </Text>
      ) : null}
      {files.truncated ? <Text dimColor>Only the first {files.files.length} files are listed.</Text> : null}
    </Box>
  );
}
