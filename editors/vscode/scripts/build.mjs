// Bundles src/extension.ts and vscode-languageclient into dist/extension.js (CommonJS, Node).
import { build } from "esbuild";

const production = process.argv.includes("--production");
await build({
  entryPoints: ["src/extension.ts"],
  bundle: true,
  outfile: "dist/extension.js",
  platform: "node",
  format: "cjs",
  target: "node20",
  external: ["vscode"],
  minify: production,
  sourcemap: !production,
  logLevel: "info",
});
// The settings helpers as an ES module of their own, for the unit tests.
await build({
  entryPoints: ["src/settings.ts"],
  outfile: "dist/settings.mjs",
  platform: "node",
  format: "esm",
  target: "node20",
  logLevel: "warning",
});
