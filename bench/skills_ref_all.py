#!/usr/bin/env python3
"""Validates every skill folder under the given folders with skills-ref, in one process."""
import sys
from pathlib import Path

from skills_ref.validator import validate

count = 0
for root in sys.argv[1:]:
    for skill_md in sorted(Path(root).rglob("*")):
        if skill_md.name.lower() == "skill.md" and skill_md.is_file():
            validate(skill_md.parent)
            count += 1
print(f"{count} skills validated")
