// A real build of `src/main.js` with each bundler's entry of the plugin: the output's JavaScript text, or
// the build's error messages (one string) when it fails; and what the built entry exports when it runs.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { RbxassetsOptions } from "../src/options.js";

export interface BuildOutcome {
  code: string;
  errors: string;
}

type Builder = (root: string, options: RbxassetsOptions) => Promise<BuildOutcome>;

async function jsIn(dir: string): Promise<string> {
  const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith(".js"));
  return (await Promise.all(files.map((f) => readFile(join(dir, f), "utf8")))).join("\n");
}

/** webpack and rspack share a config shape and a callback API. */
function compilerBuild(kind: "webpack" | "rspack"): Builder {
  return async (root, options) => {
    const plugin =
      kind === "webpack"
        ? (await import("../src/webpack.js")).default({ root, ...options })
        : (await import("../src/rspack.js")).default({ root, ...options });
    const create =
      kind === "webpack" ? (await import("webpack")).default : (await import("@rspack/core")).rspack;
    const config = {
      mode: "none" as const,
      context: root,
      entry: "./src/main.js",
      output: { path: join(root, "dist"), library: { type: "commonjs2" as const } },
      plugins: [plugin],
      infrastructureLogging: { level: "error" as const },
    };
    const stats = await new Promise<{
      hasErrors(): boolean;
      toJson(o: object): { errors?: { message: string }[] };
    }>((resolve, reject) => {
      // biome-ignore lint/suspicious/noExplicitAny: webpack's and rspack's compilers, one call shape
      const compiler = (create as any)(config);
      compiler.run((error: Error | null, result: never) => {
        compiler.close(() => (error ? reject(error) : resolve(result)));
      });
    });
    if (stats.hasErrors()) {
      const errors = stats.toJson({ all: false, errors: true }).errors ?? [];
      return { code: "", errors: errors.map((e) => e.message).join("\n") };
    }
    return { code: await jsIn(join(root, "dist")), errors: "" };
  };
}

const esbuildBuild: Builder = async (root, options) => {
  const esbuild = await import("esbuild");
  const rbxassets = (await import("../src/esbuild.js")).default;
  try {
    const result = await esbuild.build({
      entryPoints: [join(root, "src/main.js")],
      absWorkingDir: root,
      bundle: true,
      write: false,
      format: "esm",
      logLevel: "silent",
      plugins: [rbxassets({ root, ...options })],
    });
    return { code: result.outputFiles.map((f) => f.text).join("\n"), errors: "" };
  } catch (error) {
    const failure = error as { errors?: { text: string }[]; message: string };
    return { code: "", errors: failure.errors?.map((e) => e.text).join("\n") ?? failure.message };
  }
};

const rolldownBuild: Builder = async (root, options) => {
  const { rolldown } = await import("rolldown");
  const rbxassets = (await import("../src/rolldown.js")).default;
  try {
    const bundle = await rolldown({
      input: join(root, "src/main.js"),
      cwd: root,
      logLevel: "silent",
      // biome-ignore lint/suspicious/noExplicitAny: the plugin is typed without rolldown's declarations
      plugins: [rbxassets({ root, ...options }) as any],
    });
    try {
      const { output } = await bundle.generate({ format: "es" });
      return { code: output.map((o) => (o.type === "chunk" ? o.code : "")).join("\n"), errors: "" };
    } finally {
      await bundle.close();
    }
  } catch (error) {
    return { code: "", errors: (error as Error).message };
  }
};

export const BUILDERS: Record<"webpack" | "rspack" | "esbuild" | "rolldown", Builder> = {
  webpack: compilerBuild("webpack"),
  rspack: compilerBuild("rspack"),
  esbuild: esbuildBuild,
  rolldown: rolldownBuild,
};

type Bundler = keyof typeof BUILDERS;

/**
 * Runs a bundle and returns the entry's exports: webpack and rspack emit CommonJS (`commonjs2`), esbuild and
 * Rolldown ES modules, in which a CommonJS entry's `module.exports` is the default export.
 */
export async function runEntry(bundler: Bundler, code: string): Promise<Record<string, unknown>> {
  if (bundler === "webpack" || bundler === "rspack") {
    const module = { exports: {} as Record<string, unknown> };
    new Function("module", "exports", code)(module, module.exports);
    return module.exports;
  }
  const namespace = await import(`data:text/javascript,${encodeURIComponent(code)}`);
  return (namespace.default ?? namespace) as Record<string, unknown>;
}
