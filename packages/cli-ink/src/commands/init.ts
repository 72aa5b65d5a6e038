import { resolve } from "node:path";
import { ensureMergeAttributes } from "@rbxassets/core/internal";
import {
  configFor,
  findProjectFile,
  type InitAnswers,
  type InitProposal,
  ProjectFileExistsError,
  proposeProject,
  resolveConfig,
  writeProjectFile,
} from "@rbxassets/core/node";
import type { CommandEnv, CommandResult } from "../command-env.js";
import { CliError, ExitCode, PromptRequiredError } from "../errors.js";
import { terminalSupportsPrompting } from "../prompt.js";
import { MERGE_DRIVER_CONFIG } from "./lockfile.js";

interface InitOptions {
  yes?: boolean;
  /** Import another tool's project (asphalt, tarmac, tungsten) instead of proposing one. */
  from?: string;
}

/** Writes a project file for the folder: the proposals as they are (`--yes`), or as answered on a terminal. */
export async function run(env: CommandEnv, _args: string[], options: InitOptions): Promise<CommandResult> {
  const root = resolve(env.globals.cwd ?? env.globals.root ?? process.cwd());
  if (options.from !== undefined) return (await import("./init-from.js")).runFrom(env, root, options.from);
  const existing = await findProjectFile(root).catch(() => "a project file");
  if (existing !== undefined) {
    throw new CliError(new ProjectFileExistsError(existing).message, {
      rule: "project-file-exists",
      facts: { file: existing },
    });
  }
  // The creator already configured (flag, environment, .env) is the proposal; the project file is not read.
  const config = await resolveConfig({
    root,
    ...(env.globals.creator !== undefined ? { creator: env.globals.creator } : {}),
  });
  const proposal = await proposeProject(root, config.creator);
  let answers: InitAnswers | undefined;
  if (options.yes) {
    answers = {
      folders: proposal.folders.map((f) => f.folder),
      output: proposal.outputs[0] ?? "none",
      ...(proposal.creator ? { creator: proposal.creator } : {}),
    };
  } else if (terminalSupportsPrompting()) {
    answers = await ask(proposal);
    if (!answers) {
      env.out.error("init cancelled; nothing written");
      return ExitCode.failure;
    }
  } else {
    throw new PromptRequiredError(
      "rbxassets init asks a few questions: run it on a terminal, or pass --yes to take its proposals",
      "--yes",
    );
  }
  const file = await writeProjectFile(root, configFor(proposal, answers), proposal.format);
  const inputs = answers.folders.length;
  // Lockfiles of two branches merge through the driver; .gitattributes names it, each clone configures it.
  const attributes = await ensureMergeAttributes(root);
  env.out.result(
    { file, ...answers, gitattributes: attributes.added, mergeDriver: MERGE_DRIVER_CONFIG },
    () =>
      [
        `wrote ${file} with ${inputs} input${inputs === 1 ? "" : "s"}${inputs === 0 ? " (add inputs to it: no folder with assets was found)" : ""}`,
        ...(inputs > 0 && answers.output === "none"
          ? [
              `no generated modules: the ids are kept in the lockfile; to write one, give an input "output" in ${file} ("luau" or "ts")`,
            ]
          : []),
        attributes.added
          ? `added "${attributes.line}" to .gitattributes`
          : ".gitattributes already names the lockfile's merge driver",
        `so that git merges lockfiles of two branches, run once per clone: ${MERGE_DRIVER_CONFIG}`,
        "next: rbxassets sync (or rbxassets sync --watch)",
      ].join("\n"),
  );
  return ExitCode.ok;
}

/** Mounts the Ink prompt (imported lazily: `init --yes` never loads React). */
async function ask(proposal: InitProposal): Promise<InitAnswers | undefined> {
  const [{ render }, { createElement }, { InitPrompt }, { terminalStdout }] = await Promise.all([
    import("ink"),
    import("react"),
    import("../init/init-prompt.js"),
    import("../tui/no-color.js"),
  ]);
  return new Promise((done) => {
    const app = render(
      createElement(InitPrompt, {
        proposal,
        onDone: (answers) => {
          app.unmount();
          done(answers);
        },
        onCancel: () => {
          app.unmount();
          done(undefined);
        },
      }),
      // NO_COLOR: no colours in the prompt either.
      { exitOnCtrlC: false, ...terminalStdout() },
    );
  });
}
