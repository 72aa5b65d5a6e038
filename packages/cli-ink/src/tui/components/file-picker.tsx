import { MultiSelect } from "@inkjs/ui";
import { Box, Text } from "ink";
import { useState } from "react";
import type { PickableFile } from "../files.js";
import { useInteractive, useKeys } from "../hooks/use-keys.js";
import { truncateStart } from "../state/format.js";

const FILE_WIDTH = 50;

/** Multi-select of the project's uploadable files, with the inferred type beside each; `a` toggles all. */
export function FilePicker({
  files,
  onSubmit,
  visibleCount = 12,
}: {
  files: PickableFile[];
  onSubmit: (files: PickableFile[]) => void;
  visibleCount?: number;
}) {
  const interactive = useInteractive();
  const [selected, setSelected] = useState<string[]>([]);
  // MultiSelect is uncontrolled: remounting with a new default value is how "select all" is done.
  const [generation, setGeneration] = useState(0);
  const [initial, setInitial] = useState<string[]>([]);
  useKeys((input) => {
    if (input === "a") {
      const all = selected.length === files.length ? [] : files.map((f) => f.file);
      setInitial(all);
      setSelected(all);
      setGeneration((g) => g + 1);
    }
  });
  return (
    <Box flexDirection="column">
      <MultiSelect
        key={generation}
        isDisabled={!interactive}
        visibleOptionCount={Math.min(visibleCount, files.length)}
        defaultValue={initial}
        options={files.map((f) => ({
          label: `${truncateStart(f.file, FILE_WIDTH).padEnd(FILE_WIDTH)} ${f.assetTypes.join(" or ")}`,
          value: f.file,
        }))}
        onChange={setSelected}
        onSubmit={(values) => onSubmit(files.filter((f) => values.includes(f.file)))}
      />
      <Text dimColor>
        {selected.length} of {files.length} selected
        {files.length > visibleCount ? " · ↑↓ scroll for more" : ""}
      </Text>
    </Box>
  );
}
