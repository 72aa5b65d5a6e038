import { Box, Text } from "ink";
import { useState } from "react";
import { AssetCard } from "../components/asset-card.js";
import { Confirm } from "../components/confirm.js";
import { ErrorBox } from "../components/error-box.js";
import { HINT_BACK } from "../components/key-hints.js";
import { Loading } from "../components/loading.js";
import { Screen } from "../components/screen.js";
import { useTui } from "../context.js";
import { useAsync } from "../hooks/use-async.js";
import { useKeys } from "../hooks/use-keys.js";
import { type Asset, archiveAsset, getAsset, restoreAsset } from "../services.js";

type Step =
  | { kind: "confirm" }
  | { kind: "working" }
  | { kind: "done"; asset: Asset }
  | { kind: "failed"; error: unknown };

/** Archives an active asset or restores an archived one, after confirmation. */
export function ArchiveScreen({ assetId }: { assetId: string }) {
  const { ctx, navigate, tasks } = useTui();
  const [asset, reload] = useAsync(() => getAsset(ctx, assetId));
  const [step, setStep] = useState<Step>({ kind: "confirm" });
  const archived = asset.status === "success" && asset.data.state === "Archived";
  const verb = archived ? "Restore" : "Archive";

  useKeys(
    (input, key) => {
      if (key.escape || input === "q" || (step.kind === "done" && key.return)) navigate({ type: "back" });
      else if (input === "r" && (asset.status === "error" || step.kind === "failed")) {
        setStep({ kind: "confirm" });
        reload();
      }
    },
    { isActive: asset.status !== "success" || step.kind !== "confirm" },
  );

  const run = () => {
    setStep({ kind: "working" });
    tasks
      .run(() => (archived ? restoreAsset(ctx, assetId) : archiveAsset(ctx, assetId)))
      .promise.then(
        (result) => setStep({ kind: "done", asset: result }),
        (error: unknown) => setStep({ kind: "failed", error }),
      );
  };

  return (
    <Screen
      title={`${verb} asset ${assetId}`}
      hints={step.kind === "failed" || asset.status === "error" ? [["r", "retry"], HINT_BACK] : [HINT_BACK]}
    >
      {asset.status === "loading" ? <Loading label={`Fetching asset ${assetId}…`} /> : null}
      {asset.status === "error" ? <ErrorBox error={asset.error} /> : null}
      {asset.status === "success" && step.kind === "confirm" ? (
        <Box flexDirection="column">
          <AssetCard asset={asset.data} />
          <Box marginTop={1}>
            <Confirm
              message={`${verb} "${asset.data.displayName}" (${assetId})?`}
              detail={
                archived
                  ? "It becomes usable again in experiences."
                  : "Archived assets stop loading in experiences until restored. It can be restored later."
              }
              onConfirm={run}
              onCancel={() => navigate({ type: "back" })}
            />
          </Box>
        </Box>
      ) : null}
      {step.kind === "working" ? <Loading label={archived ? "Restoring…" : "Archiving…"} /> : null}
      {step.kind === "done" ? (
        <Text color="green">
          ✔ Asset {assetId} is now {step.asset.state ?? (archived ? "Active" : "Archived")}.{" "}
          <Text dimColor>Enter or Esc to go back.</Text>
        </Text>
      ) : null}
      {step.kind === "failed" ? <ErrorBox error={step.error} /> : null}
    </Screen>
  );
}
