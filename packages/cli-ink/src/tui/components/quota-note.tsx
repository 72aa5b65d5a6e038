import { Text } from "ink";
import { useAsync } from "../hooks/use-async.js";
import { previewQuotas, type ServiceContext } from "../services.js";

const PERIOD: Record<string, string> = { MONTH: "this month", DAY: "today" };

/**
 * Before a sync that uploads audio or video: how many of each the folder holds and what the quota has
 * left (Roblox publishes quotas for users only). Nothing when the folder holds neither.
 */
export function QuotaNote({ ctx, folder }: { ctx: ServiceContext; folder: string }) {
  const [state] = useAsync(() => previewQuotas(ctx, folder));
  if (state.status === "loading") return null;
  if (state.status === "error") {
    return (
      <Text dimColor>Upload quotas could not be read: the sync checks them again before uploading.</Text>
    );
  }
  const { files, quotas, unpublished } = state.data;
  const found = Object.entries(files).map(([type, n]) => `${n} ${type.toLowerCase()}`);
  if (found.length === 0) return null;
  if (unpublished) return <Text color="yellow">{`${found.join(", ")} file(s): ${unpublished}.`}</Text>;
  return (
    <Text wrap="truncate-end">
      Quota:{" "}
      {quotas
        .map(
          (q) =>
            `${q.assetType} ${q.left} of ${q.capacity} left ${PERIOD[q.period] ?? ""} (resets ${q.resetTime.slice(0, 10)})`,
        )
        .join(" · ")}
      <Text dimColor>{` — the folder holds ${found.join(", ")} file(s)`}</Text>
    </Text>
  );
}
