// Decides the moderation outcome of a name/description, as configured by the test that starts us.
import type { ModerationOutcome } from "./types.js";

export interface ModerationInput {
  displayName: string;
  description: string;
  assetType: string;
}

export type ModerationOption =
  | { rejectWords?: string[]; reviewWords?: string[]; reviewPolls?: number }
  | ((input: ModerationInput) => ModerationOutcome);

export interface Moderator {
  judge(input: ModerationInput): ModerationOutcome;
  /** Get Asset reads after which a Reviewing asset becomes Approved; undefined = it stays Reviewing. */
  reviewPolls: number | undefined;
}

export function createModerator(option: ModerationOption | undefined): Moderator {
  if (typeof option === "function") return { judge: option, reviewPolls: undefined };
  const rejectWords = (option?.rejectWords ?? []).map((word) => word.toLowerCase());
  const reviewWords = (option?.reviewWords ?? []).map((word) => word.toLowerCase());
  return {
    reviewPolls: option?.reviewPolls,
    judge({ displayName, description }) {
      const text = `${displayName}\n${description}`.toLowerCase();
      if (rejectWords.some((word) => text.includes(word))) return "Rejected";
      if (reviewWords.some((word) => text.includes(word))) return "Reviewing";
      return "Approved";
    },
  };
}
