// Bundles db/setup.ts to build/setup/setup.js (run by `npm run db:setup`), so setting up the
// database in production needs neither tsx nor any other dev dependency. Packages stay external
// (node_modules is there at run time); the demo seed is a separate chunk, loaded by a dynamic
// import in demo/test mode only. The build fails if the code setup.js loads up front imports a
// package that is not in "dependencies", because `npm prune --omit=dev` would remove it.
import fs from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import { build } from "esbuild";

const outdir = "build/setup";
const pkg = JSON.parse(fs.readFileSync("package.json", "utf8"));
const production = new Set(Object.keys(pkg.dependencies ?? {}));
const builtins = new Set(builtinModules);

fs.rmSync(outdir, { recursive: true, force: true });
const result = await build({
  entryPoints: { setup: "db/setup.ts" },
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  // Packages stay external, but not the path aliases of tsconfig.json (`~/*`, `#db/*`), which
  // esbuild resolves itself (its own `packages: "external"` would leave them as imports).
  plugins: [
    {
      name: "external-packages",
      setup(b) {
        b.onResolve({ filter: /^[^./~#]/ }, (args) => (path.isAbsolute(args.path) ? undefined : { path: args.path, external: true }));
      },
    },
  ],
  chunkNames: "chunks/[name]-[hash]",
  metafile: true,
  logLevel: "warning",
});

// The package a bare import belongs to: "drizzle-orm/sqlite-core" → "drizzle-orm", "@a/b/c" → "@a/b".
const packageOf = (specifier) => /^(?:@[^/]+\/)?[^/]+/.exec(specifier)[0];

// Everything setup.js imports statically, chunks included.
const outputs = result.metafile.outputs;
const entry = path.posix.join(outdir, "setup.js");
const seen = new Set();
const wrong = new Set();
const queue = [entry];
while (queue.length > 0) {
  const file = queue.pop();
  if (seen.has(file)) continue;
  seen.add(file);
  for (const imported of outputs[file]?.imports ?? []) {
    if (imported.kind !== "import-statement") continue;
    if (!imported.external) queue.push(imported.path);
    else if (!imported.path.startsWith("node:") && !builtins.has(imported.path) && !production.has(packageOf(imported.path))) wrong.add(imported.path);
  }
}
if (!outputs[entry]) throw new Error(`build-setup: ${entry} was not written`);
if (wrong.size > 0) {
  console.error(`build-setup: db/setup.ts loads packages that are not production dependencies: ${[...wrong].join(", ")}.`);
  console.error('Move them to "dependencies" or import the code that needs them dynamically, as the demo seed is.');
  process.exit(1);
}
console.log(`build-setup: ${entry} (production dependencies only; the demo seed is loaded on demand)`);
