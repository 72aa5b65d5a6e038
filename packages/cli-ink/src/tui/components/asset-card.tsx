import { Box, Text } from "ink";
import {
  assetIdOfPath,
  assetTypeLabel,
  creatorLabel,
  formatTime,
  moderationColor,
  moderationLabel,
  oneLine,
} from "../state/format.js";
import { SOCIAL_KINDS } from "../state/metadata.js";
import { Field } from "./field.js";

/** The fields of an asset the card shows (a structural subset of the API's Asset). */
export interface AssetLike {
  assetId: string;
  displayName?: string;
  description?: string;
  assetType?: string;
  revisionId?: string;
  revisionCreateTime?: string;
  state?: string;
  creationContext?: { creator?: { userId?: string; groupId?: string } };
  moderationResult?: { moderationState?: string };
  icon?: string;
  previews?: { asset: string; altText?: string }[];
  [socialLink: `${string}SocialLink`]: { title?: string; uri: string } | undefined;
}

/** An asset's details in four to seven lines. */
export function AssetCard({ asset }: { asset: AssetLike }) {
  const moderation = asset.moderationResult?.moderationState;
  const links = SOCIAL_KINDS.flatMap((kind) => {
    const link = asset[`${kind}SocialLink`];
    return link?.uri ? [`${kind} ${link.uri}`] : [];
  });
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate-end">
        {asset.displayName || "(no name)"} <Text dimColor>#{asset.assetId}</Text>
      </Text>
      <Text wrap="truncate-end">
        {assetTypeLabel(asset.assetType)} ·{" "}
        <Text color={asset.state === "Archived" ? "yellow" : "green"}>{asset.state ?? "Active"}</Text> ·
        moderation <Text color={moderationColor(moderation)}>{moderationLabel(moderation)}</Text> · version{" "}
        {asset.revisionId ?? "?"}
      </Text>
      <Text dimColor wrap="truncate-end">
        rbxassetid://{asset.assetId} · {creatorLabel(asset.creationContext?.creator)}
        {asset.revisionCreateTime ? ` · ${formatTime(asset.revisionCreateTime)}` : ""}
      </Text>
      <Field label="Description">{oneLine(asset.description) || <Text dimColor>(none)</Text>}</Field>
      {asset.icon ? <Field label="Icon">{assetIdOfPath(asset.icon)}</Field> : null}
      {asset.previews?.length ? (
        <Field label="Previews">{asset.previews.map((p) => assetIdOfPath(p.asset)).join(", ")}</Field>
      ) : null}
      {links.length ? <Field label="Social">{links.join(", ")}</Field> : null}
    </Box>
  );
}
