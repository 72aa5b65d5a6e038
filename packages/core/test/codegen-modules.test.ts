import { execFile } from "node:child_process";
import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type ModuleFile, renderInputModules, writeInputModules } from "../src/node/codegen/modules.js";
import { readLuauModule } from "../src/node/migrate/luau-module.js";
import { tempProject } from "./pipeline-project.js";

const files: ModuleFile[] = [
  { file: "assets/ui/play.png", key: "play.png", value: "rbxassetid://101" },
  { file: "assets/ui/buttons/stop.png", key: "buttons/stop.png", value: "rbxassetid://102" },
  { file: "assets/ui/buttons/Big Button.png", key: "buttons/Big Button.png", value: "rbxassetid://103" },
  { file: "assets/ui/logo.png", key: "logo.png", value: "rbxassetid://104" },
  { file: "assets/ui/logo.jpg", key: "logo.jpg", value: "rbxassetid://105" },
  { file: "assets/ui/arrows.png", key: "arrows.png", value: "rbxassetid://106" },
  { file: "assets/ui/arrows/left.png", key: "arrows/left.png", value: "rbxassetid://107" },
  { file: "assets/ui/end.png", key: "end.png", value: "rbxassetid://108" },
  { file: "assets/ui/café.png", key: "café.png", value: "rbxassetid://109" },
  { file: "assets/ui/2x.png", key: "2x.png", value: "rbxassetid://110" },
  {
    file: "assets/ui/icons/heart.png",
    key: "icons/heart.png",
    value: { image: "rbxassetid://200", offset: { x: 0, y: 32 }, size: { x: 16, y: 16 } },
  },
];
const lockfile = "rbxassets.lock.json";
const sprite = (id: number, y: number) => ({
  image: `rbxassetid://${id}`,
  offset: { x: 0, y },
  size: { x: 16, y: 16 },
});
const all = { luau: "src/shared/UI.luau", dts: "src/shared/UI.d.ts", ts: "src/ui.ts" };

describe("generated modules", () => {
  it("nested style: tables by folder, stems as keys, quoted where needed", async () => {
    const out = renderInputModules({ ...all, style: "nested" }, files, lockfile);
    await expect(out.luau).toMatchFileSnapshot("fixtures/codegen-snapshots/nested.luau");
    await expect(out.dts).toMatchFileSnapshot("fixtures/codegen-snapshots/nested.d.ts");
    await expect(out.ts).toMatchFileSnapshot("fixtures/codegen-snapshots/nested.ts");
  });

  it("flat style: one level of paths below the input's base, without extension unless two would meet", async () => {
    const out = renderInputModules({ ...all, style: "flat" }, files, lockfile);
    await expect(out.luau).toMatchFileSnapshot("fixtures/codegen-snapshots/flat.luau");
    await expect(out.dts).toMatchFileSnapshot("fixtures/codegen-snapshots/flat.d.ts");
    await expect(out.ts).toMatchFileSnapshot("fixtures/codegen-snapshots/flat.ts");
  });

  // The codegen options on `output`, each in both styles (asphalt's and tarmac's modules map onto them).
  for (const style of ["nested", "flat"] as const) {
    for (const [name, options] of [
      ["extensions-keep", { extensions: "keep" }],
      ["keys-project", { keys: "project" }],
      ["content", { content: true }],
    ] as const) {
      it(`${style} style with ${name}`, async () => {
        const out = renderInputModules({ ...all, style, ...options }, files, lockfile);
        await expect(out.luau).toMatchFileSnapshot(`fixtures/codegen-snapshots/${style}-${name}.luau`);
        await expect(out.dts).toMatchFileSnapshot(`fixtures/codegen-snapshots/${style}-${name}.d.ts`);
      });
    }
  }

  it("DPI variants beside an image are one entry, a function of the DPI scale (nested and flat)", async () => {
    const dpiFiles: ModuleFile[] = [
      { file: "assets/ui/icon.png", key: "icon.png", value: "rbxassetid://301" },
      { file: "assets/ui/icon@2x.png", key: "icon@2x.png", value: "rbxassetid://302" },
      { file: "assets/ui/icon@3x.png", key: "icon@3x.png", value: "rbxassetid://303" },
      { file: "assets/ui/tabs/home.png", key: "tabs/home.png", value: sprite(400, 0) },
      { file: "assets/ui/tabs/home@2x.png", key: "tabs/home@2x.png", value: sprite(400, 16) },
      { file: "assets/ui/lonely@2x.png", key: "lonely@2x.png", value: "rbxassetid://305" },
    ];
    for (const style of ["nested", "flat"] as const) {
      const out = renderInputModules({ ...all, style }, dpiFiles, lockfile);
      await expect(out.luau).toMatchFileSnapshot(`fixtures/codegen-snapshots/${style}-dpi.luau`);
      await expect(out.dts).toMatchFileSnapshot(`fixtures/codegen-snapshots/${style}-dpi.d.ts`);
      await expect(out.ts).toMatchFileSnapshot(`fixtures/codegen-snapshots/${style}-dpi.ts`);
    }
    // The Luau reads as Lua (no Luau-only syntax), each group a function.
    const read = readLuauModule(renderInputModules({ ...all, style: "nested" }, dpiFiles, lockfile).luau!);
    expect(Object.fromEntries(read)).toEqual({
      icon: {
        kind: "dpi",
        ids: new Map([
          [3, "303"],
          [2, "302"],
          [1, "301"],
        ]),
      },
      "tabs/home": { kind: "dpi" },
      "lonely@2x": { kind: "id", id: "305" },
    });
    // The plain TypeScript module runs: the highest scale not above the device's.
    const ts = renderInputModules({ ts: "a.ts", style: "flat" }, dpiFiles, lockfile).ts!;
    const js = ts
      .replace(/ as const;/, ";")
      .replace(/\(dpiScale: number\)/g, "(dpiScale)")
      .replace(/^export default assets;$/m, "");
    const mod = await import(`data:text/javascript,${encodeURIComponent(js)}`);
    expect([1, 1.5, 2, 2.5, 3, 4].map((scale) => mod.assets.icon(scale))).toEqual([
      "rbxassetid://301",
      "rbxassetid://301",
      "rbxassetid://302",
      "rbxassetid://302",
      "rbxassetid://303",
      "rbxassetid://303",
    ]);
  });

  it("every module's first line carries @generated", () => {
    const out = renderInputModules({ ...all, style: "nested" }, files, lockfile);
    for (const text of [out.luau, out.dts, out.ts]) expect(text?.split("\n")[0]).toMatch(/@generated/);
  });

  it("does not depend on the order files come in, and renders only the modules asked for", () => {
    const forward = renderInputModules({ ...all, style: "nested" }, files, lockfile);
    const backward = renderInputModules({ ...all, style: "nested" }, [...files].reverse(), lockfile);
    expect(backward).toEqual(forward);
    expect(Object.keys(renderInputModules({ luau: "a.luau", style: "nested" }, files, lockfile))).toEqual([
      "luau",
    ]);
  });
});

