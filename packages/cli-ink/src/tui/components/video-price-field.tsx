import { Box, Text } from "ink";
import { parseVideoPrice } from "../state/upload.js";
import { TextField } from "./text-field.js";

/** Asks for the most Robux to pay per video upload; `parseVideoPrice` decides what is a price. */
export function VideoPriceField({
  error,
  onPrice,
  onError,
}: {
  error: string | undefined;
  onPrice: (robux: number) => void;
  onError: (message: string) => void;
}) {
  return (
    <Box flexDirection="column">
      <Box>
        <Text>Most Robux to pay per video: </Text>
        <TextField
          placeholder="e.g. 0"
          onSubmit={(value) => {
            const parsed = parseVideoPrice(value);
            if (parsed.ok) onPrice(parsed.value);
            else onError(parsed.error);
          }}
        />
      </Box>
      <Text dimColor wrap="truncate-end">
        Video uploads may cost Robux: the API refuses one without the most you accept to pay.
      </Text>
      {error ? <Text color="red">{error}</Text> : null}
    </Box>
  );
}
