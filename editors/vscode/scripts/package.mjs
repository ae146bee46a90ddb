// `npm run package`: bundles the extension and writes a .vsix.
//   npm run package                                  brieflint.vsix, no server inside (uses brieflint.server.path or PATH)
//   npm run package -- --target linux-x64            brieflint-linux-x64.vsix with the server in server/brieflint
//   npm run package -- --target win32-x64 --binary path/to/brieflint.exe
// The server binary for --target comes from --binary, else the BRIEFLINT_BINARY environment variable, else (for
// the host's own target only) ../../target/release/brieflint. It must be built for the target: its header is
// checked, so a Linux binary never ships in the macOS package.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { binaryFor, checkBinary, hostTarget, TARGETS } from "../out-test/packaging.js";

const here = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

function fail(message) {
  console.error(`npm run package: ${message}`);
  process.exit(1);
}

function option(name) {
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    if (args[i] === name) return args[i + 1] ?? fail(`${name} needs a value`);
    if (args[i].startsWith(`${name}=`)) return args[i].slice(name.length + 1);
  }
  return undefined;
}

const target = option("--target");
const vsce = path.join(here, "node_modules", ".bin", process.platform === "win32" ? "vsce.cmd" : "vsce");
const serverDir = path.join(here, "server");
// A server left from another target's package must not ship in this one.
fs.rmSync(serverDir, { recursive: true, force: true });

let out = "brieflint.vsix";
const args = ["package", "--no-dependencies"];
if (target !== undefined) {
  if (!TARGETS.includes(target)) fail(`unknown target "${target}"; the targets are ${TARGETS.join(", ")}`);
  const binary = option("--binary") ?? process.env.BRIEFLINT_BINARY ?? (
    target === hostTarget(process.platform, process.arch)
      ? path.resolve(here, "..", "..", "target", "release", binaryFor(target))
      : fail(`--target ${target} is not this machine's; give its server with BRIEFLINT_BINARY=path or --binary path`)
  );
  if (!fs.existsSync(binary)) fail(`the server binary ${binary} does not exist (build it with cargo build --release -p brieflint)`);
  const problem = checkBinary(target, fs.readFileSync(binary).subarray(0, 4096));
  if (problem) fail(`${binary}: ${problem}`);
  fs.mkdirSync(serverDir);
  const bundled = path.join(serverDir, binaryFor(target));
  fs.copyFileSync(binary, bundled);
  fs.chmodSync(bundled, 0o755);
  console.log(`bundled ${binary} as server/${binaryFor(target)}`);
  out = `brieflint-${target}.vsix`;
  args.push("--target", target);
}
args.push("--out", out);
execFileSync(vsce, args, { cwd: here, stdio: "inherit", shell: process.platform === "win32" });
console.log(`wrote ${path.join(here, out)}`);
