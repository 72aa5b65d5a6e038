// Vite settings the plugin's suites share.
import { stripVTControlCharacters } from "node:util";
import type { InlineConfig, PluginOption } from "vite";

/** A Vite logger that keeps every info line (colours stripped) and drops the rest. */
export function collectingLogger(infos: string[]) {
  return {
    hasWarned: false,
    info: (message: string) => {
      infos.push(stripVTControlCharacters(message));
    },
    warn: () => {},
    warnOnce: () => {},
    error: () => {},
    clearScreen: () => {},
    hasErrorLogged: () => false,
  };
}

/** A dev server in middleware mode, quiet, with no file watcher, socket or dependency scan: modules only. */
export function devServerConfig(root: string, plugin: PluginOption): InlineConfig {
  return {
    root,
    configFile: false,
    envFile: false,
    logLevel: "silent",
    appType: "custom",
    optimizeDeps: { noDiscovery: true, include: [] },
    server: { middlewareMode: true, ws: false, watch: null },
    plugins: [plugin],
  };
}
