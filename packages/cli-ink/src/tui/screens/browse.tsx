import { Box, Text } from "ink";
import { ErrorBox } from "../components/error-box.js";
import { HINT_BACK, HINT_MOVE } from "../components/key-hints.js";
import { Loading } from "../components/loading.js";
import { Menu } from "../components/menu.js";
import { Screen } from "../components/screen.js";
import { useTui } from "../context.js";
import { useAsync } from "../hooks/use-async.js";
import { useBackKey, useInteractive, useKeys } from "../hooks/use-keys.js";
import { useLayout } from "../hooks/use-layout.js";
import { useListFilter } from "../hooks/use-list-filter.js";
import { listLockedAssets } from "../services.js";
import { assetTypeLabel, truncateStart } from "../state/format.js";

/** The assets the lockfile knows; Enter opens one. */
export function BrowseScreen() {
  const { ctx, navigate } = useTui();
  const interactive = useInteractive();
  const { columns, listRows } = useLayout();
  const FILE_WIDTH = Math.max(16, columns - 36);
  const [state, reload] = useAsync(() => listLockedAssets(ctx));
  const filter = useListFilter(state.status === "success");
  // Esc clears a filter first (the filter's own key), and leaves once there is none.
  useBackKey(() => navigate({ type: "back" }), { allowQ: true, isActive: !filter.typing && !filter.text });
  useKeys(
    (input) => {
      if (input === "r") reload();
    },
    { isActive: !filter.typing },
  );
  const entries =
    state.status === "success"
      ? state.data.filter((entry) => filter.matches(`${entry.file} ${entry.assetType} ${entry.assetId}`))
      : [];
  return (
    <Screen
      title="Assets in the lockfile"
      hints={
        state.status === "success" && state.data.length > 0
          ? filter.typing
            ? [
                ["enter", "keep filter"],
                ["esc", "clear"],
              ]
            : [HINT_MOVE, ["enter", "open"], ["/", "filter"], ["r", "reload"], HINT_BACK]
          : [["r", "reload"], HINT_BACK]
      }
    >
      {state.status === "loading" ? <Loading label="Reading the lockfile…" /> : null}
      {state.status === "error" ? <ErrorBox error={state.error} /> : null}
      {state.status === "success" && state.data.length === 0 ? (
        <Text>
          The lockfile has no assets yet.{" "}
          <Text dimColor>Upload or sync files first: they are recorded there.</Text>
        </Text>
      ) : null}
      {state.status === "success" && state.data.length > 0 ? (
        <Box flexDirection="column">
          <Text dimColor>
            {"  "}
            {"File".padEnd(FILE_WIDTH)} {"Type".padEnd(9)} Asset id
          </Text>
          {filter.typing || filter.text ? (
            <Text wrap="truncate-end">
              <Text color="cyan">/</Text>
              {filter.text}
              {filter.typing ? <Text inverse> </Text> : null}
              <Text dimColor>
                {"  "}
                {entries.length} of {state.data.length} match
              </Text>
            </Text>
          ) : null}
          <Menu
            isDisabled={!interactive || filter.typing}
            visibleCount={listRows(5)}
            options={entries.map((entry) => ({
              label: `${truncateStart(entry.file, FILE_WIDTH).padEnd(FILE_WIDTH)} ${assetTypeLabel(entry.assetType).padEnd(9)} ${entry.assetId}`,
              value: `${entry.assetId}\n${entry.file}`,
            }))}
            onSelect={(value) => {
              const assetId = value.split("\n")[0];
              if (assetId) navigate({ type: "push", route: { name: "asset", assetId } });
            }}
          />
          <Text dimColor>{state.data.length} assets</Text>
        </Box>
      ) : null}
    </Screen>
  );
}
