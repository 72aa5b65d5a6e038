// Local file-system failures, told apart from network ones: a full disk, a read-only mount or a
// permission is the user's machine, never "check the network". The path is named; the fix is local.
import { sanitizeForTerminal } from "./terminal-text.js";

/** The errno codes of a local file operation that a person can act on, with what each means. */
const LOCAL_PROBLEMS: Record<string, string> = {
  ENOSPC: "the disk is full",
  EDQUOT: "the disk quota is used up",
  EROFS: "the file system is read-only",
  EPERM: "the operation is not permitted (an immutable file, or permissions)",
  EACCES: "permission denied",
  EISDIR: "it is a folder, not a file",
  ENOTDIR: "a part of the path is not a folder",
  ENOENT: "it does not exist",
  EMFILE: "too many files are open",
  EBUSY: "the file is busy",
};

/** What an errno code of a local file operation means, in words; undefined for a code not listed. */
export function localProblemWords(code: string | undefined): string | undefined {
  return code === undefined ? undefined : LOCAL_PROBLEMS[code];
}

/** Socket calls: an errno of theirs is the network's, whatever its code. */
const NETWORK_SYSCALLS = new Set(["connect", "getaddrinfo", "bind", "listen", "accept", "send", "recv"]);

/** What a local file error means, with its path; undefined for anything else (network errors included). */
export interface LocalFileProblem {
  code: string;
  path: string;
  syscall: string | undefined;
  problem: string;
}

export function localFileProblem(error: unknown): LocalFileProblem | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    const { code, path, syscall, cause } = current as {
      code?: unknown;
      path?: unknown;
      syscall?: unknown;
      cause?: unknown;
    };
    // A file-system call's error: it names a path, or (a write to an open file) at least its call.
    const fileCall =
      typeof path === "string" || (typeof syscall === "string" && !NETWORK_SYSCALLS.has(syscall));
    if (typeof code === "string" && fileCall && code in LOCAL_PROBLEMS) {
      return {
        code,
        path: typeof path === "string" ? sanitizeForTerminal(path) : "a local file",
        syscall: typeof syscall === "string" ? syscall : undefined,
        problem: LOCAL_PROBLEMS[code]!,
      };
    }
    current = cause;
  }
  return undefined;
}

/** Names `path` on a file-system error that lacks one (a write to an open file names none); returns it. */
export function withPath(error: unknown, path: string): unknown {
  const errno = error as { code?: unknown; path?: unknown; syscall?: unknown } | null;
  if (
    typeof errno === "object" &&
    errno !== null &&
    typeof errno.code === "string" &&
    errno.path === undefined
  ) {
    if (typeof errno.syscall === "string" && !NETWORK_SYSCALLS.has(errno.syscall)) errno.path = path;
  }
  return error;
}
