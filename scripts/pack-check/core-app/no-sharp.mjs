// Run by the pack check in the core app, which installs @rbxassets/core alone (no sharp): asking the
// pipeline to process an image there fails in one line that names what to install. Prints that line.
import { mkdir, writeFile } from "node:fs/promises";
import { createPipeline } from "@rbxassets/core/node";

await mkdir("assets", { recursive: true });
await writeFile("assets/icon.svg", '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>');
try {
  await createPipeline({ root: process.cwd() }).resolve("assets/icon.svg");
  console.log("resolved without sharp");
} catch (error) {
  console.log(`${error.rule}: ${error.message}`);
}
