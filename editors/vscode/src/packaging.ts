// Per-platform packages: which VS Code targets brieflint ships, the server's file name in each, and a check that a
// binary was built for the target it is about to be packaged for. Pure logic, used by scripts/package.mjs and
// tested without VS Code.

export const TARGETS = ["linux-x64", "linux-arm64", "darwin-x64", "darwin-arm64", "win32-x64"] as const;
export type Target = (typeof TARGETS)[number];

/** The server's file name in the package's server/ folder. */
export function binaryFor(target: string): string {
  return target.startsWith("win32-") ? "brieflint.exe" : "brieflint";
}

/** The target of the machine running this (Node's process.platform and process.arch), if brieflint ships one. */
export function hostTarget(platform: string, arch: string): Target | undefined {
  const target = `${platform}-${arch}`;
  return (TARGETS as readonly string[]).includes(target) ? (target as Target) : undefined;
}

/** What the first bytes of a binary say it is built for, as "os-arch", or undefined when they say nothing known. */
export function binaryKind(head: Uint8Array): string | undefined {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const has = (n: number) => head.byteLength >= n;
  // ELF: 0x7f 'E' 'L' 'F'; e_machine (16 bits at 18) in the byte order EI_DATA (byte 5) says.
  if (has(20) && head[0] === 0x7f && head[1] === 0x45 && head[2] === 0x4c && head[3] === 0x46) {
    const machine = view.getUint16(18, head[5] === 1);
    return `linux-${{ 0x3e: "x64", 0xb7: "arm64" }[machine] ?? `machine-0x${machine.toString(16)}`}`;
  }
  // Mach-O, 64-bit little-endian: magic 0xfeedfacf, then cputype.
  if (has(8) && view.getUint32(0, true) === 0xfeedfacf) {
    const cpu = view.getUint32(4, true);
    return `darwin-${{ 0x01000007: "x64", 0x0100000c: "arm64" }[cpu] ?? `cpu-0x${cpu.toString(16)}`}`;
  }
  // A universal (fat) Mach-O holds several architectures.
  if (has(4) && view.getUint32(0, false) === 0xcafebabe) {
    return "darwin-universal";
  }
  // PE: 'MZ', the PE header's offset at 0x3c, 'PE\0\0', then the machine.
  if (has(0x40) && head[0] === 0x4d && head[1] === 0x5a) {
    const pe = view.getUint32(0x3c, true);
    if (has(pe + 6) && view.getUint32(pe, true) === 0x00004550) {
      const machine = view.getUint16(pe + 4, true);
      return `win32-${{ 0x8664: "x64", 0xaa64: "arm64" }[machine] ?? `machine-0x${machine.toString(16)}`}`;
    }
  }
  return undefined;
}

/** Why a binary whose first bytes are `head` must not be packaged for `target`; undefined when it fits. */
export function checkBinary(target: string, head: Uint8Array): string | undefined {
  const kind = binaryKind(head);
  if (kind === undefined) return `not an executable brieflint knows (no ELF, Mach-O or PE header), so not one for ${target}`;
  if (kind === target || (kind === "darwin-universal" && target.startsWith("darwin-"))) return undefined;
  return `built for ${kind}, not for ${target}`;
}
