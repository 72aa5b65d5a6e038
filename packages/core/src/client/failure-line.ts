// The one line a failure of one file is shown as, built from its fields (never by slicing a message).
import { showFile } from "./show-file.js";

/** `<file>: <problem> — <fix>` (the file named once); without a fix, `<file>: <problem>`. */
export function failureLine(file: string, failure: { problem: string; fix?: string | undefined }): string {
  return `${showFile(file)}: ${failure.problem}${failure.fix ? ` — ${failure.fix}` : ""}`;
}
