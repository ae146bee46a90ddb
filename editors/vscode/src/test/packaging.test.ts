import { test } from "node:test";
import * as assert from "node:assert/strict";
import { binaryFor, binaryKind, checkBinary, hostTarget, TARGETS } from "../packaging";

/** The first bytes of an ELF binary for a machine (e_machine), little-endian. */
function elf(machine: number): Uint8Array {
  const head = new Uint8Array(64);
  head.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]);
  new DataView(head.buffer).setUint16(18, machine, true);
  return head;
}

function machO(cpu: number): Uint8Array {
  const head = new Uint8Array(32);
  const view = new DataView(head.buffer);
  view.setUint32(0, 0xfeedfacf, true);
  view.setUint32(4, cpu, true);
  return head;
}

function pe(machine: number): Uint8Array {
  const head = new Uint8Array(0x100);
  const view = new DataView(head.buffer);
  head.set([0x4d, 0x5a]);
  view.setUint32(0x3c, 0x80, true);
  view.setUint32(0x80, 0x00004550, true);
  view.setUint16(0x84, machine, true);
  return head;
}

test("the targets are the release workflow's five", () => {
  assert.deepEqual([...TARGETS], ["linux-x64", "linux-arm64", "darwin-x64", "darwin-arm64", "win32-x64"]);
});

test("the server is brieflint.exe on Windows and brieflint elsewhere", () => {
  assert.equal(binaryFor("win32-x64"), "brieflint.exe");
  assert.equal(binaryFor("linux-arm64"), "brieflint");
  assert.equal(binaryFor("darwin-arm64"), "brieflint");
});

test("the host's target comes from Node's platform and arch", () => {
  assert.equal(hostTarget("linux", "x64"), "linux-x64");
  assert.equal(hostTarget("darwin", "arm64"), "darwin-arm64");
  assert.equal(hostTarget("freebsd", "x64"), undefined);
});

test("a binary's header says what it was built for", () => {
  assert.equal(binaryKind(elf(0x3e)), "linux-x64");
  assert.equal(binaryKind(elf(0xb7)), "linux-arm64");
  assert.equal(binaryKind(machO(0x01000007)), "darwin-x64");
  assert.equal(binaryKind(machO(0x0100000c)), "darwin-arm64");
  assert.equal(binaryKind(pe(0x8664)), "win32-x64");
  assert.equal(binaryKind(new TextEncoder().encode("#!/bin/sh\necho brieflint\n")), undefined);
  assert.equal(binaryKind(new Uint8Array(0)), undefined);
});

test("a binary is packaged only for the target it was built for", () => {
  assert.equal(checkBinary("linux-x64", elf(0x3e)), undefined);
  assert.equal(checkBinary("win32-x64", pe(0x8664)), undefined);
  assert.equal(checkBinary("darwin-arm64", new Uint8Array([0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 2])), undefined);
  assert.match(checkBinary("linux-arm64", elf(0x3e)) ?? "", /built for linux-x64, not for linux-arm64/);
  assert.match(checkBinary("darwin-x64", elf(0x3e)) ?? "", /not for darwin-x64/);
  assert.match(checkBinary("linux-x64", new TextEncoder().encode("#!/bin/sh\n")) ?? "", /no ELF, Mach-O or PE header/);
});
