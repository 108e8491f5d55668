#!/usr/bin/env python3
"""Writes N realistic skills (frontmatter, sections, tables, lists, code, links) into DIR,
for benchmarks on machines without the shared corpus. Deterministic: the same N gives the
same bytes.

usage: gen_corpus.py N DIR [PER_PLUGIN]
Without PER_PLUGIN the skills go to DIR/skills/<name>/; with it, to
DIR/plugins/plugin-<k>/skills/<name>/, PER_PLUGIN skills a plugin (a marketplace monorepo)."""
import random
import sys
from pathlib import Path

WORDS = ("extract table column header parse convert validate schema record field query index "
         "cache batch stream retry timeout latency budget threshold review release deploy test "
         "format lint report error warning metric sample model prompt token window result").split()


def sentence(rng, n=12):
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def skill(rng, index):
    name = f"bench-skill-{index}"
    out = [
        "---",
        f"name: {name}",
        f"description: {sentence(rng, 16)[:-1]}. Use when {sentence(rng, 8).lower()}",
        "metadata:",
        f'  version: "1.{index % 10}"',
        "---",
        f"# Bench skill {index}",
        "",
        "## When to use",
        "",
    ]
    out += [f"- {sentence(rng, 9)}" for _ in range(5)]
    for section in range(rng.randint(6, 12)):
        out += ["", f"## Section {section}", "", sentence(rng, 40), ""]
        if section % 3 == 0:
            out += ["| Option | Threshold | Result |", "|---|---|---|"]
            out += [f"| {rng.choice(WORDS)} | {rng.randint(1, 500)} ms | {rng.choice(WORDS)} |" for _ in range(8)]
            out.append("")
        if section % 3 == 1:
            out += [f"{i}. {sentence(rng, 10)}" for i in range(1, 7)]
            out.append("")
        if section % 3 == 2:
            out += ["```bash", f"tool --{rng.choice(WORDS)} {rng.randint(1, 99)}", "```", ""]
        out.append(f"See [the reference](https://example.com/{rng.choice(WORDS)}) for {sentence(rng, 6).lower()}")
    return name, "\n".join(out) + "\n"


def main():
    count, target = int(sys.argv[1]), Path(sys.argv[2])
    per_plugin = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    rng = random.Random(20261128)
    for index in range(count):
        name, text = skill(rng, index)
        parent = target / "plugins" / f"plugin-{index // per_plugin}" if per_plugin else target
        folder = parent / "skills" / name
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "SKILL.md").write_text(text)


if __name__ == "__main__":
    main()
