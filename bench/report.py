#!/usr/bin/env python3
"""Turn bench/run.sh's measurements into bench/RESULTS.md.

    bench/report.py machine                  print the machine's description (JSON)
    bench/report.py report WORK RESULTS.md   write the report from WORK/out/*

A block between `<!-- notes -->` and `<!-- /notes -->` in an existing RESULTS.md (a person's
reading of the numbers and the profile) is kept when the report is written again.
"""
import json
import os
import platform
import re
import subprocess
import sys
from collections import defaultdict
from datetime import datetime, timezone
from pathlib import Path

TOOLS = ["frontlint", "frontlint-isomer", "markdownlint-cli2", "rumdl",
         "remark-frontmatter-schema", "yamllint", "cat", "rg"]
LINTERS = TOOLS[:6]
LABELS = {
    "frontlint": "frontlint (default preset)",
    "frontlint-isomer": "frontlint (`--config` isomer preset)",
    "markdownlint-cli2": "markdownlint-cli2",
    "rumdl": "rumdl",
    "remark-frontmatter-schema": "remark-cli + remark-lint-frontmatter-schema",
    "yamllint": "yamllint (extracted front matter)",
    "cat": "floor: `cat` every file",
    "rg": "floor: `rg -c target`",
}
NOTES = re.compile(r"<!-- notes -->.*?<!-- /notes -->", re.S)


def run(*args):
    try:
        return subprocess.run(args, capture_output=True, text=True, timeout=60).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def machine():
    cpu = next((line.split(":", 1)[1].strip() for line in run("lscpu").splitlines()
                if line.startswith("Model name")), platform.processor())
    mem = next((int(line.split()[1]) // 1024 for line in open("/proc/meminfo")
                if line.startswith("MemTotal")), 0)
    cache = Path(__file__).resolve().parent / ".cache"
    versions = {
        "rustc": run("rustc", "--version"),
        "node": run("node", "--version"),
        "python": platform.python_version(),
        "hyperfine": run("hyperfine", "--version"),
        "ripgrep": run("rg", "--version").split("\n")[0],
        "markdownlint-cli2": run(str(cache / "npm/node_modules/.bin/markdownlint-cli2"), "--help").split("\n")[0],
        "rumdl": run(str(cache / "venv/bin/rumdl"), "--version"),
        "yamllint": run(str(cache / "venv/bin/yamllint"), "--version"),
        "remark-cli": run(str(cache / "npm/node_modules/.bin/remark"), "--version").replace("\n", ", "),
    }
    return {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": cpu, "cores": os.cpu_count(), "memory_mb": mem,
        "kernel": platform.release(), "load_start": os.getloadavg(), "versions": versions,
    }


# --- reading each tool's output ------------------------------------------------------------

def norm(path):
    return path[2:] if path.startswith("./") else path


def diagnostics(tool, out, fm_dir, site=None):
    """[(path, line, code)] from one tool's saved output; line 0 = the whole file. Paths are
    made relative to the site (rumdl prints them relative to the repository it runs in)."""
    found = parse_output(tool, out, fm_dir)
    if found is None or site is None:
        return found
    return [(site_relative(site, path), line, code) for path, line, code in found]


def site_relative(site, path):
    parts = Path(path).parts
    for start in range(len(parts)):
        candidate = Path(*parts[start:])
        if (site / candidate).exists():
            return str(candidate)
    return path


