// Decides the moderation of a name/description, as configured by the test that starts us: words that
// are refused outright (400 `AssetName is moderated.`, as live answers), and words that make the asset
// Rejected or Reviewing after upload.
import { invalidArgument } from "./errors.js";
import type { ModerationOutcome } from "./types.js";

export interface ModerationInput {
  displayName: string;
  description: string;
  assetType: string;
}

export type ModerationOption =
  | { refuseWords?: string[]; rejectWords?: string[]; reviewWords?: string[]; reviewPolls?: number }
  | ((input: ModerationInput) => ModerationOutcome);

export interface Moderator {
  /** Throws 400 when the name or the description contains a refused word. */
  screen(input: { displayName?: string; description?: string }): void;
  judge(input: ModerationInput): ModerationOutcome;
  /** Get Asset reads after which a Reviewing asset becomes Approved; undefined = it stays Reviewing. */
  reviewPolls: number | undefined;
}

export function createModerator(option: ModerationOption | undefined): Moderator {
  if (typeof option === "function") return { screen: () => {}, judge: option, reviewPolls: undefined };
  const lower = (words: string[] | undefined) => (words ?? []).map((word) => word.toLowerCase());
  const refuseWords = lower(option?.refuseWords);
  const rejectWords = lower(option?.rejectWords);
  const reviewWords = lower(option?.reviewWords);
  const contains = (text: string, words: string[]) => words.some((word) => text.toLowerCase().includes(word));
  return {
    reviewPolls: option?.reviewPolls,
    screen({ displayName, description }) {
      if (displayName !== undefined && contains(displayName, refuseWords)) {
        throw invalidArgument("AssetName is moderated.");
      }
      if (description !== undefined && contains(description, refuseWords)) {
        throw invalidArgument("AssetDescription is moderated.");
      }
    },
    judge({ displayName, description }) {
      const text = `${displayName}\n${description}`;
      if (contains(text, rejectWords)) return "Rejected";
      if (contains(text, reviewWords)) return "Reviewing";
      return "Approved";
    },
  };
}
