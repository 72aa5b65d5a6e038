// Ships the spec itself beside the build, for tools (and the emulator's contract checks) that read it.
import { copyFile } from "node:fs/promises";

await copyFile(
  new URL("../../../openapi/assets-v1.json", import.meta.url),
  new URL("../dist/assets-v1.json", import.meta.url),
);
