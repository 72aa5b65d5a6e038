/**
 * Errors the services raise before talking to the API (bad input, missing configuration) or in place of a
 * refusal they word for a person. Their messages are one line and safe to show as they are (no secrets), in
 * the TUI and on the command line alike. The rule says what kind of failure it is, and so (on the command
 * line) its exit code.
 */
export class ServiceError extends Error {
  override name = "ServiceError";
  /** A short, stable name for the kind of problem (`--json` output carries it); default `invalid-input`. */
  readonly rule: string;
  /** Facts behind it, for scripts (never a secret). */
  readonly facts: Readonly<Record<string, unknown>>;
  constructor(
    message: string,
    options: { cause?: unknown; rule?: string; facts?: Record<string, unknown> } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.rule = options.rule ?? "invalid-input";
    this.facts = { ...options.facts };
  }
}

/** No API key or OAuth token anywhere (flags, environment, `.env`). */
export class MissingCredentialsError extends ServiceError {
  override name = "MissingCredentialsError";
  constructor() {
    super(
      "no credentials: set RBXASSETS_API_KEY (or RBXASSETS_OAUTH_TOKEN) in the environment or .env, or pass --api-key-file",
      { rule: "credentials" },
    );
  }
}

/** The file could be more than one asset type (an `.rbxm` is a Model or an Animation): the caller must choose. */
export class AmbiguousAssetTypeError extends ServiceError {
  override name = "AmbiguousAssetTypeError";
  constructor(
    readonly file: string,
    readonly candidates: readonly string[],
  ) {
    super(`${file} could be ${candidates.join(" or ")}: choose the asset type`, {
      rule: "ambiguous-asset-type",
      facts: { file, candidates },
    });
  }
}
