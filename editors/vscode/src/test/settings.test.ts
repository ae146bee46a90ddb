import { test } from "node:test";
import * as assert from "node:assert/strict";
import { configurationAnswers, documentSelector, serverSettings } from "../settings";

function getter(values: Record<string, unknown>) {
  return (key: string) => values[key];
}

test("rules pass through with valid levels only", () => {
  const settings = serverSettings(getter({ rules: { "relative-date": "off", "unattributed-claim": "error", "vague-attribution": "loud", x: 3 } }));
  assert.deepEqual(settings.rules, { "relative-date": "off", "unattributed-claim": "error" });
});

test("knowledge base and scale are mapped, with defaults", () => {
  assert.deepEqual(serverSettings(getter({})), {
    enable: "auto",
    rules: {},
    knowledgeBase: undefined,
    likelihoodScale: "icd203",
    trustedSources: [],
    vaguePhrases: [],
  });
  const settings = serverSettings(getter({ knowledgeBase: " team/actors.toml ", likelihoodScale: "phia" }));
  assert.equal(settings.knowledgeBase, "team/actors.toml");
  assert.equal(settings.likelihoodScale, "phia");
});

test("enable passes through when the server knows its value, else auto", () => {
  assert.equal(serverSettings(getter({ enable: "always" })).enable, "always");
  assert.equal(serverSettings(getter({ enable: "never" })).enable, "never");
  assert.equal(serverSettings(getter({ enable: "sometimes" })).enable, "auto");
});

test("trusted sources and vague phrases keep only non-empty strings", () => {
  const settings = serverSettings(getter({ trustedSources: [" ACLED ", "", 4], vaguePhrases: "not a list" }));
  assert.deepEqual(settings.trustedSources, ["ACLED"]);
  assert.deepEqual(settings.vaguePhrases, []);
});

test("workspace/configuration gets the brieflint section mapped and other sections as VS Code answered", () => {
  const scopes: (string | undefined)[] = [];
  const answers = configurationAnswers(
    [{ section: "brieflint", scopeUri: "file:///w/a.md" }, { section: "editor" }],
    [{ rules: { x: "loud" }, server: { path: "" } }, { tabSize: 4 }],
    (scopeUri) => {
      scopes.push(scopeUri);
      return getter({ rules: { "relative-date": "off", x: "loud" } });
    },
  );
  assert.deepEqual(scopes, ["file:///w/a.md"]);
  assert.deepEqual((answers[0] as { rules: unknown }).rules, { "relative-date": "off" });
  assert.equal("server" in (answers[0] as object), false, "only what the server reads is sent");
  assert.deepEqual(answers[1], { tabSize: 4 });
});

test("the document selector follows brieflint.fileTypes", () => {
  assert.deepEqual(
    documentSelector(["markdown"]).map((s) => `${s.scheme}:${s.language}`),
    ["file:markdown", "untitled:markdown", "file:toml"],
  );
  assert.equal(documentSelector([]).length, 5);
  assert.equal(documentSelector(["rust"]).length, 5);
});
