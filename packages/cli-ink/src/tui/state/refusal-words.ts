// How the TUI words a batch stopped by an account-level stop, by core's reason: why it stopped (the
// headline), what happened (the summary's lead) and what to do about the files not uploaded. Core states
// the reason and its facts; the words are the shell's. An unknown reason reads as a refusal of the account.

export interface RefusalWords {
  /** `Sync stopped: <why>.` */
  why: string;
  /** `<lead>, so the batch stopped: <core's problem>` */
  lead: string;
  /** `N more files not uploaded: <next>` */
  next: string;
}

const REFUSED: RefusalWords = {
  why: "the account was refused",
  lead: "The service refused the account",
  next: "fix the account, then run it again.",
};

const BY_REASON: Record<string, RefusalWords> = {
  unreachable: {
    why: "the API cannot be reached",
    lead: "No answer from the API",
    next: "run it again once the API answers.",
  },
  "rate-limited": {
    why: "the service asked for a long wait",
    lead: "The service's rate limit asks for a wait too long to sit through",
    next: "run it again after the wait.",
  },
};

export function refusalWords(reason: string | undefined): RefusalWords {
  return (reason !== undefined ? BY_REASON[reason] : undefined) ?? REFUSED;
}
