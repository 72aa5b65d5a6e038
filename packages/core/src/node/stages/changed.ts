// The bytes sent are the bytes hashed: a file edited between its hash and its upload is reported as
// changed, never recorded under the old hash with the new bytes' asset.
import { PipelineError } from "../errors.js";

export function changedDuringSync(file: string): PipelineError {
  return new PipelineError(
    file,
    "changed",
    "the file changed during the sync; nothing was uploaded for it",
    "run again once it is saved",
  );
}

/** Throws `changed` when the content read for sending is not the content hashed when prepared. */
export function assertSameContent(file: string, expected: string, actual: string): void {
  if (actual !== expected) throw changedDuringSync(file);
}
