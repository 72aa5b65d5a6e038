// What differs by runtime. Bun: the file part must carry a filename and a Content-Type whatever the
// runtime's FormData keeps, so the browser path (global fetch with FormData) is checked at the emulator,
// which records each part as sent. Deno: a client given every option must not touch the environment
// (without --allow-env any read throws), checked in a child process whose process.env throws on access.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { DEFAULT_EMULATOR_API_KEY } from "@rbxassets/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAssetsClient } from "../src/index.js";
import { createNodeAssetsClient } from "../src/node/index.js";
import { startTestEmulator } from "./helpers/emulator.js";
import { imageRequest, PNG_1X1 } from "./helpers/fixtures.js";

type Emulator = Awaited<ReturnType<typeof startTestEmulator>>;
let emulator: Emulator;

beforeAll(async () => {
  emulator = await startTestEmulator();
});

afterAll(async () => {
  await emulator?.close();
});

const lastFilePart = () => emulator.stats().fileParts.at(-1);

describe("the file part has a filename and a Content-Type", () => {
  const client = () =>
    createAssetsClient({ baseUrl: emulator.url, apiKey: DEFAULT_EMULATOR_API_KEY, env: {} });

  it.each([
    ["bare bytes", () => PNG_1X1, "file.png"],
    ["a Blob without a type", () => new Blob([PNG_1X1]), "file.png"],
    ["bytes with a file name", () => ({ data: PNG_1X1, fileName: "logo.png" }), "logo.png"],
    ["a File", () => new File([PNG_1X1], "icon.png"), "icon.png"],
  ])("browser path (global fetch, FormData): %s", async (_, file, fileName) => {
    await client().createAsset({ request: imageRequest(), file: file() });
    expect(lastFilePart()).toEqual({ operationId: "Assets_CreateAsset", fileName, contentType: "image/png" });
  });

  it("node path (a file on disk, streamed with its length)", async () => {
    const node = createNodeAssetsClient({ baseUrl: emulator.url, apiKey: DEFAULT_EMULATOR_API_KEY, env: {} });
    const dir = await mkdtemp(join(tmpdir(), "rbxassets-part-"));
    await writeFile(join(dir, "disk.png"), PNG_1X1);
    await node.createAsset({ request: imageRequest(), file: { path: join(dir, "disk.png") } });
    expect(lastFilePart()).toMatchObject({ fileName: "disk.png", contentType: "image/png" });
    await rm(dir, { recursive: true, force: true });
  });
});

describe("explicit options never read the environment", () => {
  const run = promisify(execFile);
  // While core is loaded, and the client made and used, any read of process.env by core's code throws, as every read does
  // in Deno without --allow-env. (Node's own internals, such as assert's colour check, still read it: they
  // are Node's, and Deno has its own.)
  const childScript = (options: string) => `
    const real = process.env;
    const fromCore = () => (new Error().stack ?? "").includes(${JSON.stringify(new URL("../dist/", import.meta.url).href)});
    let refused = 0;
    const refuse = (what) => { if (fromCore()) { refused++; throw new Error(what); } };
    const forbidden = new Proxy(real, {
      get(target, key) { refuse("env read: " + String(key)); return target[key]; },
      has(target, key) { refuse("env has: " + String(key)); return key in target; },
      ownKeys(target) { refuse("env keys"); return Reflect.ownKeys(target); },
    });
    Object.defineProperty(process, "env", { value: forbidden, configurable: true, writable: true });
    // Imported under the proxy too: loading core reads no environment either.
    const { createAssetsClient } = await import(${JSON.stringify(new URL("../dist/index.js", import.meta.url).href)});
    let result;
    try {
      const client = createAssetsClient(${options});
      const asset = await client.getAsset("1");
      result = { ok: true, asset };
    } catch (error) {
      result = { ok: false, name: error.name, message: error.message };
    }
    Object.defineProperty(process, "env", { value: real, configurable: true, writable: true });
    console.log(JSON.stringify({ ...result, refused }));
  `;

  it("createAssetsClient with apiKey and baseUrl: a request goes out with no env access", async () => {
    const { stdout } = await run(process.execPath, [
      "--input-type=module",
      "-e",
      childScript(JSON.stringify({ apiKey: DEFAULT_EMULATOR_API_KEY, baseUrl: emulator.url })),
    ]);
    const result = JSON.parse(stdout) as { refused: number; name?: string; message?: string };
    // The asset does not exist: a 404 from the emulator proves the request was made, and no read was tried.
    expect(result.refused).toBe(0);
    expect(result.name).toBe("AssetsApiError");
  });

  it("with credentials left to the environment, core's reads are refused and count as unset", async () => {
    const { stdout } = await run(process.execPath, [
      "--input-type=module",
      "-e",
      childScript(JSON.stringify({ baseUrl: emulator.url })),
    ]);
    const result = JSON.parse(stdout) as { refused: number; message: string };
    expect(result.refused).toBeGreaterThan(0); // the proxy does catch core's reads
    expect(result.message).toMatch(/^No credentials/);
  });
});