def parse_output(tool, out, fm_dir):
    stdout = (out / f"{tool}.stdout").read_text(errors="replace") if (out / f"{tool}.stdout").exists() else ""
    stderr = (out / f"{tool}.stderr").read_text(errors="replace") if (out / f"{tool}.stderr").exists() else ""
    found = []
    if tool.startswith("frontlint"):
        try:
            data = json.loads(stdout)
        except json.JSONDecodeError:
            return None
        for d in data["diagnostics"]:
            found.append((norm(d["path"]), d["line"], d["code"]))
    elif tool == "markdownlint-cli2":
        for m in re.finditer(r"^(.+?):(\d+)(?::\d+)? (?:(?:error|warning) )?(MD\d+)", stderr + stdout, re.M):
            found.append((norm(m[1]), int(m[2]), m[3]))
    elif tool == "rumdl":
        for m in re.finditer(r"^(.+?):(\d+):\d+:? \[?(MD\d+)", stdout, re.M):
            found.append((norm(m[1]), int(m[2]), m[3]))
    elif tool == "remark-frontmatter-schema":
        path = None
        for line in stderr.splitlines():
            if m := re.match(r"\s*(\d+):\d+(?:-\d+:\d+)?\s+(?:warning|error)\s", line):
                if path:
                    found.append((path, int(m[1]), "schema"))
            elif re.match(r"\s+(?:warning|error)\s", line):
                if path:
                    found.append((path, 0, "schema"))
            elif line and not line[0].isspace() and not line.startswith(("⚠", "✖")):
                path = norm(line.strip())
    elif tool == "yamllint":
        prefix = str(fm_dir) + "/"
        names = json.loads((fm_dir / "names.json").read_text()) if (fm_dir / "names.json").exists() else {}
        for m in re.finditer(r"^(.+?):(\d+):\d+: \[(?:error|warning)\] .*\((\S+)\)$", stdout, re.M):
            path = m[1][len(prefix):] if m[1].startswith(prefix) else m[1]
            found.append((names.get(path, path.removesuffix(".yml")), int(m[2]), m[3]))
    else:
        return None
    return found


def recall(defects, found, by_code=False):
    """How many seeded defects the tool reported where they are (their file and line; for
    defects about the whole file, anything on line 1 or without a line)."""
    at = defaultdict(set)
    for path, line, code in found:
        at[path].add((line, code))
    hits = []
    for d in defects:
        places = at.get(d["file"], set())
        file_level = d["line"] == 1
        hit = any((line == d["line"] or (file_level and line == 0))
                  and (not by_code or any(code == c or (c.endswith("xx") and code.startswith(c[:3])) for c in d["codes"]))
                  for line, code in places)
        hits.append(hit)
    return hits


# --- formatting ------------------------------------------------------------------------------

def seconds(value):
    if value is None:
        return "–"
    return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"


def hyperfine(path):
    if not path.exists():
        return {}
    return {r["command"]: r for r in json.loads(path.read_text())["results"]}


def rss(path):
    try:
        return int(path.read_text().split()[-1]) / 1024
    except (OSError, ValueError, IndexError):
        return None


def count_files(site):
    return sum(1 for p in Path(site).rglob("*") if p.suffix in {".md", ".markdown"} and p.is_file())


def table(rows, header):
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def site_section(work, label, title, manifest, files, site):
    out = work / "out" / label
    times = hyperfine(out / "hyperfine.json")
    if not times:
        return "", {}
    defects = manifest["defects"] if manifest else []
    base = times.get("frontlint", {}).get("mean")
    rows, recalls = [], {}
    for tool in TOOLS:
        stopped = out / f"{tool}.timeout"
        if tool not in times and stopped.exists():
            limit = float(stopped.read_text())
            peak = rss(out / f"{tool}.rss")
            rows.append([LABELS[tool], f"stopped after {limit:.0f} s", "–",
                         "–" if peak is None else f"≥ {peak:.0f} MB", f"< {files / limit:,.0f}",
                         f"> {limit / base:.0f}×" if base else "–", "–", "–"])
            continue
        if tool not in times:
            continue
        r = times[tool]
        found = diagnostics(tool, out, work / "fm" / label, site if defects else None)
        count = "–" if found is None else len(found)
        seeded = "–"
        if found is not None and defects:
            hits = recall(defects, found)
            recalls[tool] = hits
            seeded = f"{sum(hits)} / {len(defects)}"
        peak = rss(out / f"{tool}.rss")
        rows.append([
            LABELS[tool], f"{seconds(r['mean'])} ± {seconds(r['stddev'] or 0)}", seconds(r["min"]),
            "–" if peak is None else f"{peak:.0f} MB", f"{files / r['mean']:,.0f}",
            f"{r['mean'] / base:.2f}×" if base else "–", count, seeded,
        ])
    text = f"### {title}\n\n" + table(rows, [
        "tool", "wall time (mean ± σ)", "min", "peak RSS", "files/s", "÷ frontlint",
        "diagnostics", "seeded defects found"]) + "\n"
    if label.startswith("site-") and "frontlint" in recalls:
        strict = recall(defects, diagnostics("frontlint", out, None, site), by_code=True)
        text += (f"\nfrontlint reported {sum(strict)} of {len(defects)} seeded defects with the "
                 "expected rule code (default preset).\n")
    return text, {"times": times, "recalls": recalls, "defects": defects}


