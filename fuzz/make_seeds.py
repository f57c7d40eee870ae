#!/usr/bin/env python3
"""Rebuild the small seed corpora in fuzz/seeds/ (committed; run again only to refresh them).

Seeds come from the test fixtures and from short excerpts of the real sites in
../shared/corpora (when present). Each target's first input byte chooses something (the body's
offset, or the config and file path), so seeds get a spread of first bytes.
"""
import hashlib
import pathlib
import random

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fuzz" / "seeds"
CORPORA = ROOT.parent.parent / "shared" / "corpora"
if not CORPORA.is_dir():
    CORPORA = pathlib.Path("/work/shared/corpora")
MAX_SEED = 2048
rng = random.Random(7)


def write(target, data):
    folder = SEEDS / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()[:16]).write_bytes(data)


def head(path, limit=MAX_SEED):
    data = path.read_bytes()[:limit]
    return data.decode("utf-8", "ignore").encode()


fixtures = sorted((ROOT / "tests" / "fixtures").rglob("*.md"))
corpus_files = []
if CORPORA.is_dir():
    for site in sorted(CORPORA.iterdir()):
        if site.is_dir():
            files = sorted(site.rglob("*.md"))
            corpus_files += rng.sample(files, min(3, len(files)))
with_ials = []
if CORPORA.is_dir():
    for site in ("mlaw", "govtech", "mse"):
        files = [p for p in sorted((CORPORA / site).rglob("*.md")) if b"{:" in p.read_bytes()]
        with_ials += rng.sample(files, min(8, len(files)))

# Whole files: splitting, and the full lint/fix with a config and path byte in front.
for path in rng.sample(fixtures, min(30, len(fixtures))) + corpus_files:
    data = head(path)
    write("split_yaml", data)
    selector = bytes([rng.randrange(256)])
    write("lint", selector + data)
    write("fix", bytes([rng.randrange(256)]) + data)

# Bodies with links and IALs, with an offset byte in front.
bodies = [p for p in fixtures if b"](" in p.read_bytes() or b"{:" in p.read_bytes()]
for path in bodies[:20] + with_ials + corpus_files[:10]:
    text = path.read_bytes()
    start = text.find(b"](")
    start = max(0, start - 1500)
    excerpt = text[start:start + 2000].decode("utf-8", "ignore").encode()
    write("markdown_scan", bytes([rng.randrange(8)]) + excerpt)

# Plain scalars Psych treats specially.
SCALARS = r"""No|yes|ON|off|y|n|~|null|NULL|true|False|0755|0o17|0x1F|0b101|0b_|1_000|1,000|
-12|+3.5|.inf|-.Inf|.NaN|1e3|1.5e-3|.e+5|190:20:30|1:20|2024-03-01|2024-3-1|2024-02-30|
2024-03-01 10:00:00 +08:00|2024-03-01T10:00:00Z|2024-03-01 10:00:00.123456789 -5|
2024-03-01\t10:00:00|:symbol|:"quoted"|Budget 2024: what changes|it's|"quoted" tail|
[Draft] text|@handle|`tick|%percent|# comment|- dash|? question|é 🦀 中文 தமிழ்|
line\nbreak|tab\there|\ufeffbom| leading space|trailing space |=|<<|!tag|&anchor|*alias|
{:target="_blank"}|12:30:45.5|-0|0.|1__2|999999999999999999999999999999""".replace("\n", "")
for scalar in SCALARS.split("|"):
    write("yaml11_scalar", scalar.encode().decode("unicode_escape").encode("utf-8") if "\\" in scalar else scalar.encode())

for target in sorted(SEEDS.iterdir()):
    print(target.name, len(list(target.iterdir())))
