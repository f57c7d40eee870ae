#!/usr/bin/env python3
"""Copy the front matter of every Markdown file under SITE into OUT, for yamllint.

    bench/extract_front_matter.py SITE OUT

OUT/<path>.yml holds the file's lines up to (not including) the closing `---`/`...` line, so
line N of the copy is line N of the post and yamllint's reports map back unchanged. A file
without front matter gives an empty copy. A name too long for the file system once `.yml` is
added gets a hashed name instead; OUT/names.json maps every copy back to its post. (Jekyll's delimiter rule: the file starts with a
`---` line; the block ends at the first later line that is `---` or `...`.)
"""
import hashlib
import json
import pathlib
import re
import sys

CLOSE = re.compile(rb"^(---|\.\.\.)\s*$")
MARKDOWN = {".md", ".markdown", ".mkdown", ".mkdn", ".mkd"}


def front_matter(data):
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    lines = data.split(b"\n")
    if not lines or lines[0].rstrip() != b"---":
        return b""
    for index, line in enumerate(lines[1:], start=1):
        if CLOSE.match(line):
            return b"\n".join(lines[:index]) + b"\n"
    return b""


def main():
    site, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    names = {}
    for path in sorted(site.rglob("*")):
        if path.suffix not in MARKDOWN or not path.is_file() or "node_modules" in path.parts:
            continue
        relative = path.relative_to(site)
        name = relative.name + ".yml"
        if len(name.encode()) > 255:
            name = hashlib.sha1(name.encode()).hexdigest() + ".yml"
        target = out / relative.parent / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(front_matter(path.read_bytes()))
        names[str(target.relative_to(out))] = str(relative)
    (out / "names.json").write_text(json.dumps(names, indent=0))
    print(f"{out}: front matter of {len(names)} files", file=sys.stderr)


if __name__ == "__main__":
    main()
