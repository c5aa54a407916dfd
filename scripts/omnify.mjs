#!/usr/bin/env node
// The entry point of the README's commands; needs only Node 20+ and npm.
//   npm start  → install, then run the whole stack on embedded defaults
//   npm test   → install, then type-check, lint, unit + integration + browser tests
//   npm run dev → install, then the stack with hot reload
// pnpm is installed with npm into .omnify/tools at the version pinned in
// package.json#packageManager (corepack is not needed) and put first on PATH,
// so that turbo and every script find the same pnpm.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { packageManager } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
const isCI = process.env.CI === "true";

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", ...options });
  if (result.status !== 0) {
    console.error(`\n✗ ${[command, ...args].join(" ")} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
}

const pnpmVersion = packageManager.replace(/^pnpm@/, "");
const toolsDir = path.join(root, ".omnify", "tools");
const pnpmBin = path.join(toolsDir, "node_modules", ".bin", "pnpm");

function ensurePnpm() {
  const installed = path.join(toolsDir, "node_modules", "pnpm", "package.json");
  const current = existsSync(installed) ? JSON.parse(readFileSync(installed, "utf8")).version : undefined;
  if (current !== pnpmVersion) {
    step(`Installing pnpm ${pnpmVersion} into .omnify/tools`);
    run("npm", [
      "install",
      "--prefix",
      toolsDir,
      "--no-save",
      "--no-package-lock",
      "--no-audit",
      "--no-fund",
      packageManager,
    ]);
  }
  process.env.PATH = `${path.dirname(pnpmBin)}${path.delimiter}${process.env.PATH}`;
}

const pnpm = (args, options) => run(pnpmBin, args, options);

function step(title) {
  console.log(`\n▶ ${title}`);
}

function install() {
  ensurePnpm();
  step(`Installing dependencies (${packageManager})`);
  pnpm(["install", "--frozen-lockfile", "--prefer-offline"]);
}

/** Browser tests need Chromium; as root we install Debian's, otherwise we say how. */
function ensureChromium() {
  const candidates = [
    process.env.CHROMIUM_PATH,
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
  ];
  const found = candidates.find((candidate) => candidate && existsSync(candidate));
  if (found) return found;
  if (process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
    step("Installing Chromium for the browser tests (apt-get)");
    run("apt-get", ["update", "-qq"]);
    run("apt-get", ["install", "-y", "-qq", "chromium"], {
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    return "/usr/bin/chromium";
  }
  console.error(
    "Browser tests need Chromium: install it (e.g. `sudo apt-get install chromium`) or set CHROMIUM_PATH.",
  );
  process.exit(1);
}

/** Runs the stack CLI in this process, so Ctrl-C reaches exactly one supervisor. */
async function runStack(command) {
  // Resolved only now: tsx is a dependency, present once the install has run.
  const { register } = await import("tsx/esm/api");
  register();
  process.argv = [process.argv[0], "omnify", command];
  await import(pathToFileURL(path.join(root, "packages/stack/src/cli.ts")).href);
}

const command = process.argv[2];
switch (command) {
  case "start":
  case "dev":
    install();
    await runStack(command);
    break;
  case "test": {
    const started = Date.now();
    install();
    const chromium = ensureChromium();
    const turbo = (...args) => pnpm(["exec", "turbo", "run", ...args, "--output-logs=errors-only"]);
    process.env.TURBO_TELEMETRY_DISABLED = "1";
    step("Lint and format check (Biome)");
    pnpm(["exec", "biome", "ci", "."]);
    step("Type-check every package and build the SPAs");
    turbo("typecheck", "build");
    const vitestReport = path.join(root, ".omnify", "test-results", "vitest.json");
    step("Unit and integration tests (Vitest, real PostgreSQL)");
    pnpm([
      "exec",
      "vitest",
      "run",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${vitestReport}`,
    ]);
    step("Browser tests (Playwright, Chromium)");
    pnpm(["--filter", "@omnify/e2e", "test"], { env: { ...process.env, CHROMIUM_PATH: chromium } });
    const unit = JSON.parse(readFileSync(vitestReport, "utf8"));
    const browser = JSON.parse(readFileSync(path.join(root, "e2e/test-results/results.json"), "utf8")).stats;
    const passed = unit.numPassedTests + browser.expected;
    const failed = unit.numFailedTests + browser.unexpected + browser.flaky;
    const seconds = Math.round((Date.now() - started) / 1000);
    console.log(`\n✓ All checks passed in ${seconds}s${isCI ? " (CI)" : ""}.`);
    console.log(`Tests: ${passed} passed, ${failed} failed`);
    break;
  }
  default:
    console.error("Usage: node scripts/omnify.mjs start | dev | test");
    process.exit(1);
}
