// `node --import ./trace-imports.mjs ...`: records every module the process resolves into
// $TRACE_IMPORTS_FILE, so that a test can check what a plain command loads.
import { register } from "node:module";

register(new URL("./trace-imports-hooks.mjs", import.meta.url), {
  data: { file: process.env.TRACE_IMPORTS_FILE },
});
