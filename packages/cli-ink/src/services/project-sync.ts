import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import {
  findStudioContent,
  type PipelineEvent,
  type Project,
  type ProjectInput,
  type ProjectSyncReport,
  resolveInputOptions,
  STUDIO_CONTENT_ENV,
  type StudioReport,
  syncProjectInputs,
  syncStudio,
} from "@rbxassets/core/node";
import type { ServiceContext } from "./context.js";
import { ServiceError } from "./errors.js";

export interface ProjectSyncRequest {
  check?: boolean;
  signal?: AbortSignal;
  /** Graceful stop: uploads already sent are finished and recorded, nothing new starts. */
  stop?: AbortSignal;
  onEvent?: (event: PipelineEvent) => void;
  lockfile?: string;
  /** Pack spritesheets afresh instead of keeping their layout. */
  repack?: boolean;
  /** False: skip reading the audio and video quotas before uploading. */
  quotaCheck?: boolean;
  /** Most Robux accepted per video upload (`--expected-price`). */
  expectedPrice?: number;
  /** `--ts` / `--luau`: replace one input's module paths for this run. */
  codegen?: { typescript?: string; luau?: string };
}

/**
 * Which inputs `sync [args]` means with a project file: none given, every input; else the inputs named.
 * Undefined when the arguments are paths (or there are no inputs): then sync works on paths, as without
 * a project file.
 */
export function selectInputs(project: Project | undefined, args: string[]): ProjectInput[] | undefined {
  if (!project || project.inputs.length === 0) return undefined;
  if (args.length === 0) return project.inputs;
  const named = args.filter((arg) => project.input(arg) !== undefined);
  if (named.length === 0) return undefined;
  if (named.length < args.length) {
    const other = args.find((arg) => project.input(arg) === undefined)!;
    throw new ServiceError(
      `${JSON.stringify(other)} is not an input of ${project.file} (inputs: ${project.inputs.map((i) => i.name).join(", ")}) — name inputs or paths, not both`,
    );
  }
  return named.map((name) => project.input(name)!);
}

/** Syncs project inputs, each with its asset type and processing options, and writes their modules. */
export async function syncInputs(
  ctx: ServiceContext,
  project: Project,
  inputs: ProjectInput[],
  opts: ProjectSyncRequest,
): Promise<ProjectSyncReport> {
  const selected = withCodegenFlags(inputs, opts.codegen);
  const flags = {
    ...(opts.lockfile !== undefined ? { lockfile: opts.lockfile } : {}),
    ...(opts.expectedPrice !== undefined ? { expectedPrice: opts.expectedPrice } : {}),
    ...(opts.repack ? { repack: true } : {}),
    ...(opts.quotaCheck === false ? { quotaCheck: false } : {}),
  };
  const events = opts.onEvent ? { onEvent: opts.onEvent } : {};
  const lockfile = resolveInputOptions(project, undefined, flags).pipeline.lockfile ?? project.lockfile;
  await mkdir(dirname(ctx.pipeline({ lockfile }).lockfilePath), { recursive: true });
  return syncProjectInputs({ ...project, lockfile }, selected, {
    check: opts.check === true,
    ...(opts.signal ? { signal: opts.signal } : {}),
    ...(opts.stop ? { stop: opts.stop } : {}),
    flags,
    pipelineFor: (_input, options) => ctx.pipeline({ ...options, ...events }),
  });
}

function withCodegenFlags(inputs: ProjectInput[], codegen: ProjectSyncRequest["codegen"]): ProjectInput[] {
  const { typescript, luau } = codegen ?? {};
  if (typescript === undefined && luau === undefined) return inputs;
  if (inputs.length !== 1) {
    throw new ServiceError(
      "--ts and --luau name one module, and this sync covers several inputs — name one input (rbxassets sync <input> --luau F), or set output in the project file",
    );
  }
  const [input] = inputs as [ProjectInput];
  return [
    {
      ...input,
      output: {
        ...input.output,
        ...(typescript !== undefined ? { ts: typescript } : {}),
        ...(luau !== undefined ? { luau } : {}),
      },
    },
  ];
}

/**
 * `--target studio`: the inputs' images into Studio's content folder, modules with `rbxasset://` paths.
 * No upload, no credentials.
 */
export async function syncInputsToStudio(
  ctx: ServiceContext,
  project: Project,
  inputs: ProjectInput[],
  opts: { lockfile?: string; env?: Record<string, string | undefined> } = {},
): Promise<StudioReport & { content: string }> {
  const content = await findStudioContent({ env: opts.env ?? process.env });
  if (content === undefined) {
    throw new ServiceError(
      `Roblox Studio's content folder was not found — set ${STUDIO_CONTENT_ENV} to it (e.g. …/RobloxStudio.app/Contents/Resources/content)`,
      { rule: "studio-content", facts: { env: STUDIO_CONTENT_ENV } },
    );
  }
  const lockfile = opts.lockfile ?? project.lockfile;
  const report = await syncStudio({ ...project, lockfile }, inputs, {
    content,
    pipelineFor: () => ctx.pipeline({ lockfile }),
  });
  return { content, ...report };
}
