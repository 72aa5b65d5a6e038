// The display name and description rules (the spec's limits, counted in code points), in one place: the
// pipeline's validation, the CLI's flags and the TUI's fields all check them here, and word them as they need.
import { limits } from "@rbxassets/spec";
import { codePointLength } from "./display-name.js";

export interface MetadataProblem {
  rule: "display-name" | "description";
  /** `empty` (a name only) or `too-long`. */
  kind: "empty" | "too-long";
  /** Length in code points, and the most allowed. */
  length: number;
  limit: number;
  /** What is wrong and what to do, in neutral words. */
  problem: string;
  fix: string;
}

/** The problem with a display name (empty, or over the limit), or undefined. */
export function displayNameProblem(name: string): MetadataProblem | undefined {
  const length = codePointLength(name);
  const limit = limits.maxDisplayNameLength;
  if (name.trim() === "") {
    return {
      rule: "display-name",
      kind: "empty",
      length,
      limit,
      problem: "the display name is empty",
      fix: "give it a name",
    };
  }
  return length <= limit ? undefined : tooLong("display-name", "the display name", length, limit);
}

/** The problem with a description (over the limit), or undefined. */
export function descriptionProblem(text: string): MetadataProblem | undefined {
  const length = codePointLength(text);
  const limit = limits.maxDescriptionLength;
  return length <= limit ? undefined : tooLong("description", "the description", length, limit);
}

function tooLong(
  rule: MetadataProblem["rule"],
  what: string,
  length: number,
  limit: number,
): MetadataProblem {
  return {
    rule,
    kind: "too-long",
    length,
    limit,
    problem: `${what} is ${length} characters, over ${limit}`,
    fix: `shorten it to ${limit} characters`,
  };
}
