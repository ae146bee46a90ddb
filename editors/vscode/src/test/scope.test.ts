import { test } from "node:test";
import * as assert from "node:assert/strict";
import { inBrieflintWorkspace, offersEnabling, optsIn } from "../scope";

test("a marker at or above the file puts it in a brieflint workspace", () => {
  const exists = (paths: string[]) => (p: string) => paths.includes(p);
  assert.equal(inBrieflintWorkspace("/w/notes/a.md", exists(["/w/brieflint.toml"])), true);
  assert.equal(inBrieflintWorkspace("/w/notes/a.md", exists(["/w/notes/.brieflint"])), true);
  assert.equal(inBrieflintWorkspace("/w/notes/a.md", exists(["/w/other/brieflint.toml", "/w/.git"])), false);
});

test("only front matter that says brieflint: true opts in", () => {
  assert.equal(optsIn("---\ntitle: Kurram\nbrieflint: true\n---\n# Update\n"), true);
  assert.equal(optsIn("---\r\nbrieflint: True\r\n---\r\n"), true);
  assert.equal(optsIn("---\nbrieflint: false\n---\n"), false);
  assert.equal(optsIn("# Update\n\nbrieflint: true\n"), false);
  assert.equal(optsIn("---\ntitle: x\n---\nbrieflint: true\n"), false);
});

test("enabling is offered in auto mode only, where brieflint is off", () => {
  assert.equal(offersEnabling("auto", false, false), true);
  assert.equal(offersEnabling(undefined, false, false), true);
  assert.equal(offersEnabling("auto", true, false), false);
  assert.equal(offersEnabling("auto", false, true), false);
  assert.equal(offersEnabling("always", false, false), false);
  assert.equal(offersEnabling("never", false, false), false);
});
