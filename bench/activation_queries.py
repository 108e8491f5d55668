#!/usr/bin/env python3
"""Writes a queries file for `skillsmith activation --queries`: N queries (default 1,000) of
six words each, taken in turn from the descriptions of the skills under DIR, each expecting
no skill (so every query is scored against every entry). Deterministic.

usage: activation_queries.py DIR OUT.json [N]
"""
import json
import os
import re
import sys


def main():
    root, out = sys.argv[1], sys.argv[2]
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
    descriptions = []
    for folder, _, files in os.walk(root):
        if "SKILL.md" in files:
            with open(os.path.join(folder, "SKILL.md"), errors="replace") as f:
                found = re.search(r"^description:\s*(.+)$", f.read(), re.M)
            if found:
                descriptions.append(found.group(1))
    descriptions.sort()
    queries = []
    for i in range(count):
        words = re.findall(r"[A-Za-z]+", descriptions[i % len(descriptions)]) or ["help"]
        start = (i * 7) % len(words)
        queries.append({"query": " ".join((words[start:] + words)[:6]), "skill": None})
    with open(out, "w") as f:
        json.dump(queries, f)


if __name__ == "__main__":
    main()
