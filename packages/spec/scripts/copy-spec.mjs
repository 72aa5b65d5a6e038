// Ships the specs themselves beside the build, for tools (and the emulator's contract checks) that read them.
import { copyFile } from "node:fs/promises";

for (const file of ["assets-v1.json", "asset-permissions-v1.json", "cloud-v2-asset-quotas.json"]) {
  await copyFile(
    new URL(`../../../openapi/${file}`, import.meta.url),
    new URL(`../dist/${file}`, import.meta.url),
  );
}
