#!/usr/bin/env python3
"""Cut the real reports in ../shared/corpus into labelling units, independently of brieflint.

A unit is a sentence (or a fragment the conversion left: a heading, a table row, a contents line) with its byte range
in the file. The units are sampled in windows of consecutive paragraphs, so that a labeller reads each sentence with
the sentences before it, and each window is given to the dev or the held-out split once, here, before any change of
the classifier (the seed is fixed, so running this again gives the same windows and the same split).

    units.py SHARED_CORPUS OUT_DIR [--batch N]

writes OUT_DIR/units.jsonl (id, file, start, end, hash, split, window, text) for the labellers. Only the positions,
hashes, splits and labels are stored in the repository (labels.tsv); the text stays in ../shared.

A later batch (`--batch 2`) samples new windows with another seed, away from every range already labelled in the
labels*.tsv files beside this script, and names its splits `dev2` and `heldout2`, so a held-out split can be frozen
again after the first one has served.
"""
import json
import random
import re
import sys
from pathlib import Path

WINDOW_UNITS = 20
HELD_OUT_SHARE = 0.30
SEED = 20261207
# Files small enough to label whole; the others give about this many units each.
PER_FILE = 160
# A later batch is smaller and holds out half: its purpose is a fresh held-out split.
LATER_BATCH_PER_FILE = 100
LATER_BATCH_HELD_OUT_SHARE = 0.5

ABBREVIATIONS = {
    "u.s", "mr", "mrs", "ms", "dr", "no", "nos", "vol", "stat", "sec", "secs", "l", "pub", "reg", "fed", "gen", "lt",
    "col", "maj", "sen", "rep", "gov", "st", "jr", "sr", "inc", "co", "corp", "ltd", "e.g", "i.e", "etc", "et", "al",
    "seq", "cf", "p", "pp", "para", "art", "fig", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov",
    "dec", "h.r", "s", "rept", "doc", "ch", "cong", "sess", "adm", "capt", "cmdr", "approx", "dept", "div", "op",
    "u.s.c", "c.f.r", "u.n", "u.k", "v", "vs", "viz",
}

END = re.compile(r'[.!?][.!?"”’\')\]]*(?=\s+)')


def fnv1a64(data: bytes) -> str:
    h = 0xCBF29CE484222325
    for b in data:
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return f"{h:016x}"


def is_abbreviation(text: str, end: int) -> bool:
    """Whether the full stop at text[end] closes an abbreviation or an initial, not a sentence."""
    if text[end] != ".":
        return False
    start = end
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in "(\"“":
        start -= 1
    word = text[start:end].lower()
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()) or bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", word))


def sentences(line: str):
    """Byte-independent (char) spans of the sentences of one paragraph line."""
    start = 0
    for match in END.finditer(line):
        end = match.end()
        rest = line[end:].lstrip()
        if not rest:
            break
        if is_abbreviation(line, match.start()):
            continue
        if not (rest[0].isupper() or rest[0].isdigit() or rest[0] in "\"“‘('[*#-"):
            continue
        yield start, end
        start = end + (len(line[end:]) - len(rest))
    if line[start:].strip():
        yield start, len(line.rstrip())


def units_of(path: Path):
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    paragraphs = []  # a list of units per non-empty line
    offset = 0
    for line in text.split("\n"):
        line_bytes = len(line.encode("utf-8"))
        if line.strip():
            para = []
            for s, e in sentences(line):
                lead = len(line[s:e]) - len(line[s:e].lstrip())
                s += lead
                b_start = offset + len(line[:s].encode("utf-8"))
                b_end = offset + len(line[:e].encode("utf-8"))
                if b_end > b_start:
                    para.append((b_start, b_end))
            if para:
                paragraphs.append(para)
        offset += line_bytes + 1
    return raw, paragraphs


def windows_of(paragraphs):
    windows, current = [], []
    for para in paragraphs:
        current.extend(para)
        if len(current) >= WINDOW_UNITS:
            windows.append(current)
            current = []
    if current:
        windows.append(current)
    return windows


def labelled_ranges():
    """The byte ranges already labelled, per file, in every labels*.tsv beside this script."""
    ranges = {}
    for tsv in Path(__file__).parent.glob("labels*.tsv"):
        for line in tsv.read_text().splitlines():
            if line.startswith("#") or not line.strip():
                continue
            fields = line.split("\t")
            ranges.setdefault(fields[0], []).append((int(fields[1]), int(fields[2])))
    return ranges


def main():
    corpus, out = Path(sys.argv[1]), Path(sys.argv[2])
    batch = int(sys.argv[sys.argv.index("--batch") + 1]) if "--batch" in sys.argv else 1
    suffix = "" if batch == 1 else str(batch)
    taken = labelled_ranges() if batch > 1 else {}
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(SEED + batch - 1)
    rows = []
    for path in sorted(p for p in corpus.glob("*.md") if p.name != "README.md"):
        raw, paragraphs = units_of(path)
        windows = [
            w for w in windows_of(paragraphs)
            if not any(s < w[-1][1] and w[0][0] < e for s, e in taken.get(path.name, []))
        ]
        if not windows:
            continue
        total = sum(len(w) for w in windows)
        per_file = PER_FILE if batch == 1 else LATER_BATCH_PER_FILE
        if total > per_file * 1.3:
            chosen = sorted(rng.sample(range(len(windows)), max(1, round(per_file / WINDOW_UNITS))))
        else:
            chosen = list(range(len(windows)))
        share = HELD_OUT_SHARE if batch == 1 else LATER_BATCH_HELD_OUT_SHARE
        held = set(rng.sample(chosen, max(1, round(len(chosen) * share))))
        for w in chosen:
            for start, end in windows[w]:
                piece = raw[start:end]
                rows.append({
                    "id": len(rows),
                    "file": path.name,
                    "start": start,
                    "end": end,
                    "hash": fnv1a64(piece)[:12],
                    "split": ("heldout" if w in held else "dev") + suffix,
                    "window": f"{path.stem}#{w}",
                    "text": piece.decode("utf-8"),
                })
    with open(out / "units.jsonl", "w") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    by_split = {}
    for row in rows:
        by_split[row["split"]] = by_split.get(row["split"], 0) + 1
    print(f"{len(rows)} units in {len({r['window'] for r in rows})} windows: {by_split}")


if __name__ == "__main__":
    main()
