import { Box, Text } from "ink";
import type { ComponentProps } from "react";
import { TextField } from "./text-field.js";

/** `Label: <field>` on one line: how every screen asks for one typed value. */
export function LabelledField({ label, ...field }: { label: string } & ComponentProps<typeof TextField>) {
  return (
    <Box>
      <Text>{label}: </Text>
      <TextField {...field} />
    </Box>
  );
}
