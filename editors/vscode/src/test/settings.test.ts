import { test } from "node:test";
import * as assert from "node:assert/strict";
import { documentSelector, serverSettings } from "../settings";

function getter(values: Record<string, unknown>) {
  return (key: string) => values[key];
}

test("rules pass through with valid levels only", () => {
  const settings = serverSettings(getter({ rules: { "relative-date": "off", "unattributed-claim": "error", "vague-attribution": "loud", x: 3 } }));
  assert.deepEqual(settings.rules, { "relative-date": "off", "unattributed-claim": "error" });
});

test("knowledge base and scale are mapped, with defaults", () => {
  assert.deepEqual(serverSettings(getter({})), { rules: {}, knowledgeBase: undefined, likelihoodScale: "icd203" });
  const settings = serverSettings(getter({ knowledgeBase: " team/actors.toml ", likelihoodScale: "phia" }));
  assert.equal(settings.knowledgeBase, "team/actors.toml");
  assert.equal(settings.likelihoodScale, "phia");
});

test("the document selector follows brieflint.fileTypes", () => {
  assert.deepEqual(
    documentSelector(["markdown"]).map((s) => `${s.scheme}:${s.language}`),
    ["file:markdown", "untitled:markdown"],
  );
  assert.equal(documentSelector([]).length, 4);
  assert.equal(documentSelector(["rust"]).length, 4);
});
