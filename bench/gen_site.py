#!/usr/bin/env python3
"""Generate a deterministic Jekyll site shaped like an Isomer government site, for benchmarks.

    bench/gen_site.py OUT --posts N [--seed S] [--defect-rate R]

Writes OUT/_config.yml, OUT/.frontlint.yml (the default `jekyll` preset, written out),
OUT/isomer.frontlint.yml (the `isomer` preset with a media-release collection, for
`--config`), N posts of 3-6 KB under OUT/media/<section>/_posts/YYYY-MM-DD-slug.md shaped like
the media releases in ../shared/corpora (front matter with layout/title/permalink/date/
description/image; a body with paragraphs, lists, links with `{:target="_blank"}`, raw HTML
anchors, images, a table), and OUT/manifest.json: every seeded defect with its file, line,
family and the frontlint codes that report it.

A fraction R of the posts (default 2%) carries one seeded defect; the kinds are dealt in turn so
every family appears (YAML syntax, duplicate keys, `title: No`, tab indentation, missing front
matter, field types, date mismatches and impossible dates, post names Jekyll skips, malformed
permalinks, duplicate URLs, malformed IALs, broken links, bytes that are not UTF-8, empty files).
The same arguments always give the same bytes.

    bench/gen_site.py OUT --big-links N     one post with N links
    bench/gen_site.py OUT --big-body MB     one post with a body of about MB megabytes
"""
import argparse
import json
import random
import sys
from datetime import date, timedelta
from pathlib import Path

SECTIONS = ["press-releases", "speeches", "parliament-qa", "forum-letter-replies"]

WORDS = """government agency ministry singapore public digital service citizens businesses
programme initiative support community development national framework partnership policy
officers residents scheme funding infrastructure sustainability innovation workforce training
safety health housing transport education economy data security review committee minister
announced today launch pilot phase households enterprises industry stakeholders consultation
collaboration strengthen improve deliver access resources guidelines measures standards regional
international agreement memorandum understanding cooperation capability technology platform
""".split()

NAMES = ["Mr Tan Wei Ming", "Ms Sharon Lim", "Dr Rajesh Kumar", "Mdm Siti Aminah",
         "Mr Kok Ping Soon", "Ms Josephine Teo", "Mr Ong Ye Kung"]
DOMAINS = ["www.gov.sg", "www.mti.gov.sg", "www.tech.gov.sg", "www.mom.gov.sg",
           "www.straitstimes.com", "go.gov.sg", "www.legislation.gov.uk"]


class Writer:
    """One post's text, built line by line so that seeded defects know their line."""

    def __init__(self):
        self.lines = []

    def add(self, line=""):
        self.lines.append(line)
        return len(self.lines)  # 1-based line number of what was just added

    def text(self):
        return "\n".join(self.lines) + "\n"


def sentence(rng, words=None):
    n = rng.randint(8, 22)
    text = " ".join(rng.choice(WORDS) for _ in range(n))
    return text[0].upper() + text[1:] + rng.choice([".", ".", ".", "!", "?"])


def paragraph(rng):
    return " ".join(sentence(rng) for _ in range(rng.randint(2, 5)))


def url(rng):
    path = "/".join(rng.choice(WORDS) for _ in range(rng.randint(1, 3)))
    return f"https://{rng.choice(DOMAINS)}/{path}"


def link_line(rng, defect=None):
    """A list item or sentence with a link in one of the shapes Isomer editors write."""
    text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 6))).capitalize()
    shape = rng.randrange(4)
    if defect == "ial-unquoted":
        return f"* [{text}]({url(rng)}){{:target=_blank\"}}"
    if defect == "ial-no-colon":
        return f"* [{text}]({url(rng)}){{target=\"_blank\"}}"
    if defect == "ial-curly-quotes":
        return f"* [{text}]({url(rng)}){{:target=\u201d_blank\u201d}}"
    if defect == "broken-link-space":
        return f"* [{text}] ({url(rng)})"
    if shape == 0:
        return f"* [{text}]({url(rng)}){{:target=\"_blank\"}}"
    if shape == 1:
        return f"* <a href=\"{url(rng)}\" target=\"_blank\" rel=\"noopener noreferrer\">{text}</a>"
    if shape == 2:
        return f"* [{text}]({url(rng)})"
    return f"* Read more at [{text}]({url(rng)}){{:target=\"_blank\" rel=\"noopener\"}}."


