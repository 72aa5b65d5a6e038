import { useState } from "react";
import { HINT_BACK, HINT_ERASE } from "../components/key-hints.js";
import { LabelledField } from "../components/labelled-field.js";
import { Screen } from "../components/screen.js";
import { useTui } from "../context.js";
import { useBackKey } from "../hooks/use-keys.js";
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
  const [error, setError] = useState<string>();
  useBackKey(() => navigate({ type: "back" }));
  return (
    <Screen title={TITLES[purpose]} hints={[["enter", "continue"], HINT_ERASE, HINT_BACK]}>
      <LabelledField
        label="Asset id"
        error={error}
        placeholder="1234567890, rbxassetid://… or assets/…"
        onSubmit={(value) => {
          const assetId = parseAssetId(value);
          if (assetId) navigate({ type: "replace", route: routeForAsset(purpose, assetId) });
          else setError(`"${value.trim()}" is not an asset id: type its digits, e.g. 1234567890.`);
        }}
      />
    </Screen>
  );
}
