// What an error means to the user and what they can do next. Duck-typed on the error's name and fields so
// that the views need nothing from the services but the thrown value.

export interface ErrorView {
  title: string;
  message: string;
  /** What to do next; empty when the message already says it. */
  hint: string;
}

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  status?: unknown;
  code?: unknown;
  fix?: unknown;
  cause?: unknown;
}

const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "ECONNRESET",
  "ETIMEDOUT",
  "EAI_AGAIN",
  "UND_ERR_CONNECT_TIMEOUT",
]);

export function isAbort(error: unknown): boolean {
  // A timeout is a failure to report, not a cancellation by the user.
  return (error as ErrorLike | undefined)?.name === "AbortError";
}

function networkCode(error: ErrorLike | undefined, depth = 0): string | undefined {
  if (!error || depth > 3) return undefined;
  if (typeof error.code === "string" && NETWORK_CODES.has(error.code)) return error.code;
  return networkCode(error.cause as ErrorLike | undefined, depth + 1);
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

function classify(error: unknown): ErrorView {
  const e = (typeof error === "object" && error !== null ? error : { message: String(error) }) as ErrorLike;
  const message = typeof e.message === "string" && e.message !== "" ? e.message : String(error);
  if (isAbort(error)) return { title: "Cancelled", message: "The request was cancelled.", hint: "" };
  const code = networkCode(e);
  if (code !== undefined || (e.name === "TypeError" && message === "fetch failed")) {
    return {
      title: "Cannot reach the API",
      message: code ? `${message} (${code})` : message,
      hint: "Check RBXASSETS_API_URL and your network, then press r to retry.",
    };
  }
  if (e.name === "OperationFailed") return { title: "The operation failed", message, hint: "" };
  if (e.name === "PipelineError") {
    // Its message already reads "<file>: <problem> — <what to do>".
    return { title: "Cannot upload", message, hint: "" };
  }
  if (e.name === "MissingCredentialsError") {
    return {
      title: "No credentials",
      message,
      hint: "Set RBXASSETS_API_KEY in the environment or .env, then restart.",
    };
  }
  if (e.name === "ServiceError" || e.name === "AmbiguousAssetTypeError") {
    // Service errors are one line that already says what is wrong and how to fix it.
    return { title: "Cannot do that", message, hint: "" };
  }
  if (e.name === "AssetsClientError") {
    return { title: "Invalid request", message, hint: "Check the input and your RBXASSETS_* settings." };
  }
  if (typeof e.status === "number") return classifyStatus(e.status, message);
  return { title: "Something went wrong", message, hint: "Press r to retry, or Esc to go back." };
}

function classifyStatus(status: number, message: string): ErrorView {
  const title = `The API answered ${status}`;
  if (status === 401) {
    return { title, message, hint: "Check RBXASSETS_API_KEY (or RBXASSETS_OAUTH_TOKEN): it was refused." };
  }
  if (status === 403) {
    return {
      title,
      message,
      hint: "The key lacks asset:read/asset:write, or the asset belongs to another creator.",
    };
  }
  if (status === 404)
    return { title, message, hint: "Check the id: no such asset or operation for this key." };
  if (status === 429) return { title, message, hint: "Rate limited: wait a minute, then press r to retry." };
  if (status >= 500) return { title, message, hint: "The service had a problem: press r to retry shortly." };
  return { title, message, hint: "Fix the input and try again." };
}
