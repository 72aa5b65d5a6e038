// Argument parsers and help snippets the command definitions share.
import { uploadableAssetTypes } from "@rbxassets/core";
import { type Command, InvalidArgumentError } from "commander";

/** Adds one subcommand: its name (the key of its lazily loaded implementation) and its arguments. */
export type Define = (name: string, configure: (command: Command) => Command) => void;

/** The asset types `upload --type` takes: the spec's, through core's spec facts. */
export const UPLOAD_TYPES = uploadableAssetTypes;

export const examples = (...lines: string[]) =>
  `\nExamples:\n${lines.map((line) => `  $ ${line}`).join("\n")}\n`;

export const integer =
  (what: string, min: number, max = Number.MAX_SAFE_INTEGER) =>
  (value: string): number => {
    const n = Number(value);
    if (!/^\s*\d+\s*$/.test(value) || n < min || n > max) {
      throw new InvalidArgumentError(`${what} must be a whole number from ${min} to ${max}.`);
    }
    return n;
  };

export const assetType = (value: string): string => {
  const match = UPLOAD_TYPES.find((type) => type.toLowerCase() === value.toLowerCase());
  if (!match) throw new InvalidArgumentError(`Allowed types are ${UPLOAD_TYPES.join(", ")}.`);
  return match;
};

/** `--no-quota-check`, as `sync` and `upload` both take it. */
export const NO_QUOTA_CHECK_HELP =
  "upload without first reading the audio and video upload quotas (a batch that does not fit stops before uploading)";

export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export const keyValue = (value: string, previous: Record<string, string> = {}): Record<string, string> => {
  const eq = value.indexOf("=");
  if (eq <= 0 || eq === value.length - 1)
    throw new InvalidArgumentError("Expected kind=uri, e.g. github=https://github.com/me.");
  return { ...previous, [value.slice(0, eq).trim()]: value.slice(eq + 1).trim() };
};

export const list = (value: string, previous: string[] = []): string[] => [
  ...previous,
  ...value
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean),
];
