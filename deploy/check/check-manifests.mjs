// Renders each kustomization named on the command line and validates every object against the
// Kubernetes (and Prometheus Operator) schemas of the kubernetes-models packages. Plain YAML files are
// validated as they are. `--must-fail DIR` renders DIR and passes only if validation rejects it, so that
// a validator that accepts everything is caught.
//   node check-manifests.mjs ../kubernetes ../kubernetes/with-servicemonitor ../kubernetes/fleet --must-fail broken
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { isDeepStrictEqual } from "node:util";
import { readYamlDocuments, render } from "./kustomize.mjs";

const MODELS = {
  "v1": "kubernetes-models/v1",
  "apps/v1": "kubernetes-models/apps/v1",
  "rbac.authorization.k8s.io/v1": "kubernetes-models/rbac.authorization.k8s.io/v1",
  "monitoring.coreos.com/v1": "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1",
};

async function validate(object) {
  const module = MODELS[object.apiVersion];
  if (!module) {
    throw new Error(`${object.kind}/${object.metadata?.name}: no schema for apiVersion ${object.apiVersion}`);
  }
  const Model = (await import(module))[object.kind];
  if (!Model) {
    throw new Error(`${object.kind}/${object.metadata?.name}: no schema for kind ${object.kind} in ${object.apiVersion}`);
  }
  try {
    new Model(object).validate();
  } catch (e) {
    throw new Error(`${object.kind}/${object.metadata?.name}: ${e.message}`);
  }
}

function objectsOf(target) {
  return fs.statSync(target).isDirectory() ? render(target) : readYamlDocuments(target);
}

/** Where kubectl exists, this renderer must agree with kustomize itself. */
function compareWithKubectl(dir, objects) {
  let output;
  try {
    output = execFileSync("kubectl", ["kustomize", dir], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    if (e.code === "ENOENT") {
      return "kubectl not found, not compared";
    }
    throw new Error(`${dir}: kubectl kustomize failed: ${e.stderr}`);
  }
  const key = (o) => `${o.apiVersion}/${o.kind}/${o.metadata?.name}`;
  const theirs = new Map(output.split(/^---$/m).map((text) => text.trim()).filter(Boolean)
    .map((text) => readYamlDocumentsFromString(text)).map((o) => [key(o), o]));
  const ours = new Map(objects.map((o) => [key(o), o]));
  if (!isDeepStrictEqual(new Set(theirs.keys()), new Set(ours.keys()))) {
    throw new Error(`${dir}: kubectl kustomize renders ${[...theirs.keys()]}, this renderer ${[...ours.keys()]}`);
  }
  for (const [id, object] of ours) {
    if (!isDeepStrictEqual(JSON.parse(JSON.stringify(object)), theirs.get(id))) {
      throw new Error(`${dir}: ${id} differs from kubectl kustomize's rendering`);
    }
  }
  return "same as kubectl kustomize";
}

function readYamlDocumentsFromString(text) {
  const file = `${process.env.TMPDIR ?? "/tmp"}/switchboard-check-${process.pid}.yaml`;
  fs.writeFileSync(file, text);
  try {
    return readYamlDocuments(file)[0];
  } finally {
    fs.unlinkSync(file);
  }
}

let failures = 0;
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const mustFail = args[i] === "--must-fail";
  const target = mustFail ? args[++i] : args[i];
  try {
    const objects = objectsOf(target);
    for (const object of objects) {
      await validate(object);
    }
    const compared = fs.statSync(target).isDirectory() ? `; ${compareWithKubectl(target, objects)}` : "";
    if (mustFail) {
      console.log(`FAIL ${target}: expected to be rejected, but all ${objects.length} objects validate`);
      failures++;
    } else {
      console.log(`ok   ${target}: ${objects.map((o) => `${o.kind}/${o.metadata.name}`).join(", ")} valid${compared}`);
    }
  } catch (e) {
    if (mustFail) {
      console.log(`ok   ${target}: rejected as it must be: ${e.message.split("\n")[0]}`);
    } else {
      console.log(`FAIL ${target}: ${e.message}`);
      failures++;
    }
  }
}
process.exit(failures === 0 ? 0 : 1);
