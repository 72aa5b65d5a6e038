// Core's display name and description rules (one place, `displayNameProblem`/`descriptionProblem`), worded
// for a form field: the upload wizard and the edit form both check a name and a description here.
import { descriptionProblem, displayNameProblem, type MetadataProblem } from "@rbxassets/core";

/** `The display name is empty: give it a name.`, or undefined when the name is fine. */
export function nameError(value: string): string | undefined {
  return fieldText(displayNameProblem(value.trim()));
}

/** `The description is 1001 characters, over 1000: shorten it to 1000 characters.`, or undefined. */
export function descriptionError(value: string): string | undefined {
  return fieldText(descriptionProblem(value.trim()));
}

function fieldText(problem: MetadataProblem | undefined): string | undefined {
  if (problem === undefined) return undefined;
  return `${problem.problem.charAt(0).toUpperCase()}${problem.problem.slice(1)}: ${problem.fix}.`;
}
