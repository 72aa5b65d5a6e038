import { ConfirmInput } from "@inkjs/ui";
import { Box, Text } from "ink";
import { useInteractive, useKeys } from "../hooks/use-keys.js";
import { KeyHints } from "./key-hints.js";

/**
 * A yes/no question for anything that changes an asset. Defaults to No, so that Enter alone never
 * archives or rolls back; Esc is No.
 */
export function Confirm({
  message,
  detail,
  onConfirm,
  onCancel,
}: {
  message: string;
  detail?: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const interactive = useInteractive();
  useKeys((_input, key) => {
    if (key.escape) onCancel();
  });
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="yellow" paddingX={1}>
      <Text bold>{message}</Text>
      {detail ? <Text dimColor>{detail}</Text> : null}
      <Box marginTop={1}>
        <Text>Proceed? </Text>
        <ConfirmInput
          defaultChoice="cancel"
          isDisabled={!interactive}
          onConfirm={onConfirm}
          onCancel={onCancel}
        />
      </Box>
      <KeyHints
        help={false}
        hints={[
          ["y", "yes"],
          ["n/esc", "no"],
        ]}
      />
    </Box>
  );
}
