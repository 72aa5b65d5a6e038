// prepack of every published package: npm and pnpm pack only a package's own folder, so the repository's
// one LICENSE is copied in before packing (and ignored by git there, so that it lives in one place).
import { copyFileSync } from "node:fs";

copyFileSync(new URL("../LICENSE", import.meta.url), "LICENSE");
