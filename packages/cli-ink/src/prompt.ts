import { createInterface } from "node:readline/promises";
import { PromptRequiredError } from "./errors.js";

export interface PromptStreams {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  env: Record<string, string | undefined>;
}

const defaultStreams = (): PromptStreams => ({
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});

/** True in CI (`CI` set to anything but `false`/`0`/empty). */
export function isCI(env: Record<string, string | undefined> = process.env): boolean {
  const ci = env.CI?.trim().toLowerCase();
  return ci !== undefined && ci !== "" && ci !== "false" && ci !== "0";
}

/** Prompting needs a person at a terminal: both stdin and stdout are TTYs, and this is not CI. */
export function terminalSupportsPrompting(streams: Partial<PromptStreams> = {}): boolean {
  const { stdin, stdout, env } = { ...defaultStreams(), ...streams };
  return Boolean(stdin.isTTY) && Boolean(stdout.isTTY) && !isCI(env);
}

export interface Choice<T extends string> {
  value: T;
  label?: string;
}

/**
 * Asks the user to pick one of `choices`. Without a terminal (or in CI) it throws instead, naming the flag
 * that answers the question, so scripts learn what to pass. Plain readline on stderr: prompting must not
 * pull React and Ink into a plain command.
 */
export async function promptChoice<T extends string>(options: {
  message: string;
  choices: ReadonlyArray<Choice<T>>;
  flag: string;
  streams?: Partial<PromptStreams>;
}): Promise<T> {
  const streams = { ...defaultStreams(), ...options.streams };
  if (!terminalSupportsPrompting(streams)) {
    const values = options.choices.map((choice) => choice.value).join(", ");
    throw new PromptRequiredError(
      `${options.message} (one of ${values}): pass ${options.flag}`,
      options.flag,
    );
  }
  const rl = createInterface({ input: streams.stdin, output: streams.stderr });
  try {
    const lines = options.choices.map((choice, index) => `  ${index + 1}) ${choice.label ?? choice.value}`);
    streams.stderr.write(`${options.message}\n${lines.join("\n")}\n`);
    for (;;) {
      const answer = (await rl.question(`Choose 1-${options.choices.length}: `)).trim();
      const byNumber = options.choices[Number(answer) - 1];
      const byValue = options.choices.find((choice) => choice.value.toLowerCase() === answer.toLowerCase());
      const picked = byNumber ?? byValue;
      if (picked) return picked.value;
    }
  } finally {
    rl.close();
  }
}