def title_of(rng):
    words = [rng.choice(WORDS) for _ in range(rng.randint(4, 12))]
    return " ".join(w.capitalize() if i == 0 or rng.random() < 0.4 else w for i, w in enumerate(words))


def slug_of(title):
    return "-".join(title.lower().split())[:70].rstrip("-")


# Each defect kind: the family it belongs to, the frontlint codes that report it, and the
# configs that report it ("both": the default preset and isomer.frontlint.yml). Kinds about the
# whole file are placed on line 1.
DEFECTS = {
    "yaml-colon-in-title": ("FL1xx front matter YAML", ["FL103"], "both"),
    "duplicate-key": ("FL1xx front matter YAML", ["FL104"], "both"),
    "title-no": ("FL1xx front matter YAML", ["FL107", "FL202"], "both"),
    "tab-indentation": ("FL1xx front matter YAML", ["FL106"], "both"),
    "missing-front-matter": ("FL1xx front matter YAML", ["FL101"], "both"),
    "published-string": ("FL2xx fields", ["FL202"], "both"),
    "missing-title": ("FL2xx fields", ["FL201"], "isomer"),
    "date-mismatch": ("FL3xx dates", ["FL303"], "both"),
    "impossible-date": ("FL3xx dates", ["FL305"], "both"),
    "skipped-filename": ("FL3xx dates", ["FL301"], "both"),
    "permalink-with-space": ("FL4xx permalinks and URLs", ["FL401"], "both"),
    "permalink-no-slash": ("FL4xx permalinks and URLs", ["FL401"], "both"),
    "duplicate-url": ("FL4xx permalinks and URLs", ["FL406"], "both"),
    "ial-unquoted": ("FL5xx links and IALs", ["FL5xx"], "both"),
    "ial-no-colon": ("FL5xx links and IALs", ["FL5xx"], "both"),
    "ial-curly-quotes": ("FL5xx links and IALs", ["FL5xx"], "both"),
    "broken-link-space": ("FL5xx links and IALs", ["FL5xx"], "both"),
    "invalid-utf8": ("FL9xx files", ["FL902"], "both"),
    "empty-file": ("FL9xx files", ["FL903"], "both"),
}
BODY_DEFECTS = {"ial-unquoted", "ial-no-colon", "ial-curly-quotes", "broken-link-space", "invalid-utf8"}
# A cp1252 right single quote, as pasted from Word into a file saved as Latin-1.
CP1252_APOSTROPHE = "\u2063CP1252\u2063"


