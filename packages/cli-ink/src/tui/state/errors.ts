// What an error means to the user and what they can do next, in a person's words. Classified by the
// error's class and, for the pipeline's errors, by their stable `rule`: never by a message or name string.
import { AssetsApiError, AssetsClientError, AssetsNetworkError, isAbortError } from "@rbxassets/core";
import { PipelineError } from "@rbxassets/core/node";
import { AmbiguousAssetTypeError, MissingCredentialsError, ServiceError } from "../services.js";

export interface ErrorView {
  title: string;
  message: string;
  /** What to do next; empty when the message already says it. */
  hint: string;
}

/** A failed operation as the TUI shows it (an operation's own error has no class of its own). */
export class OperationFailedError extends Error {
  override name = "OperationFailedError";
}

/** Where keys and the creator are set: the same words wherever they are needed. */
export const KEY_FIX =
  "Check RBXASSETS_API_KEY (or RBXASSETS_OAUTH_TOKEN) in the environment or .env: it was refused.";
export const PERMISSION_FIX =
  "The key needs asset:read and asset:write for this creator (RBXASSETS_CREATOR), or the asset is another creator's.";
export const CREATOR_FIX =
  "Set RBXASSETS_CREATOR=user:<id> or group:<id> in the environment or .env, then restart.";

const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "ECONNRESET",
  "ETIMEDOUT",
  "EAI_AGAIN",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_SOCKET",
]);

/** The user (or leaving a screen) cancelled: core's one abort check. */
export function isAbort(error: unknown): boolean {
  return isAbortError(error);
}

function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let current = error, depth = 0; current !== undefined && current !== null && depth < 5; depth++) {
    chain.push(current);
    current = (current as { cause?: unknown }).cause;
  }
  return chain;
}

function networkCode(error: unknown): string | undefined {
  for (const link of causes(error)) {
    if (link instanceof AssetsNetworkError) return link.causeCode;
    const code = (link as { code?: unknown }).code;
    if (typeof code === "string" && NETWORK_CODES.has(code)) return code;
  }
  return undefined;
}

function apiStatus(error: unknown): number | undefined {
  for (const link of causes(error)) if (link instanceof AssetsApiError) return link.status;
  return undefined;
}

export const UNREACHABLE_TUI_FIX =
  "Check that the API is up and that RBXASSETS_API_URL and the network are right, then run it again.";

export const RATE_LIMITED_FIX =
  "Run it again after the wait the service asked for; files in the lockfile are not uploaded again.";

export const MODERATED_FIX =
  "No upload can succeed until the account's moderation ends: see the Roblox messages of the key's owner.";

/**
 * The TUI's words for core's account-refusal reasons (core states the facts; shells word the fixes). An
 * unknown reason gets the key's fix, the most common cause.
 */
export function refusalFix(reason: unknown): string {
  if (reason === "unreachable") return UNREACHABLE_TUI_FIX;
  if (reason === "rate-limited") return RATE_LIMITED_FIX;
  if (reason === "user-moderated") return MODERATED_FIX;
  if (reason === "creator-not-allowed") return PERMISSION_FIX;
  return KEY_FIX;
}

/** The pipeline rules that are about the account, not the file: the rest of a batch would fail the same. */
const ACCOUNT_RULES = new Set(["credentials", "creator-format", "account", "account-refused", "creator"]);

/**
 * The fix for an account-level refusal (a wrong key, a creator the key may not use, a moderated account),
 * or undefined when the error is about one file only.
 */
export function accountRefusal(error: unknown): string | undefined {
  const rule = error instanceof PipelineError ? error.rule : undefined;
  // Core's AccountRefusedError carries the reason among its facts.
  if (rule === "account-refused")
    return refusalFix((error as { refusal?: { reason?: unknown } }).refusal?.reason);
  if (error instanceof MissingCredentialsError) return KEY_FIX;
  const status = apiStatus(error);
  if (status === 401) return KEY_FIX;
  if (status === 403) return PERMISSION_FIX;
  if (rule !== undefined && ACCOUNT_RULES.has(rule))
    return rule.startsWith("creator") ? CREATOR_FIX : KEY_FIX;
  return undefined;
}

/** `redact` removes credentials: an error may quote what was sent. */
export function describeError(error: unknown, redact: (text: string) => string = (text) => text): ErrorView {
  const view = classify(error);
  return {
    title: redact(view.title),
    message: redact(view.message.replace(/\s+/g, " ").trim()),
    hint: redact(view.hint),
  };
}

function messageOf(error: unknown): string {
  if (error instanceof Error && error.message !== "") return error.message;
  const message = (error as { message?: unknown } | undefined)?.message;
  return typeof message === "string" && message !== "" ? message : String(error);
}

function classify(error: unknown): ErrorView {
  const message = messageOf(error);
  if (isAbort(error)) return { title: "Cancelled", message: "The request was cancelled.", hint: "" };
  const code = networkCode(error);
  if (code !== undefined || (error instanceof TypeError && message === "fetch failed")) {
    // The operation name and the raw cause are for logs; a person needs what happened and where to look.
    return {
      title: "Cannot reach the API",
      message: `No answer from the service${code ? ` (${code})` : ""}: it may be down, or the address is wrong.`,
      hint: "Check RBXASSETS_API_URL and your network, then press r to retry.",
    };
  }
  if (error instanceof OperationFailedError) return { title: "The operation failed", message, hint: "" };
  if (error instanceof PipelineError) {
    // Its message already reads "<file>: <problem> — <what to do>"; an account problem gets our fix.
    return { title: "Cannot upload", message, hint: accountRefusal(error) ?? "" };
  }
  if (error instanceof MissingCredentialsError) {
    return {
      title: "No credentials",
      message,
      hint: "Set RBXASSETS_API_KEY in the environment or .env, then restart.",
    };
  }
  if (error instanceof ServiceError || error instanceof AmbiguousAssetTypeError) {
    // Service errors are one line that already says what is wrong and how to fix it.
    return { title: "Cannot do that", message, hint: "" };
  }
  if (error instanceof AssetsClientError) {
    return { title: "Invalid request", message, hint: "Check the input and your RBXASSETS_* settings." };
  }
  const status = apiStatus(error);
  if (status !== undefined) return classifyStatus(status, message);
  return { title: "Something went wrong", message, hint: "Press r to retry, or Esc to go back." };
}

function classifyStatus(status: number, message: string): ErrorView {
  const title = `The API answered ${status}`;
  if (status === 401) return { title, message, hint: KEY_FIX };
  if (status === 403) return { title, message, hint: PERMISSION_FIX };
  if (status === 404)
    return { title, message, hint: "Check the id: no such asset or operation for this key." };
  if (status === 429) return { title, message, hint: "Rate limited: wait a minute, then press r to retry." };
  if (status >= 500) return { title, message, hint: "The service had a problem: press r to retry shortly." };
  return { title, message, hint: "Fix the input and try again." };
}
