import { Box, Text } from "ink";
import type { ReactNode } from "react";

/** One `Label   value` row of a details view; long values are cut to one line. */
export function Field({
  label,
  children,
  width = 14,
}: {
  label: string;
  children: ReactNode;
  width?: number;
}) {
  return (
    <Box>
      <Box width={width} flexShrink={0}>
        <Text dimColor>{label}</Text>
      </Box>
      <Text wrap="truncate-end">{children}</Text>
    </Box>
  );
}
