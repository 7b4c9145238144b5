// Schema checks of one Kubernetes object, offline, against the official API schemas as kubernetes-models ships them:
// its compiled validators (types, required fields, formats, enums) and, for what they let through, its generated type
// declarations. The validators accept fields the API does not have (the published schemas carry no
// additionalProperties: false), so every field name is also looked up in the declarations, which list exactly the
// API's fields for the same Kubernetes release.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";

export class Schemas {
  constructor(nodeModules) {
    this.nodeModules = nodeModules;
    this.models = path.join(nodeModules, "kubernetes-models");
    this.files = new Map();
  }

  /** The model of apiVersion/kind, or null when kubernetes-models has none (an unknown kind, or a typo). */
  modelFile(apiVersion, kind) {
    if (typeof apiVersion !== "string" || typeof kind !== "string") return null;
    const m = /^(?:([a-z0-9.-]+)\/)?(v[0-9]+(?:(?:alpha|beta)[0-9]+)?)$/.exec(apiVersion);
    if (!m || !/^[A-Z][A-Za-z0-9]*$/.test(kind)) return null;
    const file = path.join(this.models, m[1] ?? "", m[2], kind);
    return fs.existsSync(`${file}.js`) && fs.existsSync(`${file}.d.ts`) ? file : null;
  }

  /** Errors as [path, message] pairs; path is an array of keys and indexes into the object. */
  async validate(obj) {
    const file = this.modelFile(obj.apiVersion, obj.kind);
    const errors = [];
    const Model = (await import(pathToFileURL(`${file}.js`).href))[obj.kind];
    try {
      new Model(obj).validate();
    } catch (e) {
      if (!Array.isArray(e.errors)) throw e;
      for (const error of e.errors) {
        const at = error.instancePath.split("/").slice(1).map(s => s.replaceAll("~1", "/").replaceAll("~0", "~"));
        const detail = error.keyword === "enum" ? ` (${error.params.allowedValues.join(", ")})`
          : error.keyword === "required" ? `: ${error.params.missingProperty}` : "";
        errors.push([at.map(s => (/^\d+$/.test(s) ? Number(s) : s)), `${error.message}${detail}`]);
      }
    }
    const root = this.#declaration(`${file}.d.ts`, `I${obj.kind}`);
    this.#object(obj, root, [], errors);
    return dedupe(errors);
  }

  // Walks the value along its declared type; reports each field the type does not declare.
  #value(value, type, file, at, errors) {
    if (value === null || value === undefined) return;
    switch (type.kind) {
      case ts.SyntaxKind.ArrayType:
        if (Array.isArray(value)) value.forEach((item, i) => this.#value(item, type.elementType, file, [...at, i], errors));
        return;
      case ts.SyntaxKind.TypeLiteral:
        this.#object(value, { file, members: type.members }, at, errors);
        return;
      case ts.SyntaxKind.TypeReference: {
        const name = type.typeName.getText(this.#source(file));
        if (name === "Array") {
          if (Array.isArray(value)) value.forEach((item, i) => this.#value(item, type.typeArguments[0], file, [...at, i], errors));
          return;
        }
        const declared = this.#resolve(file, name);
        if (!declared) return; // TypeMeta and the like: checked by the validators
        if (ts.isInterfaceDeclaration(declared.node)) this.#object(value, { file: declared.file, members: declared.node.members }, at, errors);
        else if (ts.isTypeAliasDeclaration(declared.node)) this.#value(value, declared.node.type, declared.file, at, errors);
        return;
      }
      default:
        return; // scalars, literal unions, int-or-string: the validators check them
    }
  }

  #object(value, { file, members }, at, errors) {
    if (typeof value !== "object" || Array.isArray(value)) return;
    const fields = new Map();
    let open = null;
    for (const member of members) {
      if (ts.isPropertySignature(member)) fields.set(propertyName(member.name), member.type);
      else if (ts.isIndexSignatureDeclaration(member)) open = member.type;
    }
    for (const [key, child] of Object.entries(value)) {
      const type = fields.get(key) ?? open;
      if (!type) errors.push([[...at, key], "unknown field"]);
      else this.#value(child, type, file, [...at, key], errors);
    }
  }

  #declaration(file, name) {
    const found = this.#resolve(file, name);
    if (!found || !ts.isInterfaceDeclaration(found.node)) throw new Error(`${name} is not declared in ${file}`);
    return { file: found.file, members: found.node.members };
  }

  // A name used in a declaration file: declared there, re-exported under another name, or imported.
  #resolve(file, name, depth = 0) {
    if (depth > 8) return null;
    const info = this.#info(file);
    if (info.local.has(name)) return { file, node: info.local.get(name) };
    if (info.aliases.has(name)) return this.#resolve(file, info.aliases.get(name), depth + 1);
    const imported = info.imports.get(name);
    if (!imported) return null;
    const target = this.#module(file, imported.from);
    return target ? this.#resolve(target, imported.name, depth + 1) : null;
  }

  #module(fromFile, specifier) {
    const candidates = specifier.startsWith(".")
      ? [path.resolve(path.dirname(fromFile), specifier.replace(/\.js$/, ".d.ts"))]
      : [path.join(this.nodeModules, `${specifier}.d.ts`), path.join(this.nodeModules, specifier, "index.d.ts")];
    return candidates.find(c => fs.existsSync(c)) ?? null;
  }

  #source(file) {
    return this.#info(file).source;
  }

  #info(file) {
    let info = this.files.get(file);
    if (info) return info;
    const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
    info = { source, local: new Map(), aliases: new Map(), imports: new Map() };
    for (const statement of source.statements) {
      if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) {
        info.local.set(statement.name.text, statement);
      } else if (ts.isImportDeclaration(statement) && statement.importClause?.namedBindings && ts.isNamedImports(statement.importClause.namedBindings)) {
        for (const element of statement.importClause.namedBindings.elements) {
          info.imports.set(element.name.text, { name: (element.propertyName ?? element.name).text, from: statement.moduleSpecifier.text });
        }
      } else if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause) && !statement.moduleSpecifier) {
        for (const element of statement.exportClause.elements) {
          if (element.propertyName) info.aliases.set(element.name.text, element.propertyName.text);
        }
      }
    }
    this.files.set(file, info);
    return info;
  }
}

function propertyName(name) {
  return ts.isStringLiteral(name) || ts.isIdentifier(name) ? name.text : name.getText();
}

function dedupe(errors) {
  const seen = new Set();
  return errors.filter(([at, message]) => {
    const key = `${at.join("/")}\0${message}`;
    return !seen.has(key) && seen.add(key);
  });
}
