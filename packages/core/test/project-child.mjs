// Loads the project file of PROJECT_ROOT in a plain Node process (no test runner's module transform), so
// that TypeScript project files go through Node's own type stripping, as they do for users. Prints one
// JSON line: the loaded project, or the error's message.
import { loadProject } from "../dist/node/index.js";

try {
  const project = await loadProject(process.env.PROJECT_ROOT);
  console.log(JSON.stringify({ project }));
} catch (error) {
  console.log(JSON.stringify({ error: error instanceof Error ? error.message : String(error) }));
}
