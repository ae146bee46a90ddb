#!/usr/bin/env python3
"""Merge the labellers' answers into labels.tsv, and measure the second labeller's agreement.

    merge.py WORK_DIR [--batch N]

reads WORK_DIR/units.jsonl (from units.py), WORK_DIR/labels_{a,b,c}.tsv (the first labelling, `ID<TAB>LABEL`, one
file per labeller, as many as there are) and WORK_DIR/labels_second.tsv (the independent second labelling of a 20%
sample of the windows), writes labels.tsv (labels2.tsv for batch 2, and so on) beside this script (positions, hashes, splits and labels: no text), and prints the agreement of the two labellings
with Cohen's kappa, overall and on the question that matters most (flag or not).
"""
import collections
import json
import sys
from pathlib import Path

LABELS = {"none", "attributed", "vague", "unattributed"}


def read_labels(path: Path):
    labels = {}
    for line in path.read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        unit, label = int(fields[0]), fields[1].strip()
        if label not in LABELS:
            raise SystemExit(f"{path}: unknown label {label!r} for unit {unit}")
        labels[unit] = label
    return labels


def kappa(pairs):
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    first = collections.Counter(a for a, _ in pairs)
    second = collections.Counter(b for _, b in pairs)
    expected = sum(first[k] * second[k] for k in first) / (n * n)
    return observed, (observed - expected) / (1 - expected) if expected < 1 else 1.0


def main():
    work = Path(sys.argv[1])
    batch = int(sys.argv[sys.argv.index("--batch") + 1]) if "--batch" in sys.argv else 1
    units = [json.loads(line) for line in open(work / "units.jsonl")]
    first = {}
    for name in "abc":
        if (work / f"labels_{name}.tsv").exists():
            first.update(read_labels(work / f"labels_{name}.tsv"))
    missing = [u["id"] for u in units if u["id"] not in first]
    if missing:
        raise SystemExit(f"{len(missing)} units have no label, the first: {missing[:10]}")
    out = Path(__file__).with_name("labels.tsv" if batch == 1 else f"labels{batch}.tsv")
    with open(out, "w") as f:
        f.write("# file\tstart\tend\tfnv1a64 of the bytes (12 hex)\tsplit\tlabel\n")
        for u in units:
            f.write(f"{u['file']}\t{u['start']}\t{u['end']}\t{u['hash']}\t{u['split']}\t{first[u['id']]}\n")
    counts = collections.Counter((u["split"], first[u["id"]]) for u in units)
    print(f"wrote {out}: {len(units)} labels; {dict(sorted(counts.items()))}")
    second_path = work / "labels_second.tsv"
    if second_path.exists():
        second = read_labels(second_path)
        pairs = [(first[i], second[i]) for i in second]
        observed, k = kappa(pairs)
        flag = lambda label: label in ("vague", "unattributed")
        fo, fk = kappa([(flag(a), flag(b)) for a, b in pairs])
        print(f"second labelling: {len(pairs)} units; agreement {observed:.3f} (kappa {k:.3f}); "
              f"flag-or-not agreement {fo:.3f} (kappa {fk:.3f})")
        confusion = collections.Counter(pairs)
        for (a, b), n in sorted(confusion.items()):
            if a != b:
                print(f"  first {a:12} second {b:12} {n}")


if __name__ == "__main__":
    main()
