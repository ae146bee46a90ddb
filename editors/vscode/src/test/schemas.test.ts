// The JSON Schemas contributed for brieflint.toml and knowledge-base files (package.json's tomlValidation, read by
// the Even Better TOML extension): the repository's own files validate, mistakes the server rejects are caught,
// and the rule list is the settings' (which tests/config.rs holds to the rule registry).
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import Ajv from "ajv";
import { parse } from "smol-toml";

const extension = path.resolve(__dirname, "..", "..");
const repository = path.resolve(extension, "..", "..");
const manifest = JSON.parse(fs.readFileSync(path.join(extension, "package.json"), "utf8"));
const load = (name: string) => JSON.parse(fs.readFileSync(path.join(extension, "schemas", name), "utf8"));
const ajv = new Ajv({ allErrors: true, strict: true });
const configValid = ajv.compile(load("brieflint.schema.json"));
const actorsValid = ajv.compile(load("actors.schema.json"));

function errors(validate: typeof configValid, toml: string): string[] {
  const valid = validate(parse(toml));
  return valid ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
}

/** `brieflint init`'s template, from the binary (BRIEFLINT_BIN, else the repository's debug or release build). */
function template(): string | undefined {
  const candidates = [process.env.BRIEFLINT_BIN, ...["debug", "release"].map((p) => path.join(repository, "target", p, "brieflint"))];
  const binary = candidates.find((c) => c && fs.existsSync(c));
  if (!binary) return undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "brieflint-init-"));
  try {
    execFileSync(binary, ["init"], { cwd: dir, stdio: "ignore" });
    return fs.readFileSync(path.join(dir, "brieflint.toml"), "utf8");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test("the tomlValidation entries name the schemas in this folder, by their place in the repository", () => {
  const entries: { fileMatch: string[]; url: string }[] = manifest.contributes.tomlValidation;
  const prefix = "https://raw.githubusercontent.com/brieflint/brieflint/main/";
  const schemas = entries.map((entry) => {
    assert.ok(entry.url.startsWith(prefix), entry.url);
    const file = path.join(repository, entry.url.slice(prefix.length));
    assert.ok(fs.existsSync(file), `${entry.url} is ${file} in the repository`);
    assert.equal(load(path.basename(file)).$id, entry.url, "the schema's $id is its URL");
    return [entry.fileMatch, path.basename(file)];
  });
  assert.deepEqual(schemas, [
    [["brieflint.toml", ".brieflint.toml"], "brieflint.schema.json"],
    [[".brieflint/actors.toml"], "actors.schema.json"],
  ]);
});

test("the configuration schema lists exactly the rules of the brieflint.rules setting", () => {
  const settings = manifest.contributes.configuration.properties["brieflint.rules"].propertyNames.enum;
  const schema = Object.keys(load("brieflint.schema.json").properties.rules.properties);
  assert.deepEqual([...schema].sort(), [...settings].sort());
});

test("the repository's built-in knowledge base, seeds/actors.toml, validates", () => {
  const text = fs.readFileSync(path.join(repository, "seeds", "actors.toml"), "utf8");
  assert.deepEqual(errors(actorsValid, text), []);
  assert.ok((parse(text).actors as unknown[]).length > 10);
});

test("the built-in UN pack, seeds/packs/un-sc.toml, validates", () => {
  const text = fs.readFileSync(path.join(repository, "seeds", "packs", "un-sc.toml"), "utf8");
  assert.deepEqual(errors(actorsValid, text), []);
  assert.ok((parse(text).actors as unknown[]).length >= 950);
});

test("the actor schema catches what the server rejects", () => {
  const actor = (extra: string) => `[[actors]]\nid = "x"\nname = "X"\nkind = "place"\n${extra}`;
  assert.deepEqual(errors(actorsValid, actor("")), []);
  assert.notDeepEqual(errors(actorsValid, `[[actors]]\nid = "x"\nname = "X"\nkind = "militia"\n`), [], "an unknown kind");
  assert.notDeepEqual(errors(actorsValid, `[[actors]]\nid = "x"\nkind = "place"\n`), [], "no name");
  assert.notDeepEqual(errors(actorsValid, actor(`colour = "red"\n`)), [], "an unknown field");
  assert.notDeepEqual(errors(actorsValid, actor(`[[actors.relations]]\nto = "y"\n`)), [], "a relation without its kind");
  assert.notDeepEqual(errors(actorsValid, actor(`[[actors.designations]]\nlist = "FTO"\n`)), [], "a designation without by");
});

test("brieflint init's template validates", (t) => {
  const text = template();
  if (text === undefined) {
    t.skip("no brieflint binary: set BRIEFLINT_BIN or build target/debug/brieflint");
    return;
  }
  assert.deepEqual(errors(configValid, text), []);
});

test("the template's [sources], [files] and [genres] examples, uncommented, validate", (t) => {
  const text = template();
  if (text === undefined) {
    t.skip("no brieflint binary: set BRIEFLINT_BIN or build target/debug/brieflint");
    return;
  }
  // Only the tables' own examples: knowledge-base and likelihood-scale are written after [rules] in the template,
  // so uncommented there they would land in [rules] (the server rejects that too).
  const uncommented = text.replace(/^# ((?:trusted|vague|include|exclude|doctrine|statute|briefing|[a-z]+-[a-z-]+) = .*)$/gm, (line, body: string) =>
    body.startsWith("knowledge-base") || body.startsWith("likelihood-scale") ? line : body,
  );
  assert.notEqual(uncommented, text);
  assert.deepEqual(errors(configValid, uncommented), []);
});

test("the configuration schema catches what the server rejects", () => {
  assert.deepEqual(errors(configValid, `knowledge-base = ["kb.toml"]\nlikelihood-scale = "phia"\n[rules]\nrelative-date = "off"\n`), []);
  assert.notDeepEqual(errors(configValid, `[rules]\nunattributed-claim = "loud"\n`), [], "a bad level");
  assert.notDeepEqual(errors(configValid, `[rules]\nno-such-rule = "off"\n`), [], "an unknown rule");
  assert.notDeepEqual(errors(configValid, `likelihood-scale = "nato"\n`), [], "an unknown scale");
  assert.notDeepEqual(errors(configValid, `[genres]\npoetry = ["*.md"]\n`), [], "an unknown genre");
  assert.notDeepEqual(errors(configValid, `[colours]\nred = 1\n`), [], "an unknown table");
  assert.notDeepEqual(errors(configValid, `knowledge-base = "kb.toml"\n`), [], "a string for a list");
  assert.deepEqual(errors(configValid, `[actors]\npacks = []\n`), []);
  assert.notDeepEqual(errors(configValid, `[actors]\npacks = ["eu"]\n`), [], "an unknown pack");
});
