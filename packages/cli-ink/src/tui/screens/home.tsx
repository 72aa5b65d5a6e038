import { Box, Text } from "ink";
import { useState } from "react";
import { Confirm } from "../components/confirm.js";
import { HINT_MOVE } from "../components/key-hints.js";
import { Menu } from "../components/menu.js";
import { Screen } from "../components/screen.js";
import { useTui } from "../context.js";
import { useInteractive, useKeys } from "../hooks/use-keys.js";
import { useLayout } from "../hooks/use-layout.js";
import { plural } from "../state/format.js";
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
  const { ctx, navigate, quit, tasks, memory } = useTui();
  const interactive = useInteractive();
  const { listRows } = useLayout();
  const [asking, setAsking] = useState(false);
  // q quits at once when nothing would be lost; with work running it asks first, as it would stop. Esc
  // goes back everywhere else, so on Home it does nothing: one Esc too many must not quit (lazygit, k9s).
  const leave = () => (tasks.size > 0 ? setAsking(true) : quit(0));
  useKeys(
    (input) => {
      if (input === "q") leave();
    },
    { isActive: !asking },
  );
  const missing = [
    ctx.config.hasCredentials ? undefined : "RBXASSETS_API_KEY (or RBXASSETS_OAUTH_TOKEN)",
    ctx.config.creator ? undefined : "RBXASSETS_CREATOR (needed to upload and sync)",
  ].filter(Boolean);
  return (
    <Screen
      title="What would you like to do?"
      hints={asking ? [] : [HINT_MOVE, ["enter", "choose"], ["q", "quit"]]}
    >
      <Menu
        isDisabled={!interactive || asking}
        visibleCount={listRows(missing.length > 0 ? missing.length + 1 : 0)}
        {...(memory.has("home") ? { initialValue: memory.get("home") } : {})}
        options={HOME_CHOICES.map(({ label, value }) => ({ label, value }))}
        onSelect={(value) => {
          const choice = HOME_CHOICES.find((c) => c.value === value);
          // Home comes back with the focus where it was left.
          memory.set("home", value);
          if (choice?.route) navigate({ type: "push", route: choice.route });
          else leave();
        }}
      />
      {asking ? (
        <Box marginTop={1}>
          <Confirm
            message={`Quit rbxassets? ${plural(tasks.size, "task")} running will be stopped.`}
            onConfirm={() => quit(0)}
            onCancel={() => setAsking(false)}
          />
        </Box>
      ) : null}
      {missing.length > 0 && !asking ? (
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
