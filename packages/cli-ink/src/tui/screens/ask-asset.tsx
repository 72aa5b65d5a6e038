import { TextInput } from "@inkjs/ui";
import { Box, Text } from "ink";
import { useState } from "react";
import { HINT_BACK } from "../components/key-hints.js";
import { Screen } from "../components/screen.js";
import { useTui } from "../context.js";
import { useBackKey, useInteractive } from "../hooks/use-keys.js";
import { type AssetPurpose, parseAssetId, routeForAsset } from "../state/navigation.js";

const TITLES: Record<AssetPurpose, string> = {
  asset: "Look up an asset",
  versions: "Versions and rollback",
  archive: "Archive or restore an asset",
  edit: "Edit an asset's metadata",
};

/** Asks for an asset id, then replaces itself with the screen the id was asked for. */
export function AskAssetScreen({ purpose }: { purpose: AssetPurpose }) {
  const { navigate } = useTui();
  const interactive = useInteractive();
  const [error, setError] = useState<string>();
  useBackKey(() => navigate({ type: "back" }));
  return (
    <Screen title={TITLES[purpose]} hints={[["enter", "continue"], HINT_BACK]}>
      <Box>
        <Text>Asset id: </Text>
        <TextInput
          isDisabled={!interactive}
          placeholder="1234567890, rbxassetid://… or assets/…"
          onSubmit={(value) => {
            const assetId = parseAssetId(value);
            if (assetId) navigate({ type: "replace", route: routeForAsset(purpose, assetId) });
            else setError(`"${value.trim()}" is not an asset id: type its digits, e.g. 1234567890.`);
          }}
        />
      </Box>
      {error ? <Text color="red">{error}</Text> : null}
    </Screen>
  );
}
