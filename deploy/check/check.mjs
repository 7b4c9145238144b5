#!/usr/bin/env node
// node deploy/check/check.mjs deploy/k8s [--docs docs/deployment.md] [--env]
//
// Checks the Kubernetes manifests of a directory offline. Every document of every YAML file against the
// Kubernetes API schemas (unknown kinds and unknown fields are errors), then what a schema cannot see: that the
// objects fit together (selectors, ports, references, network policies) and keep the rules the deployment is
// built on (docs/deployment.md). Prints one line per error and exits 1; exits 0 when there is none.
// --env prints, instead of the summary, the environment variables each Deployment's containers get (JSON).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { LineCounter, parseAllDocuments } from "yaml";
import { Schemas } from "./schema.mjs";
import { crossCheck, pathText } from "./rules.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const docsAt = args.indexOf("--docs");
const docsFile = docsAt >= 0 ? args.splice(docsAt, 2)[1] : path.join(here, "..", "..", "docs", "deployment.md");
const printEnv = args.includes("--env") && args.splice(args.indexOf("--env"), 1).length > 0;
if (args.length !== 1) {
  console.error("usage: node check.mjs <manifest directory> [--docs <deployment.md>]");
  process.exit(2);
}
const dir = path.resolve(args[0]);
if (!fs.existsSync(path.join(here, "node_modules", "kubernetes-models"))) {
  console.error(`${path.relative(process.cwd(), here)}: packages missing; run deploy/check/install.sh first`);
  process.exit(2);
}

const errors = [];
const shown = file => path.relative(process.cwd(), file) || file;
const report = (file, line, message) => errors.push({ file: shown(file), line: line ?? 0, message });

// Every YAML file, every document. YAML 1.1 as kubectl reads it ("on" and "yes" are booleans there too).
const files = walk(dir).filter(f => /\.ya?ml$/.test(f)).sort();
const objects = [];
let kustomization = null;
for (const file of files) {
  const lines = new LineCounter();
  const docs = parseAllDocuments(fs.readFileSync(file, "utf8"), { version: "1.1", lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    for (const e of doc.errors) report(file, lines.linePos(e.pos[0]).line, `YAML: ${e.message.split("\n")[0]}`);
    if (doc.errors.length) continue;
    const value = doc.toJS({ maxAliasCount: 0 });
    if (value === null || value === undefined) continue;
    const line = at => lineOf(doc, lines, at);
    if (/^kustomization\.ya?ml$/.test(path.basename(file))) {
      kustomization = { file, value, line };
      continue;
    }
    objects.push({ file, value, line });
  }
}
if (!kustomization) report(dir, 0, "no kustomization.yaml: `kubectl apply -k` needs one");

// Against the API schemas.
const schemas = new Schemas(path.join(here, "node_modules"));
for (const o of objects) {
  const { apiVersion, kind } = o.value;
  if (typeof o.value !== "object" || Array.isArray(o.value)) {
    report(o.file, o.line([]), "a document that is not an object");
    o.invalid = true;
  } else if (!schemas.modelFile(apiVersion, kind)) {
    report(o.file, o.line(["kind"]), `unknown kind ${kind ?? "(none)"} in ${apiVersion ?? "(no apiVersion)"}`);
    o.invalid = true;
  } else {
    for (const [at, message] of await schemas.validate(o.value)) {
      report(o.file, o.line(at), `${kind}/${o.value.metadata?.name ?? "?"}: ${pathText(at)}: ${message}`);
    }
  }
}

// What the schemas cannot see.
const docs = fs.existsSync(docsFile) ? fs.readFileSync(docsFile, "utf8") : null;
if (docs === null) report(docsFile, 0, "the deployment docs are missing: the Secrets the operator creates are listed there");
try {
  crossCheck({ dir, objects: objects.filter(o => !o.invalid), kustomization, files, docs: docs ?? "", docsFile: shown(docsFile), report });
} catch (e) {
  // A shape the schemas refuse (a string where a list belongs) can trip the cross-checks; the schema error says why.
  if (!errors.length) throw e;
  report(dir, 0, `cross-checks stopped (${e.message}); fix the errors above first`);
}

errors.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
for (const e of errors) console.log(`${e.file}${e.line ? `:${e.line}` : ""}: ${e.message}`);
if (errors.length) process.exit(1);
if (printEnv) {
  console.log(JSON.stringify(environments(objects), null, 2));
  process.exit(0);
}
console.log(`${shown(dir)}: ${objects.length} objects in ${files.length} files, no errors`);

// Deployment name -> the variable names its containers get, from env and from the ConfigMaps of envFrom.
function environments(all) {
  const maps = new Map(all.filter(o => o.value.kind === "ConfigMap").map(o => [o.value.metadata.name, o.value.data ?? {}]));
  return Object.fromEntries(all.filter(o => o.value.kind === "Deployment").map(o => {
    const names = (o.value.spec.template.spec.containers ?? []).flatMap(c => [
      ...(c.envFrom ?? []).flatMap(f => (f.configMapRef ? Object.keys(maps.get(f.configMapRef.name) ?? {}).map(k => `${f.prefix ?? ""}${k}`) : [])),
      ...(c.env ?? []).map(e => e.name),
    ]);
    return [o.value.metadata.name, [...new Set(names)].sort()];
  }));
}

function walk(root) {
  return fs.readdirSync(root, { withFileTypes: true }).flatMap(e =>
    e.isDirectory() ? walk(path.join(root, e.name)) : [path.join(root, e.name)]);
}

// The line of a key (or of the deepest part of the path that exists).
function lineOf(doc, lines, at) {
  for (let n = at.length; n > 0; n--) {
    const parent = n === 1 ? doc.contents : doc.getIn(at.slice(0, n - 1), true);
    const last = at[n - 1];
    const items = parent?.items;
    if (!items) continue;
    const item = typeof last === "number" ? items[last] : items.find(p => p.key?.value === last);
    const node = typeof last === "number" ? item : item?.key;
    if (node?.range) return lines.linePos(node.range[0]).line;
  }
  return doc.contents?.range ? lines.linePos(doc.contents.range[0]).line : 0;
}