def post(rng, day, section, defect, first_permalink):
    """(relative path, text, defect line, extra manifest fields) for one media release."""
    title = title_of(rng)
    slug = slug_of(title)
    name = f"{day.isoformat()}-{slug}.md"
    if defect == "skipped-filename":
        name = f"{slug}.md"  # the CMS dropped the date: Jekyll silently skips the file
    path = f"media/{section}/_posts/{name}"
    permalink = f"/media/{section}/{slug}/"
    if defect == "empty-file":
        return path, "", 1, {}
    w = Writer()
    line = 1
    extra = {}
    if defect != "missing-front-matter":
        w.add("---")
        w.add("layout: post")
        if defect == "yaml-colon-in-title":
            line = w.add(f"title: {title}: what it means for you")
        elif defect == "title-no":
            line = w.add("title: No")
        elif defect == "missing-title":
            line = 1
        elif rng.random() < 0.5:
            w.add(f"title: \"{title}\"")
        else:
            w.add(f"title: {title}")
        if defect == "permalink-with-space":
            line = w.add(f"permalink: /media/{section}/{title.lower()}/")
        elif defect == "permalink-no-slash":
            line = w.add(f"permalink: media/{section}/{slug}/")
        elif defect == "duplicate-url" and first_permalink:
            line = w.add(f"permalink: {first_permalink[1]}")
            extra = {"other_file": first_permalink[0]}
        else:
            w.add(f"permalink: {permalink}")
        if defect == "date-mismatch":
            line = w.add(f"date: {(day + timedelta(days=rng.randint(3, 40))).isoformat()}")
        elif defect == "impossible-date":
            line = w.add(f"date: {day.year}-02-30")
        else:
            w.add(f"date: {day.isoformat()}")
        if defect == "tab-indentation":
            line = w.add(f"\tdescription: {sentence(rng)}")
        else:
            w.add(f"description: {sentence(rng)}")
        w.add(f"image: /images/media/{slug[:30]}.jpg")
        if defect == "published-string":
            line = w.add("published: \"true\"")
        if defect == "duplicate-key":
            line = w.add(f"title: \"{title} (updated)\"")
        w.add("---")
        w.add()
    w.add(f"### **{title}**")
    w.add()
    size = rng.randint(3000, 6000)
    links_left = rng.randint(3, 8)
    body_defect_at = None
    while sum(len(l) + 1 for l in w.lines) < size:
        roll = rng.random()
        if roll < 0.55:
            w.add(paragraph(rng))
        elif roll < 0.75:
            for _ in range(rng.randint(2, 4)):
                if links_left > 0:
                    links_left -= 1
                    w.add(link_line(rng))
                else:
                    w.add(f"* {sentence(rng)}")
        elif roll < 0.82:
            w.add(f"**{title_of(rng)}**")
        elif roll < 0.88:
            w.add(f"![{title_of(rng)}](/images/media/{slug[:20]}-{rng.randint(1, 9)}.jpg)")
        elif roll < 0.93:
            w.add("| Item | Amount | Remarks |")
            w.add("| --- | --- | --- |")
            for _ in range(rng.randint(2, 5)):
                w.add(f"| {rng.choice(WORDS)} | ${rng.randint(1, 900)} million | {sentence(rng)} |")
        else:
            who = rng.choice(NAMES)
            w.add(f"*\u201c{sentence(rng)} It\u2019s {sentence(rng).lower()}\u201d* - {who}")
        w.add()
        if defect in BODY_DEFECTS and body_defect_at is None and len(w.lines) > 12:
            if defect == "invalid-utf8":
                body_defect_at = w.add(f"The minister{CP1252_APOSTROPHE}s remarks: {sentence(rng)}")
            else:
                body_defect_at = w.add(link_line(rng, defect))
            w.add()
    if defect in BODY_DEFECTS and body_defect_at is None:
        body_defect_at = w.add(link_line(rng, defect if defect != "invalid-utf8" else None))
    if body_defect_at is not None:
        line = body_defect_at
    w.add("---")
    w.add()
    w.add("**References:**")
    for _ in range(max(links_left, 1)):
        w.add(link_line(rng))
    return path, w.text(), line, extra


def encode(text):
    data = text.encode("utf-8")
    return data.replace(CP1252_APOSTROPHE.encode("utf-8"), b"\x92")


