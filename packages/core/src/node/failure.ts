// A file that failed, as reports and events carry it: the problem and the fix as fields, so that a shell
// words its own line (its own fix, the file named once) instead of slicing a message.
import { failureLine } from "../client/failure-line.js";
import { describeError, isPipelineError, oneLine } from "./errors.js";

export interface FileFailure {
  /** Project path of the file. */
  file: string;
  /** What is wrong, without the file or the fix. */
  problem: string;
  /** What to do about it, in neutral terms; absent when the problem says all there is. */
  fix?: string;
  /** The PipelineError's rule, when there is one: shells word their own fix from it. */
  rule?: string;
  /** The whole line, naming the file once: `<file>: <problem> — <fix>`. */
  reason: string;
}

/** The failure of `file` from a thrown value (a PipelineError keeps its rule and fix) or a problem text. */
export function fileFailure(file: string, cause: unknown): FileFailure {
  if (isPipelineError(cause)) {
    return {
      file,
      problem: cause.problem ?? describeError(cause),
      fix: cause.fix,
      rule: cause.rule,
      reason: cause.message,
    };
  }
  const problem = typeof cause === "string" ? oneLine(cause) : describeError(cause);
  return { file, problem, reason: failureLine(file, { problem }) };
}
