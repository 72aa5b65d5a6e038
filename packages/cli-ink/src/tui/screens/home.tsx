import { Select } from "@inkjs/ui";
import { Box, Text } from "ink";
import { HINT_MOVE } from "../components/key-hints.js";
import { Screen } from "../components/screen.js";
import { useTui } from "../context.js";
import { useBackKey, useInteractive } from "../hooks/use-keys.js";
import type { Route } from "../state/navigation.js";

export const HOME_CHOICES: readonly { label: string; value: string; route?: Route }[] = [
  { label: "Upload files", value: "upload", route: { name: "upload" } },
  { label: "Sync a folder (upload what is new or changed)", value: "sync", route: { name: "sync" } },
  { label: "Look up an asset", value: "asset", route: { name: "ask-asset", purpose: "asset" } },
  { label: "Browse assets in the lockfile", value: "browse", route: { name: "browse" } },
  { label: "Versions and rollback", value: "versions", route: { name: "ask-asset", purpose: "versions" } },
  {
    label: "Archive or restore an asset",
    value: "archive",
    route: { name: "ask-asset", purpose: "archive" },
  },
  {
    label: "Edit metadata (name, description, icon, previews, links)",
    value: "edit",
    route: { name: "ask-asset", purpose: "edit" },
  },
  { label: "Watch an operation", value: "operation", route: { name: "operation" } },
  { label: "Quit", value: "quit" },
];

export function HomeScreen() {
  const { ctx, navigate, quit } = useTui();
  const interactive = useInteractive();
  useBackKey(() => quit(0), { allowQ: true });
  const missing = [
    ctx.config.hasCredentials ? undefined : "RBXASSETS_API_KEY (or RBXASSETS_OAUTH_TOKEN)",
    ctx.config.creator ? undefined : "RBXASSETS_CREATOR (needed to upload)",
  ].filter(Boolean);
  return (
    <Screen title="What would you like to do?" hints={[HINT_MOVE, ["enter", "choose"], ["q", "quit"]]}>
      <Select
        isDisabled={!interactive}
        visibleOptionCount={HOME_CHOICES.length}
        options={HOME_CHOICES.map(({ label, value }) => ({ label, value }))}
        onChange={(value) => {
          const choice = HOME_CHOICES.find((c) => c.value === value);
          if (choice?.route) navigate({ type: "push", route: choice.route });
          else quit(0);
        }}
      />
      {missing.length > 0 ? (
        <Box marginTop={1} flexDirection="column">
          {missing.map((m) => (
            <Text key={m} color="yellow" wrap="truncate-end">
              ⚠ Not set: {m} — in the environment or .env
            </Text>
          ))}
        </Box>
      ) : null}
    </Screen>
  );
}
