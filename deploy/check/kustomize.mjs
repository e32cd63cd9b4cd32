// A kustomize-equivalent for the subset deploy/kubernetes uses: resources (files and directories),
// components (kind Component, with resources) and images, read as YAML 1.1 as Kubernetes reads it
// (0440 is octal). No kustomize binary installs from the
// registries CI reaches; anything outside that subset is refused rather than silently ignored, and
// check-manifests.mjs compares the result with `kubectl kustomize` wherever kubectl exists.
import fs from "node:fs";
import path from "node:path";
import { parseAllDocuments } from "yaml";

const SUPPORTED = new Set(["apiVersion", "kind", "resources", "components", "images"]);

export function readYamlDocuments(file) {
  const docs = parseAllDocuments(fs.readFileSync(file, "utf8"), { prettyErrors: true, version: "1.1" });
  return docs.map((doc) => {
    if (doc.errors.length > 0) {
      throw new Error(`${file}: ${doc.errors[0].message}`);
    }
    return doc.toJS();
  }).filter((object) => object !== null && object !== undefined);
}

function kustomizationOf(dir, expectedKind) {
  const file = ["kustomization.yaml", "kustomization.yml", "Kustomization"]
    .map((name) => path.join(dir, name)).find((candidate) => fs.existsSync(candidate));
  if (!file) {
    throw new Error(`${dir}: no kustomization.yaml`);
  }
  const [kustomization] = readYamlDocuments(file);
  if ((kustomization.kind ?? "Kustomization") !== expectedKind) {
    throw new Error(`${file}: kind ${kustomization.kind}, expected ${expectedKind}`);
  }
  for (const field of Object.keys(kustomization)) {
    if (!SUPPORTED.has(field)) {
      throw new Error(`${file}: field ${field} is not supported by this renderer (${[...SUPPORTED].join(", ")})`);
    }
  }
  return { file, kustomization };
}

function resourcesOf(dir, entries) {
  const objects = [];
  for (const entry of entries ?? []) {
    const resolved = path.resolve(dir, entry);
    if (!fs.existsSync(resolved)) {
      throw new Error(`${dir}: resource ${entry} does not exist`);
    }
    objects.push(...(fs.statSync(resolved).isDirectory() ? render(resolved) : readYamlDocuments(resolved)));
  }
  return objects;
}

function podSpecsOf(object) {
  const template = object.spec?.jobTemplate?.spec?.template ?? object.spec?.template;
  return template?.spec ? [template.spec] : [];
}

function setImages(objects, images) {
  for (const image of images ?? []) {
    for (const podSpec of objects.flatMap(podSpecsOf)) {
      for (const container of [...(podSpec.containers ?? []), ...(podSpec.initContainers ?? [])]) {
        const [name, tag] = container.image.split(/:(?=[^/]*$)/);
        if (name === image.name) {
          container.image = `${image.newName ?? name}${image.digest ? "@" + image.digest : ":" + (image.newTag ?? tag ?? "latest")}`;
        }
      }
    }
  }
  return objects;
}

/** The objects `kubectl kustomize dir` prints, in the order they are declared. */
export function render(dir, kind = "Kustomization") {
  const { kustomization } = kustomizationOf(dir, kind);
  const objects = resourcesOf(dir, kustomization.resources);
  for (const component of kustomization.components ?? []) {
    objects.push(...render(path.resolve(dir, component), "Component"));
  }
  const seen = new Set();
  for (const object of objects) {
    const id = `${object.apiVersion}/${object.kind}/${object.metadata?.namespace ?? ""}/${object.metadata?.name}`;
    if (seen.has(id)) {
      throw new Error(`${dir}: ${id} is declared twice`);
    }
    seen.add(id);
  }
  return setImages(objects, kustomization.images);
}
