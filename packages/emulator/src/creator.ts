// Who owns a key: one user or one group, written `user:123` / `group:456` like RBXASSETS_CREATOR.
import type { Creator } from "@rbxassets/spec";

export type CreatorRef = `user:${string}` | `group:${string}`;

/** The owner of keys that do not name one. */
export const DEFAULT_EMULATOR_CREATOR: CreatorRef = "user:1";

const pattern = /^(user|group):([0-9]+)$/;

/** Parses `user:N` / `group:N`; throws a one-line error naming `field` otherwise. */
export function parseCreatorRef(value: string, field: string): CreatorRef {
  const match = pattern.exec(value);
  if (!match) throw new Error(`${field} must be 'user:<id>' or 'group:<id>', got '${value}'.`);
  return `${match[1] as "user" | "group"}:${match[2]!.replace(/^0+(?=\d)/, "")}`;
}

export function creatorRefOf(creator: Creator): CreatorRef {
  return creator.userId !== undefined ? `user:${creator.userId}` : `group:${creator.groupId ?? ""}`;
}
