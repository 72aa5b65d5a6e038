import { join } from "node:path";
import { type OutputAsset, type OutputChunk, type RollupLog, rollup } from "rollup";
import rbxassets, { type RbxassetsOptions } from "../src/index.js";

export interface BuildResult {
  chunks: OutputChunk[];
  assets: OutputAsset[];
  code: string;
  warnings: RollupLog[];
  /** Info logs (`this.info`), as `rollup -c` prints them. */
  infos: RollupLog[];
  /** The entry's exports, from running the generated code. */
  exports: Record<string, unknown>;
}

/** A real `rollup.rollup` + `generate` (nothing written) of `src/main.js` with the plugin. */
export async function rollupBuild(
  root: string,
  options: RbxassetsOptions = {},
  input = "src/main.js",
): Promise<BuildResult> {
  const warnings: RollupLog[] = [];
  const infos: RollupLog[] = [];
  const bundle = await rollup({
    input: join(root, input),
    plugins: [rbxassets({ root, ...options })],
    onLog: (level, log, handler) => {
      if (level === "info") infos.push(log);
      else handler(level, log);
    },
    onwarn: (warning) => {
      warnings.push(warning);
    },
  });
  try {
    const { output } = await bundle.generate({ format: "es", sourcemap: true });
    const chunks = output.filter((item): item is OutputChunk => item.type === "chunk");
    // Source maps aside (generated to check that the plugin keeps them valid: no warning).
    const assets = output.filter(
      (item): item is OutputAsset => item.type === "asset" && !item.fileName.endsWith(".map"),
    );
    const code = chunks.map((chunk) => chunk.code).join("\n");
    const entry = chunks.find((chunk) => chunk.isEntry)!;
    const exports = (await import(`data:text/javascript,${encodeURIComponent(entry.code)}`)) as Record<
      string,
      unknown
    >;
    return { chunks, assets, code, warnings, infos, exports: { ...exports } };
  } finally {
    await bundle.close();
  }
}
