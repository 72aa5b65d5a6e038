// Start of every package's build: tsc never deletes output, so a file whose source was moved or removed
// would stay in dist/ and be published. Runs in the package's folder.
import { rmSync } from "node:fs";

rmSync("dist", { recursive: true, force: true });
