// End-to-end test of the packaged extension in a real VS Code: code-server (VS Code in the
// browser) driven by Debian's Chromium through playwright-core.
//
//   CODE_SERVER=…/code-server VSIX=dist/agentls-0.1.0.vsix node test/e2e.mjs
//
// Installs the .vsix into a fresh profile, opens a workspace with a broken agent, then checks
// the Problems panel, completion in `tools:` and hover on `model:`. Screenshots and logs go to
// test-output/ (gitignored). Prints one `ok` / `not ok` line per check and `N passed, N failed`.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = path.dirname(fileURLToPath(import.meta.url));
const extRoot = path.resolve(here, "..");
const out = path.resolve(process.env.AGENTLS_TEST_OUTPUT ?? path.join(extRoot, "test-output"));
const codeServer = process.env.CODE_SERVER ?? "code-server";
const vsix = path.resolve(extRoot, process.env.VSIX ?? "dist/agentls-0.1.0.vsix");
const browserPath = process.env.CHROMIUM ?? "/usr/lib/chromium/chromium";

const results = [];
function check(name, ok, detail) {
  results.push({ name, ok });
  console.log(`${ok ? "ok" : "not ok"} - ${name}${!ok && detail ? `: ${detail}` : ""}`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url, ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${ms} ms`);
}

fs.mkdirSync(out, { recursive: true });
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "agentls-vscode-"));
const userData = path.join(tmp, "user-data");
const extensions = path.join(tmp, "extensions");
const ws = path.join(tmp, "workspace");

// A workspace with a broken agent and an ordinary README.
fs.mkdirSync(path.join(ws, ".claude", "agents"), { recursive: true });
fs.writeFileSync(
  path.join(ws, ".claude", "agents", "broken.md"),
  [
    "---",
    "name: broken",
    "description: Runs the test suite and explains each failure.",
    "tools: Read, Raed",
    "model: sonet",
    "color: blue",
    "---",
    "",
    "You are a test runner. Run the tests and explain each failure.",
    "",
  ].join("\n"),
);
fs.writeFileSync(path.join(ws, "README.md"), "# Notes\n\nPlain Markdown.\n");
fs.mkdirSync(path.join(userData, "User"), { recursive: true });
fs.writeFileSync(
  path.join(userData, "User", "settings.json"),
  JSON.stringify(
    {
      "security.workspace.trust.enabled": false,
      "workbench.startupEditor": "none",
      "workbench.tips.enabled": false,
      "workbench.welcomePage.walkthroughs.openOnInstall": false,
      "extensions.ignoreRecommendations": true,
      "telemetry.telemetryLevel": "off",
      "editor.quickSuggestionsDelay": 0,
      "window.commandCenter": false,
      "workbench.secondarySideBar.defaultVisibility": "hidden",
      ...JSON.parse(process.env.AGENTLS_E2E_SETTINGS ?? "{}"),
    },
    null,
    2,
  ),
);

let server;
let browser;
try {
  // 1. Install the .vsix.
  const install = spawnSync(
    codeServer,
    ["--user-data-dir", userData, "--extensions-dir", extensions, "--install-extension", vsix],
    { encoding: "utf8" },
  );
  check(
    "the .vsix installs into code-server",
    install.status === 0 && /agentls/.test(install.stdout + install.stderr),
    `${install.status} ${install.stdout} ${install.stderr}`,
  );

  // 2. Start code-server on a free loopback port.
  const port = await freePort();
  const log = fs.openSync(path.join(out, "code-server.log"), "w");
  server = spawn(
    codeServer,
    [
      "--bind-addr", `127.0.0.1:${port}`,
      "--auth", "none",
      "--disable-telemetry",
      "--disable-update-check",
      "--disable-workspace-trust",
      "--user-data-dir", userData,
      "--extensions-dir", extensions,
      ws,
    ],
    { stdio: ["ignore", log, log], detached: true },
  );
  await waitForHttp(`http://127.0.0.1:${port}/healthz`, 60_000);

  browser = await chromium.launch({ executablePath: browserPath, headless: true, args: ["--no-sandbox"] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(ws)}`);
  await page.waitForSelector(".monaco-workbench", { timeout: 60_000 });
  await page.waitForSelector(".explorer-folders-view, .explorer-viewlet", { timeout: 60_000 }).catch(() => {});

  // 3. Open the broken agent.
  const openFile = async (name) => {
    await page.locator(".monaco-workbench").click({ position: { x: 640, y: 400 } }).catch(() => {});
    await page.keyboard.press("Control+P");
    await page.waitForSelector(".quick-input-widget input", { state: "visible" });
    await page.keyboard.type(name, { delay: 20 });
    await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${name}"]`, { timeout: 20_000 });
    await page.keyboard.press("Enter");
    await page.waitForSelector(`.tab.active[aria-label*="${name}"], .tab.active[title*="${name}"]`, { timeout: 20_000 }).catch(() => {});
    await page.waitForSelector(".monaco-editor .view-lines", { timeout: 20_000 });
  };
  await openFile("broken.md");
  const editor = page.locator(".editor-instance .monaco-editor").first();
  await editor.click({ position: { x: 200, y: 10 } });

  // 4. The diagnostic shows in the Problems panel.
  await page.keyboard.press("Control+Shift+M");
  const problems = page.locator(".markers-panel");
  let problemsText = "";
  try {
    await page.waitForFunction(
      () => {
        const t = document.querySelector(".markers-panel")?.textContent ?? "";
        return t.includes("claude-agent/unknown-model") && t.includes("claude-agent/unknown-tool");
      },
      null,
      { timeout: 30_000 },
    );
  } catch {
    // reported below
  }
  problemsText = (await problems.textContent().catch(() => "")) ?? "";
  check(
    "Problems panel lists agentls's unknown-model diagnostic",
    /unknown model `?sonet`?/.test(problemsText) && problemsText.includes("agentls"),
    problemsText.slice(0, 400),
  );
  check("Problems panel lists the unknown tool Raed", problemsText.includes("Raed"), problemsText.slice(0, 400));
  // Decorations are drawn a moment after the markers arrive (later still on a loaded machine).
  await page
    .waitForFunction(() => document.querySelectorAll(".monaco-editor .squiggly-warning").length >= 2, null, {
      timeout: 20_000,
    })
    .catch(() => {});
  const squiggles = await page.locator(".monaco-editor .squiggly-warning").count();
  check("warning squiggles are drawn in the editor", squiggles >= 2, `${squiggles} squiggles`);

  // 5. Completion in `tools:` offers a built-in tool.
  await editor.click({ position: { x: 200, y: 10 } });
  await page.keyboard.press("Control+G");
  await page.waitForSelector(".quick-input-widget input", { state: "visible" });
  await page.keyboard.type("4", { delay: 20 });
  await page.keyboard.press("Enter");
  await page.keyboard.press("End");
  await page.keyboard.type(", ", { delay: 50 });
  await page.keyboard.press("Control+Space");
  let labels = [];
  try {
    await page.waitForSelector(".suggest-widget.visible .monaco-list-row", { timeout: 15_000 });
    await page.waitForTimeout(300);
    labels = await page.locator(".suggest-widget.visible .monaco-list-row .label-name").allTextContents();
  } catch {
    // reported below
  }
  const builtIns = ["Grep", "Glob", "Write", "Edit", "Bash", "WebFetch", "WebSearch", "Task", "Agent"];
  check(
    "completion in tools: offers a built-in tool",
    labels.some((l) => builtIns.includes(l.trim())),
    JSON.stringify(labels),
  );
  check("completion does not offer a tool already listed (Read)", !labels.map((l) => l.trim()).includes("Read"), JSON.stringify(labels));
  // Let the details of the first item render, then the screenshot: diagnostics + completion.
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(out, "vscode-diagnostic-completion.png") });
  // The editor and the Problems panel only (editors/vscode/screenshot.png is one of these).
  await page.screenshot({
    path: path.join(out, "vscode-diagnostic-completion-cropped.png"),
    clip: { x: 352, y: 30, width: 928, height: 600 },
  });
  await page.keyboard.press("Escape");
  await page.keyboard.press("Control+Z");

  // 6. Hover on `model:` shows the key's doc.
  await page.keyboard.press("Control+G");
  await page.waitForSelector(".quick-input-widget input", { state: "visible" });
  await page.keyboard.type("5:3", { delay: 20 });
  await page.keyboard.press("Enter");
  await page.keyboard.press("Control+K");
  await page.keyboard.press("Control+I");
  let hoverText = "";
  try {
    await page.waitForFunction(
      () => {
        const h = [...document.querySelectorAll(".monaco-hover")].map((e) => e.textContent ?? "").join("\n");
        return h.includes("model") && h.length > 40;
      },
      null,
      { timeout: 15_000 },
    );
  } catch {
    // reported below
  }
  hoverText = (await page.locator(".monaco-hover").allTextContents().catch(() => [])).join("\n");
  check("hover on model: shows the doc", /model/i.test(hoverText) && /(sonnet|opus|alias|inherit)/i.test(hoverText), hoverText.slice(0, 400));
  await page.screenshot({ path: path.join(out, "vscode-hover.png") });

  // 7. The output channel exists (command "agentls: Show Output").
  await page.keyboard.press("Escape");
  await page.keyboard.press("F1");
  await page.waitForSelector(".quick-input-widget input", { state: "visible" });
  await page.keyboard.type("agentls: Show Output", { delay: 10 });
  const showOutput = page.locator('.quick-input-list .monaco-list-row[aria-label*="agentls: Show Output"]').first();
  await showOutput.waitFor({ timeout: 10_000 }).catch(() => {});
  const commands = await page.locator(".quick-input-list .monaco-list-row").allTextContents();
  check("command agentls: Show Output is registered", commands.some((c) => c.includes("Show Output")), JSON.stringify(commands));
  await showOutput.click().catch(() => page.keyboard.press("Enter"));
  let outputText = "";
  try {
    // Monaco renders spaces as U+00A0.
    await page.waitForFunction(() => document.body.innerText.replace(/\u00a0/g, " ").includes("(from bundled)"), null, {
      timeout: 10_000,
    });
  } catch {
    // reported below
  }
  outputText = (await page.evaluate(() => document.body.innerText)).replace(/\u00a0/g, " ");
  check(
    "agentls: Show Output shows the bundled server was started",
    /server: [^\n]*agentls \(from bundled\)/.test(outputText.replace(/\n(?!20\d\d-)/g, "")),
    outputText.slice(-600),
  );
  await page.screenshot({ path: path.join(out, "vscode-output.png") });

  // 8. agentls.formats.claude-agent.enable = false restarts the client without subagents:
  // agentls's findings go away (VS Code's own chat validation, if any, stays).
  // code-server does not watch settings.json for outside writes: flip it in the Settings UI.
  await page.keyboard.press("Escape");
  await page.keyboard.press("Control+Comma");
  await page.waitForSelector(".settings-editor .suggest-input-container", { timeout: 15_000 });
  await page.keyboard.type("agentls.formats.claude-agent.enable", { delay: 10 });
  const checkbox = page.locator('.settings-editor .setting-item-contents:has-text("Claude Code subagents") .setting-value-checkbox').first();
  await checkbox.waitFor({ timeout: 15_000 });
  await checkbox.click();
  await page.waitForTimeout(500);
  await page.keyboard.press("Control+W");
  await page.keyboard.press("Control+Shift+M");
  let cleared = false;
  try {
    await page.waitForFunction(
      () => {
        const t = document.querySelector(".markers-panel")?.textContent ?? "";
        return t.length > 0 && !t.includes("claude-agent/unknown-model");
      },
      null,
      { timeout: 20_000 },
    );
    cleared = true;
  } catch {
    // reported below
  }
  check(
    "agentls.formats.claude-agent.enable = false removes agentls's findings",
    cleared,
    ((await problems.textContent().catch(() => "")) ?? "").slice(0, 400),
  );
  await page.screenshot({ path: path.join(out, "vscode-disabled.png") });
} catch (err) {
  check("the test ran to the end", false, err?.stack ?? String(err));
} finally {
  await browser?.close().catch(() => {});
  if (server?.pid) {
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
  if (!process.env.AGENTLS_E2E_KEEP) fs.rmSync(tmp, { recursive: true, force: true });
  else console.log(`kept ${tmp}`);
}

const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
console.log(`vscode: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
