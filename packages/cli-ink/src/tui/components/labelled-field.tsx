import { Box, Text } from "ink";
import type { ComponentProps } from "react";
import { TextField } from "./text-field.js";

/**
 * `Label: <field>` on one line: how every screen asks for one typed value. `error`, when set, is said in
 * red under it (what was typed is not accepted, and why).
 */
export function LabelledField({
  label,
  error,
  ...field
}: { label: string; error?: string | undefined } & ComponentProps<typeof TextField>) {
  return (
    <Box flexDirection="column">
      <Box>
        <Text>{label}: </Text>
        <TextField {...field} />
      </Box>
      {error ? <Text color="red">{error}</Text> : null}
    </Box>
  );
}