def site(out, posts, seed, defect_rate):
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    (out / "_config.yml").write_text(
        "# A generated Isomer-like site (bench/gen_site.py).\n"
        "title: Ministry of Benchmarks\n"
        "timezone: Asia/Singapore\n"
        "permalink: /media/:categories/:title/\n"
        "defaults:\n"
        "  - scope:\n"
        "      path: \"\"\n"
        "    values:\n"
        "      layout: page\n")
    (out / ".frontlint.yml").write_text(
        "# The built-in default preset, written out (what a site without a config gets).\n"
        "extends: jekyll\n")
    (out / "isomer.frontlint.yml").write_text(
        "# For `frontlint check --config isomer.frontlint.yml`: Isomer's house rules.\n"
        "extends: isomer\n"
        "collections:\n"
        "  - name: media-releases\n"
        "    paths: [\"media/*/_posts/**\"]\n"
        "    fields:\n"
        "      description: { non-empty: true, max-length: 400 }\n")
    kinds = list(DEFECTS)
    rng.shuffle(kinds)
    # At least one post of every kind, then the rate.
    count = min(posts, max(len(kinds), round(posts * defect_rate)))
    defective = set(rng.sample(range(posts), count))
    dealt = 0
    manifest = []
    # Dates spread evenly over at most ten years up to 2024 (about one release a day on small
    # sites, many a day on big ones), all in the past so no post is a future post.
    span = min(posts, 3650)
    first_day = date(2024, 12, 31) - timedelta(days=span)
    used = set()
    permalinks = []  # (path, permalink) of clean posts, for duplicate URLs
    for index in range(posts):
        day = first_day + timedelta(days=index * span // posts)
        section = rng.choice(SECTIONS)
        defect = None
        if index in defective:
            defect = kinds[dealt % len(kinds)]
            dealt += 1
            if defect == "duplicate-url" and not permalinks:
                defect, dealt = kinds[dealt % len(kinds)], dealt + 1
        first = rng.choice(permalinks) if defect == "duplicate-url" else None
        path, text, line, extra = post(rng, day, section, defect, first)
        while path in used:  # same day, same title: let the slug differ
            path = path[:-3] + f"-{len(used)}.md"
        used.add(path)
        if defect is None and "permalink: " in text[:600]:
            start = text.index("permalink: ") + len("permalink: ")
            permalinks.append((path, text[start:text.index("\n", start)]))
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(encode(text))
        if defect:
            family, codes, configs = DEFECTS[defect]
            manifest.append({"file": path, "line": line, "kind": defect, "family": family,
                             "codes": codes, "configs": configs, **extra})
    (out / "manifest.json").write_text(json.dumps(
        {"generator": "bench/gen_site.py", "posts": posts, "seed": seed,
         "defect_rate": defect_rate, "defects": manifest}, indent=1) + "\n")
    return manifest


def big_links(out, links):
    """One post whose body is `links` links, a few per line, in every shape."""
    rng = random.Random(links)
    out.mkdir(parents=True, exist_ok=True)
    w = Writer()
    for line in ["---", "layout: post", "title: Many links", "date: 2024-03-01", "---", ""]:
        w.add(line)
    for _ in range(links):
        w.add(link_line(rng))
    path = out / "_posts" / f"2024-03-01-links-{links}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(w.text())
    return path


def big_body(out, megabytes):
    """One post whose body is about `megabytes` MB of paragraphs, lists and links."""
    rng = random.Random(megabytes)
    out.mkdir(parents=True, exist_ok=True)
    chunk = []
    for _ in range(40):
        chunk.append(paragraph(rng))
        chunk.append(link_line(rng))
        chunk.append("")
    block = "\n".join(chunk) + "\n"
    repeat = max(1, round(megabytes * 1_000_000 / len(block.encode())))
    path = out / "_posts" / f"2024-03-01-body-{megabytes:g}mb.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w") as f:
        f.write("---\nlayout: post\ntitle: A long body\ndate: 2024-03-01\n---\n\n")
        for _ in range(repeat):
            f.write(block)
    return path


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--posts", type=int)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--defect-rate", type=float, default=0.02)
    parser.add_argument("--big-links", type=int)
    parser.add_argument("--big-body", type=float)
    args = parser.parse_args()
    if args.big_links:
        print(big_links(args.out, args.big_links))
    elif args.big_body:
        print(big_body(args.out, args.big_body))
    elif args.posts:
        manifest = site(args.out, args.posts, args.seed, args.defect_rate)
        print(f"{args.out}: {args.posts} posts, {len(manifest)} seeded defects", file=sys.stderr)
    else:
        parser.error("give --posts, --big-links or --big-body")


if __name__ == "__main__":
    main()
