#!/usr/bin/env bash
# The pre-commit shape: one SKILL.md linted inside a repository of 1 skill, of 5,000 skills
# (100 plugins of 50, a marketplace monorepo) and of 5,000 skills in one `.claude/skills`
# (one install unit: every frontmatter must be read for duplicate names). Same file, same
# bytes, side by side in one run; prints medians and the ratio to the 1-skill repository.
#
#   bench/precommit.sh [--runs N]      (SKILLSMITH=path/to/binary skips the release build)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=11
[ "${1:-}" = "--runs" ] && runs="$2"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -n "${SKILLSMITH:-}" ]; then
  skillsmith=$SKILLSMITH
else
  cargo build --release --locked --quiet
  skillsmith=$PWD/target/release/skillsmith
fi

python3 bench/gen_corpus.py 5000 "$work/plugins5000" 50
python3 bench/gen_corpus.py 5000 "$work/flat5000"
mkdir -p "$work/flat5000/.claude" && mv "$work/flat5000/skills" "$work/flat5000/.claude/skills"
python3 bench/gen_corpus.py 1 "$work/one" 50
for repo in plugins5000 flat5000 one; do git -C "$work/$repo" init -q; done
file=plugins/plugin-0/skills/bench-skill-0/SKILL.md
flat=.claude/skills/bench-skill-0/SKILL.md
cmp "$work/one/$file" "$work/plugins5000/$file"

python3 bench/measure.py "$runs" \
  "repo-of-1=$skillsmith lint $work/one/$file" \
  "repo-of-5000-plugins=$skillsmith lint $work/plugins5000/$file" \
  "repo-of-5000-one-unit=$skillsmith lint $work/flat5000/$flat" > "$work/pre.tsv"
base=$(awk -F'\t' 'NR==1 {print $2}' "$work/pre.tsv")
awk -F'\t' -v base="$base" '{printf "%-24s %7.1f ms median (%.1f-%.1f)  %.2fx\n", $1, $2*1000, $3*1000, $4*1000, $2/base}' "$work/pre.tsv"
