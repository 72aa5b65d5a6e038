// The upload wizard: pick files, then for each file its type (when it could be several), name and
// description, then review, then run. Pure: the screen dispatches, this decides what comes next.
import { defaultDisplayName as coreDefaultDisplayName, limits } from "@rbxassets/core";
import { CREATOR_FIX, KEY_FIX } from "./errors.js";
import { descriptionError, nameError } from "./metadata-problem.js";

// The spec's limits, in code points (core's one rule for names).
export const MAX_NAME_LENGTH = limits.maxDisplayNameLength;
export const MAX_DESCRIPTION_LENGTH = limits.maxDescriptionLength;

export interface PickedFile {
  /** Path relative to the project root, posix separators. */
  file: string;
  /** Asset types the file can be uploaded as, the inferred (default) one first. */
  assetTypes: string[];
}

export interface UploadDraft {
  file: string;
  assetTypes: string[];
  assetType: string;
  displayName: string;
  description: string;
}

export type UploadField = "type" | "name" | "description";

export type UploadStep =
  | { kind: "pick" }
  | { kind: "details"; index: number; field: UploadField }
  | { kind: "review" }
  | { kind: "running" };

export interface UploadState {
  step: UploadStep;
  drafts: UploadDraft[];
  /** A validation message for the current prompt. */
  error: string | undefined;
}

export type UploadAction =
  | { type: "pick"; files: PickedFile[] }
  | { type: "set-type"; assetType: string }
  | { type: "set-name"; value: string }
  | { type: "set-description"; value: string }
  | { type: "defaults-for-rest" }
  | { type: "back" }
  | { type: "start" };

export const initialUpload: UploadState = { step: { kind: "pick" }, drafts: [], error: undefined };

/** `sprites/Hero Idle.png` becomes `Hero Idle`, kept within the name limit (core's one rule). */
export function defaultDisplayName(file: string): string {
  return coreDefaultDisplayName(file);
}

/** The first prompt for a file: its type only when there is a choice. */
function firstField(draft: UploadDraft | undefined): UploadField {
  return draft && draft.assetTypes.length > 1 ? "type" : "name";
}

function advance(state: UploadState, index: number, field: UploadField): UploadState {
  if (field === "type")
    return { ...state, step: { kind: "details", index, field: "name" }, error: undefined };
  if (field === "name")
    return { ...state, step: { kind: "details", index, field: "description" }, error: undefined };
  const nextIndex = index + 1;
  if (nextIndex >= state.drafts.length) return { ...state, step: { kind: "review" }, error: undefined };
  return {
    ...state,
    step: { kind: "details", index: nextIndex, field: firstField(state.drafts[nextIndex]) },
    error: undefined,
  };
}

function updateDraft(state: UploadState, index: number, patch: Partial<UploadDraft>): UploadState {
  return { ...state, drafts: state.drafts.map((d, i) => (i === index ? { ...d, ...patch } : d)) };
}

export function uploadReducer(state: UploadState, action: UploadAction): UploadState {
  const { step } = state;
  switch (action.type) {
    case "pick": {
      if (action.files.length === 0)
        return { ...state, error: "Select at least one file (Space), then Enter." };
      const drafts = action.files.map((f) => ({
        file: f.file,
        assetTypes: f.assetTypes,
        assetType: f.assetTypes[0] ?? "Image",
        displayName: defaultDisplayName(f.file),
        description: "",
      }));
      return { step: { kind: "details", index: 0, field: firstField(drafts[0]) }, drafts, error: undefined };
    }
    case "set-type":
      if (step.kind !== "details" || step.field !== "type") return state;
      return advance(updateDraft(state, step.index, { assetType: action.assetType }), step.index, "type");
    case "set-name":
    case "set-description": {
      // One path for both text fields: core's rule for the field, then the trimmed value kept.
      const field = action.type === "set-name" ? "name" : "description";
      if (step.kind !== "details" || step.field !== field) return state;
      const error = field === "name" ? nameError(action.value) : descriptionError(action.value);
      if (error) return { ...state, error };
      const patch =
        field === "name" ? { displayName: action.value.trim() } : { description: action.value.trim() };
      return advance(updateDraft(state, step.index, patch), step.index, field);
    }
    case "defaults-for-rest":
      // Defaults are already in the drafts: skip straight to the review.
      return step.kind === "details" ? { ...state, step: { kind: "review" }, error: undefined } : state;
    case "back":
      return back(state);
    case "start":
      return step.kind === "review" ? { ...state, step: { kind: "running" }, error: undefined } : state;
  }
}

/** Esc: one prompt back; from the first prompt back to the picker (which keeps nothing). */
function back(state: UploadState): UploadState {
  const { step } = state;
  if (step.kind === "review") {
    const index = state.drafts.length - 1;
    return index < 0
      ? initialUpload
      : { ...state, step: { kind: "details", index, field: "description" }, error: undefined };
  }
  if (step.kind !== "details") return state;
  if (step.field === "description") return { ...state, step: { ...step, field: "name" }, error: undefined };
  if (step.field === "name" && firstField(state.drafts[step.index]) === "type") {
    return { ...state, step: { ...step, field: "type" }, error: undefined };
  }
  if (step.index === 0) return initialUpload;
  return {
    ...state,
    step: { kind: "details", index: step.index - 1, field: "description" },
    error: undefined,
  };
}

/** What stops every upload before it starts: said first, not after the picker and the whole form. */
export function missingUploadSetup(config: {
  creator?: string | undefined;
  hasCredentials: boolean;
}): { message: string; fix: string } | undefined {
  if (!config.hasCredentials) return { message: "No API key is configured: uploads need one.", fix: KEY_FIX };
  if (!config.creator) return { message: "No creator is configured: uploads need one.", fix: CREATOR_FIX };
  return undefined;
}

/** Videos can cost Robux: the API refuses one without the most the user accepts to pay. */
export function needsVideoPrice(drafts: readonly UploadDraft[]): boolean {
  return drafts.some((d) => d.assetType === "Video");
}

/** `0`, `25`: a whole number of Robux. */
export function parseVideoPrice(text: string): { ok: true; value: number } | { ok: false; error: string } {
  const trimmed = text.trim();
  if (!/^\d{1,9}$/.test(trimmed)) {
    return { ok: false, error: "Type a whole number of Robux, e.g. 0 to accept only free uploads." };
  }
  return { ok: true, value: Number(trimmed) };
}

/** Whether Esc leaves the screen (true) or goes one prompt back (false). */
export function escapeLeaves(state: UploadState): boolean {
  return state.step.kind === "pick";
}