def family_section(data):
    defects, recalls = data["defects"], data["recalls"]
    families = sorted({d["family"] for d in defects})
    kinds = sorted({d["kind"] for d in defects}, key=lambda k: (next(d["family"] for d in defects if d["kind"] == k), k))
    tools = [t for t in LINTERS if t in recalls]
    rows = []
    for kind in kinds:
        idx = [i for i, d in enumerate(defects) if d["kind"] == kind]
        family = defects[idx[0]]["family"]
        rows.append([family, kind, len(idx)] + [sum(recalls[t][i] for i in idx) for t in tools])
    total = ["**all**", "", len(defects)] + [f"**{sum(recalls[t])}**" for t in tools]
    return table(rows + [total], ["family", "seeded defect", "seeded"] + [LABELS[t] for t in tools]), families


def report(work, results):
    work = Path(work)
    results = Path(results)
    info = json.loads((work / "machine.json").read_text())
    notes = ""
    if results.exists():
        m = NOTES.search(results.read_text())
        notes = m[0] if m else ""
    load_end = os.getloadavg()
    parts = [
        "# frontlint benchmark results",
        "",
        "Written by `bench/run.sh` (see `bench/README.md`); numbers are whole-process wall times "
        "from one run of hyperfine per site, so ratios between tools in one table are comparable.",
        "",
        "## Machine",
        "",
        f"- date: {info['date']}",
        f"- CPU: {info['cpu']}, {info['cores']} cores; memory: {info['memory_mb']:,} MB; Linux {info['kernel']}",
        f"- load average (1/5/15 min) at start: {', '.join(f'{x:.2f}' for x in info['load_start'])}; "
        f"at end: {', '.join(f'{x:.2f}' for x in load_end)}"
        + (" — **the machine was shared with other jobs while measuring**: absolute times are "
           "pessimistic and noisy; ratios from the same table hold better." if max(info['load_start'][0], load_end[0]) > 0.7 * (info['cores'] or 1) else ""),
        "- versions: " + "; ".join(f"{k} {v}" for k, v in info["versions"].items() if v),
        "",
        "Peers do their closest job: markdownlint-cli2 and rumdl lint the Markdown (their defaults "
        "less line length, inline HTML, emphasis-as-heading and first-line-heading, which fire on "
        "nearly every line of a CMS-written page: `bench/peers/`); remark-lint-frontmatter-schema "
        "checks the front matter against `bench/peers/frontmatter.schema.json`; yamllint reads the "
        "front matter extracted beforehand (`bench/extract_front_matter.py`, not timed). Peak RSS is "
        "GNU time's maximum resident set size of the largest process. A seeded defect counts as "
        "found when the tool reports anything on its file and line (line 1, or no line, for "
        "defects about the whole file).",
        "",
        "## Sites",
        "",
    ]
    targets = {}
    family_data = None
    site_labels = sorted((p.name for p in (work / "out").glob("site-*")), key=lambda s: int(s[5:]))
    for label in site_labels:
        posts = int(label[5:])
        site = work / "sites" / str(posts)
        manifest = json.loads((site / "manifest.json").read_text())
        text, data = site_section(work, label, f"{posts:,} generated posts ({len(manifest['defects'])} seeded defects)",
                                  manifest, posts, site)
        parts += [text]
        targets[posts] = data
        family_data = data
    if (work / "out" / "corpora").exists():
        corpora = os.environ.get("BENCH_CORPORA") or "/work/shared/corpora"
        files = count_files(corpora) if Path(corpora).exists() else 0
        text, _ = site_section(work, "corpora", f"The real corpora ({files:,} Markdown files, `shared/corpora`)", None, max(files, 1), Path(corpora))
        parts += [text]

    if family_data and family_data.get("recalls"):
        largest = max(targets)
        ftable, _ = family_section(family_data)
        parts += [f"### Seeded defects found, by kind ({largest:,}-post site)", "",
                  "frontlint's FL5xx link rules are not on this branch yet, so it finds none of "
                  "the link/IAL family here." if not any(
                      family_data["recalls"]["frontlint"][i] for i, d in enumerate(family_data["defects"])
                      if d["family"].startswith("FL5")) else "", "", ftable, ""]

    pre = hyperfine(work / "out" / "pre-commit" / "hyperfine.json")
    if pre:
        named, version = pre.get("frontlint, 5 named files"), pre.get("frontlint --version")
        rows = [[name, f"{seconds(r['mean'])} ± {seconds(r['stddev'] or 0)}", seconds(r["min"])] for name, r in pre.items()]
        parts += ["## Pre-commit shape", "",
                  f"Five files named on the command line in the {max(targets):,}-post site (site-wide URL "
                  "rules compare them with every other file of the site), against process start-up.", "",
                  table(rows, ["command", "wall time (mean ± σ)", "min"]), ""]
        if named and version:
            targets["pre-commit"] = named["mean"] / version["mean"]
            peak = rss(work / "out" / "pre-commit" / "frontlint.rss")
            parts += [f"Ratio: {named['mean'] / version['mean']:.1f}× `frontlint --version`"
                      + (f"; peak RSS {peak:.0f} MB." if peak else "."), ""]

    # Targets from the issue.
    if targets:
        largest = max(k for k in targets if isinstance(k, int))
        t = targets[largest]["times"]
        checks = []
        if "frontlint" in t and "rg" in t:
            ratio = t["frontlint"]["mean"] / t["rg"]["mean"]
            checks.append([f"frontlint within 2× of ripgrep ({largest:,} posts)", f"{ratio:.2f}×", "yes" if ratio <= 2 else "**no**"])
        if "frontlint" in t and "rumdl" in t:
            ratio = t["rumdl"]["mean"] / t["frontlint"]["mean"]
            checks.append([f"frontlint ≥ 10× faster than rumdl ({largest:,} posts)", f"{ratio:.1f}×", "yes" if ratio >= 10 else "**no**"])
        if "pre-commit" in targets:
            ratio = targets["pre-commit"]
            checks.append(["pre-commit within 1.5× of `frontlint --version`", f"{ratio:.1f}×", "yes" if ratio <= 1.5 else "**no**"])
        peak = rss(work / "out" / f"site-{largest}" / "frontlint.rss")
        if peak:
            checks.append([f"peak RSS under 64 MB ({largest:,} posts)", f"{peak:.0f} MB", "yes" if peak < 64 else "**no**"])
        if checks:
            parts[parts.index("## Sites"):parts.index("## Sites")] = [
                "## The issue's targets", "", table(checks, ["target", "measured", "met"]), ""]

    # Linear growth.
    rows = []
    sizes = sorted([(int(p.name[7:]), p) for p in (work / "out").glob("linear-*")] +
                   [(int(p.name[5:]), p) for p in (work / "out").glob("site-*")])
    for posts, out in sizes:
        times = hyperfine(out / "hyperfine.json")
        if "frontlint" not in times:
            continue
        peak = rss(out / "frontlint.rss")
        rows.append([f"{posts:,}"] + [
            f"{times[t]['mean'] / posts * 1e6:.1f} µs" if t in times else "–" for t in ("frontlint", "cat", "rg")
        ] + [seconds(times["frontlint"]["mean"]), "–" if peak is None else f"{peak:.0f} MB"])
    if rows:
        parts += ["## Linear growth", "", "Time per post, whole site (default preset).", "",
                  table(rows, ["posts", "frontlint per post", "cat per post", "rg per post", "frontlint total", "frontlint peak RSS"]), ""]
    big = hyperfine(work / "out" / "big" / "hyperfine.json")
    if big:
        rows = []
        for name, r in big.items():
            file = next((work / "big" / name / "_posts").glob("*.md"), None)
            size = file.stat().st_size / 1e6 if file else 0
            peak = rss(work / "out" / "big" / f"{name}.rss")
            rows.append([name, f"{size:.1f} MB", f"{seconds(r['mean'])} ± {seconds(r['stddev'] or 0)}",
                         f"{r['mean'] / size * 1000:.1f} ms/MB" if size else "–",
                         "–" if peak is None else f"{peak:.0f} MB"])
        parts += ["## Big single posts", "",
                  "One post with 10,000 or 100,000 links (one per line, every link shape), or a body of "
                  "5 or 50 MB (paragraphs and links): time should grow in proportion to size.", "",
                  table(rows, ["post", "size", "wall time", "per MB", "peak RSS"]), ""]

    prof = work / "out" / "profile"
    if (prof / "exclusive.txt").exists():
        parts += ["## Profile", "",
                  "`valgrind --tool=callgrind` of `frontlint check .` on the 5,000-post site: the share of all "
                  "instructions (every thread; exact, whatever else the machine was doing), per function "
                  "with what the compiler inlined into it. Raw listings: `bench/work/out/profile/`.", "",
                  "Self cost (top functions):", "", "```text", top_functions(prof / "exclusive.txt", 20), "```", "",
                  "Inclusive cost (top functions):", "", "```text", top_functions(prof / "inclusive.txt", 30, inclusive=True), "```", ""]
    parts += [notes or "<!-- notes -->\n<!-- /notes -->", ""]
    results.write_text("\n".join(parts))


