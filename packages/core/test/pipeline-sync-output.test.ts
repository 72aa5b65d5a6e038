// What a pipeline shows: never its API key (inspect, JSON), and file names with control characters escaped.
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { createPipeline } from "../src/node/index.js";
import { pipeline, project, syncSessionPerFile } from "./helpers/sync-session.js";
import { fixture, writeFiles } from "./pipeline-fixtures.js";

syncSessionPerFile();

describe("the pipeline keeps its secrets", () => {
  it("util.inspect and JSON.stringify never show the API key; options still work", async () => {
    const secret = "rbx-SECRET-0123456789abcdef";
    const p = createPipeline({ root: project.root, apiKey: secret, env: {}, audio: false });
    for (const text of [
      inspect(p),
      inspect(p, { depth: 10, showHidden: true, getters: true }),
      JSON.stringify(p),
      String(p),
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(inspect(p)).toContain(project.root);
    // Behaviour is unchanged: the options are still read (audio off skips audio files).
    await writeFiles(project.root, { "a.wav": fixture("wav") });
    const report = await p.sync(["."], { check: true });
    expect(report.skipped.map((s) => s.file)).toEqual(["a.wav"]);
  });
});

describe("file names with control characters", () => {
  it("are quoted and escaped in error messages, which stay on one line", async () => {
    await writeFiles(project.root, { "new\nline.png": "not a png" });
    const report = await pipeline().p.sync(["."]);
    expect(report.failed).toHaveLength(1);
    expect(report.failed[0]!.file).toBe("new\nline.png");
    expect(report.failed[0]!.reason).toMatch(/^"new\\nline\.png": the content is not a valid \.png file/);
  });
});
