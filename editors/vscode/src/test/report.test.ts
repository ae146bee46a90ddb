import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as crypto from "crypto";
import { isReport, newNonce, webviewHtml } from "../report";

const PAGE = `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"><style>p{}</style></head><body><p>x</p><script>
run();
</script></body></html>`;

test("the webview's page lets only its own scripts run, by nonce", () => {
  const shown = webviewHtml(PAGE, "abc123");
  assert.match(shown, /content="default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-abc123'"/);
  assert.ok(!shown.includes("script-src 'unsafe-inline'"));
  assert.ok(shown.includes(`<script nonce="abc123">\nrun();`));
  assert.equal((shown.match(/<script/g) ?? []).length, 1);
});

test("a nonce is fresh and safe in an attribute", () => {
  const a = newNonce(crypto.randomBytes);
  const b = newNonce(crypto.randomBytes);
  assert.notEqual(a, b);
  assert.match(a, /^[A-Za-z0-9x]{32}$/);
});

test("only a title and a page make a report", () => {
  assert.equal(isReport({ title: "Sourcing report: a.md", html: "<!DOCTYPE html>" }), true);
  assert.equal(isReport({ html: "<!DOCTYPE html>" }), false);
  assert.equal(isReport(null), false);
});