def top_functions(path, count, inclusive=False):
    """The top functions of a callgrind_annotate listing as a share of all instructions (self
    costs summed over the source files their inlined code comes from). Call lines (`(12x)`) are skipped;
    in the inclusive view, so are the thread and runtime frames that contain everything."""
    text = path.read_text(errors="replace")
    total = re.search(r"^\s*([\d,]+) \(100\.0%\)\s+PROGRAM TOTALS", text, re.M)
    total = int(total[1].replace(",", "")) if total else 1
    costs = defaultdict(int)
    for line in text.splitlines():
        m = re.match(r"^\s*([\d,]+) \(\s*[\d.]+%\)\s+(.*?):(.*?)(?: \[[^\]]*\])?$", line.rstrip())
        if not m or "PROGRAM TOTALS" in line or re.search(r"\([\d,]+x\)$", m[3]):
            continue
        cost = int(m[1].replace(",", ""))
        # Self costs of code inlined from several files add up; an inclusive cost is listed
        # once per spelling of the function's own file (absolute and relative), so take one.
        costs[m[3]] = max(costs[m[3]], cost) if inclusive else costs[m[3]] + cost
    skip = re.compile(r"^(rayon|<rayon|std::|<std::|core::ops|start_thread|\(below main\)|main$|frontlint::main|__libc_start|0x[0-9a-f]+$)")
    rows = [(cost, name) for name, cost in costs.items()
            if not (inclusive and (skip.match(name) or cost > total))]
    rows.sort(reverse=True)
    return "\n".join(f"{cost / total * 100:5.1f}%  {name if len(name) <= 140 else name[:137] + '...'}"
                     for cost, name in rows[:count])


def main():
    if sys.argv[1:2] == ["machine"]:
        print(json.dumps(machine(), indent=1))
    elif sys.argv[1:2] == ["report"] and len(sys.argv) >= 4:
        report(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