describe("writing modules", () => {
  let project: Awaited<ReturnType<typeof tempProject>>;
  beforeEach(async () => {
    project = await tempProject("rbxassets-codegen-");
  });
  afterEach(() => project.dispose());

  it("leaves a module untouched when its text is the same, and rewrites it when not", async () => {
    const output = { ...all, style: "nested" as const };
    expect(await writeInputModules(project.root, output, files, lockfile)).toEqual([
      all.luau,
      all.dts,
      all.ts,
    ]);
    const path = join(project.root, all.luau);
    const first = await stat(path);
    await new Promise((r) => setTimeout(r, 20));
    expect(await writeInputModules(project.root, output, [...files].reverse(), lockfile)).toEqual([]);
    expect((await stat(path)).mtimeMs).toBe(first.mtimeMs);
    const changed = files.map((f) => (f.key === "play.png" ? { ...f, value: "rbxassetid://999" } : f));
    expect(await writeInputModules(project.root, output, changed, lockfile)).toEqual([
      all.luau,
      all.dts,
      all.ts,
    ]);
    expect(await readFile(path, "utf8")).toContain('play = "rbxassetid://999"');
  });

  it("the .d.ts types a roblox-ts import as the real ids (checked by tsc)", async () => {
    // A small roblox-ts-like project: a `shared` folder reached by baseUrl, Vector2 as @rbxts/types has it.
    const root = project.root;
    const variants: ModuleFile[] = [
      { file: "assets/ui/coin.png", key: "coin.png", value: "rbxassetid://301" },
      { file: "assets/ui/coin@2x.png", key: "coin@2x.png", value: "rbxassetid://302" },
    ];
    const out = renderInputModules({ ...all, style: "nested" }, [...files, ...variants], lockfile);
    await mkdir(join(root, "src/shared"), { recursive: true });
    await mkdir(join(root, "src/client"), { recursive: true });
    await writeFile(join(root, "src/shared/UI.d.ts"), out.dts!);
    await writeFile(
      join(root, "src/globals.d.ts"),
      "interface Vector2 { readonly X: number; readonly Y: number }\n",
    );
    await writeFile(
      join(root, "src/client/main.ts"),
      [
        'import assets from "shared/UI";',
        'const play: "rbxassetid://101" = assets.play;',
        'const stop: "rbxassetid://102" = assets.buttons.stop;',
        'const big: "rbxassetid://103" = assets.buttons["Big Button"];',
        'const jpg: "rbxassetid://105" = assets["logo.jpg"];',
        'const atlas: "rbxassetid://200" = assets.icons.heart.Image;',
        "const rect: Vector2 = assets.icons.heart.ImageRectSize;",
        'const coin: "rbxassetid://301" | "rbxassetid://302" = assets.coin(2);',
        "// @ts-expect-error: DPI variants are a function of the scale",
        "assets.coin.length satisfies string;",
        "// @ts-expect-error: the literal type is the real id, so another id does not fit",
        'const wrong: "rbxassetid://1" = assets.play;',
        "// @ts-expect-error: a file that is not in the input is not a key",
        "assets.missing;",
        "export { play, stop, big, jpg, atlas, rect, wrong, coin };",
        "",
      ].join("\n"),
    );
    await writeFile(
      join(root, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: "ESNext",
          module: "commonjs",
          moduleResolution: "node",
          allowSyntheticDefaultImports: true,
          baseUrl: "src",
          types: [],
          noLib: false,
          lib: ["ESNext"],
        },
        include: ["src"],
      }),
    );
    const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
    const result = await promisify(execFile)(process.execPath, [tsc, "-p", root]).catch(
      (error: { stdout?: string }) => ({ stdout: error.stdout ?? String(error) }),
    );
    expect(result.stdout).toBe("");
  });
});
