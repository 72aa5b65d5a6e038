// Paging through an asset's versions (newest first) and the rollback confirmation. The API pages forward
// only, so the token of every page seen is kept to go back.

import { limits } from "@rbxassets/core";

/** A page of versions: the spec's default page size. */
export const VERSIONS_PAGE_SIZE = limits.defaultPageSize;

export interface VersionRow {
  number: number;
  moderation: string | undefined;
  creator: string;
  published: boolean | undefined;
}

export type VersionsMode =
  | { kind: "loading" }
  | { kind: "list" }
  | { kind: "error"; error: unknown }
  | { kind: "confirm"; version: number }
  | { kind: "rolling-back"; version: number }
  | { kind: "rolled-back"; version: number; newVersion: number | undefined };

export interface VersionsState {
  /** pageTokens[i] fetches page i (undefined for the first page). */
  pageTokens: (string | undefined)[];
  pageIndex: number;
  rows: VersionRow[];
  nextPageToken: string | undefined;
  mode: VersionsMode;
  /** Bumped on every load request so that a stale answer is dropped. */
  request: number;
}

export type VersionsAction =
  | { type: "loaded"; request: number; rows: VersionRow[]; nextPageToken: string | undefined }
  | { type: "load-failed"; request: number; error: unknown }
  | { type: "next-page" }
  | { type: "previous-page" }
  | { type: "reload" }
  | { type: "ask-rollback"; version: number }
  | { type: "cancel" }
  | { type: "rollback-started" }
  | { type: "rolled-back"; newVersion: number | undefined }
  | { type: "rollback-failed"; error: unknown }
  | { type: "dismiss" };

export const initialVersions: VersionsState = {
  pageTokens: [undefined],
  pageIndex: 0,
  rows: [],
  nextPageToken: undefined,
  mode: { kind: "loading" },
  request: 0,
};

export function pageToken(state: VersionsState): string | undefined {
  return state.pageTokens[state.pageIndex];
}

export function hasNextPage(state: VersionsState): boolean {
  return Boolean(state.nextPageToken);
}

export function hasPreviousPage(state: VersionsState): boolean {
  return state.pageIndex > 0;
}

function load(state: VersionsState, pageIndex: number, pageTokens = state.pageTokens): VersionsState {
  return { ...state, pageIndex, pageTokens, mode: { kind: "loading" }, request: state.request + 1 };
}

export function versionsReducer(state: VersionsState, action: VersionsAction): VersionsState {
  switch (action.type) {
    case "loaded":
      if (action.request !== state.request) return state;
      return { ...state, rows: action.rows, nextPageToken: action.nextPageToken, mode: { kind: "list" } };
    case "load-failed":
      if (action.request !== state.request) return state;
      return { ...state, mode: { kind: "error", error: action.error } };
    case "next-page": {
      if (state.mode.kind !== "list" || !state.nextPageToken) return state;
      const tokens = [...state.pageTokens.slice(0, state.pageIndex + 1), state.nextPageToken];
      return load(state, state.pageIndex + 1, tokens);
    }
    case "previous-page":
      if (state.mode.kind !== "list" || state.pageIndex === 0) return state;
      return load(state, state.pageIndex - 1);
    case "reload":
      return load(state, state.pageIndex);
    case "ask-rollback":
      return state.mode.kind === "list"
        ? { ...state, mode: { kind: "confirm", version: action.version } }
        : state;
    case "cancel":
      return state.mode.kind === "confirm" ? { ...state, mode: { kind: "list" } } : state;
    case "rollback-started":
      return state.mode.kind === "confirm"
        ? { ...state, mode: { kind: "rolling-back", version: state.mode.version } }
        : state;
    case "rolled-back":
      if (state.mode.kind !== "rolling-back") return state;
      return {
        ...state,
        mode: { kind: "rolled-back", version: state.mode.version, newVersion: action.newVersion },
      };
    case "rollback-failed":
      return { ...state, mode: { kind: "error", error: action.error } };
    case "dismiss":
      // After a rollback the newest page has changed: start again from the first page.
      if (state.mode.kind === "rolled-back") return load(state, 0, [undefined]);
      if (state.mode.kind === "error") return load(state, state.pageIndex);
      return state;
  }
}

/** "Versions 9–16" for the second page of eight. */
export function pageLabel(state: VersionsState): string {
  const first = state.pageIndex * VERSIONS_PAGE_SIZE + 1;
  if (state.rows.length === 0) return `Page ${state.pageIndex + 1}`;
  return `Page ${state.pageIndex + 1} · rows ${first}–${first + state.rows.length - 1}`;
}
