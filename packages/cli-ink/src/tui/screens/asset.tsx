import { Box, Text } from "ink";
import { AssetCard } from "../components/asset-card.js";
import { ErrorBox } from "../components/error-box.js";
import { Field } from "../components/field.js";
import { HINT_BACK, HINT_MOVE } from "../components/key-hints.js";
import { Loading } from "../components/loading.js";
import { Menu } from "../components/menu.js";
import { Screen } from "../components/screen.js";
import { useTui } from "../context.js";
import { useAsync } from "../hooks/use-async.js";
import { useBackKey, useInteractive, useKeys } from "../hooks/use-keys.js";
import { ASSET_FIELDS, getAsset, knownGrants } from "../services.js";

/** An asset's details and what can be done with it. */
export function AssetScreen({ assetId }: { assetId: string }) {
  const { ctx, navigate } = useTui();
  const interactive = useInteractive();
  const [state, reload] = useAsync(() => getAsset(ctx, assetId, { fields: [...ASSET_FIELDS] }));
  // The API publishes no read of grants: the lockfile knows the ones this tool made.
  const [grants] = useAsync(() => knownGrants(ctx, assetId));
  useBackKey(() => navigate({ type: "back" }), { allowQ: true });
  useKeys((input) => {
    if (input === "r") reload();
  });
  const archived = state.status === "success" && state.data.state === "Archived";
  return (
    <Screen
      title={`Asset ${assetId}`}
      hints={
        state.status === "success"
          ? [HINT_MOVE, ["enter", "choose"], ["r", "refresh"], HINT_BACK]
          : state.status === "error"
            ? [["r", "retry"], HINT_BACK]
            : [HINT_BACK]
      }
    >
      {state.status === "loading" ? <Loading label={`Fetching asset ${assetId}…`} /> : null}
      {state.status === "error" ? <ErrorBox error={state.error} /> : null}
      {state.status === "success" ? (
        <Box flexDirection="column">
          <AssetCard asset={state.data} />
          <Field label="Experiences">
            {grants.status !== "success" ? (
              <Text dimColor>…</Text>
            ) : grants.data.length > 0 ? (
              grants.data.join(", ")
            ) : (
              <Text dimColor>none granted by rbxassets (the lockfile's record)</Text>
            )}
          </Field>
          <Box marginTop={1}>
            <Menu
              isDisabled={!interactive}
              visibleCount={6}
              options={[
                { label: "Versions and rollback", value: "versions" },
                { label: "Edit metadata", value: "edit" },
                { label: archived ? "Restore" : "Archive", value: "archive" },
                { label: "Grant to an experience", value: "grant" },
                { label: "Refresh", value: "refresh" },
                { label: "Back", value: "back" },
              ]}
              onSelect={(value) => {
                if (value === "versions" || value === "edit" || value === "archive" || value === "grant") {
                  navigate({ type: "push", route: { name: value, assetId } });
                } else if (value === "refresh") reload();
                else navigate({ type: "back" });
              }}
            />
          </Box>
        </Box>
      ) : null}
    </Screen>
  );
}
