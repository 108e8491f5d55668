#!/usr/bin/env bash
# Benchmarks skillsmith against the floor (read + parse only, one thread) and the peers a user
# would pick instead, on the same corpora, side by side in one run.
#
#   bench/run.sh [--with-agnix] [--runs N]
#
# Corpora: ../shared/corpus when present, else 600 generated skills; plus x4 and x16 copies.
# Needs: cargo, python3 (with venv). skills-ref is installed from PyPI into a temporary venv;
# agnix (crate agnix-cli, built from crates.io, several minutes) only with --with-agnix.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=5
with_agnix=0
while [ $# -gt 0 ]; do
  case "$1" in
    --with-agnix) with_agnix=1 ;;
    --runs) runs="$2"; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "building (release)..." >&2
cargo build --release --locked --quiet
floor=$(cargo bench --locked --bench floor --no-run --message-format=json 2>/dev/null \
  | python3 -c 'import json,sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m.get("executable") and m["target"]["name"] == "floor":
        print(m["executable"])')
skillsmith=$PWD/target/release/skillsmith

# Corpora
if [ -d ../shared/corpus ]; then
  src=$(cd ../shared/corpus && pwd); corpus_name="shared corpus"
else
  src="$work/generated"; corpus_name="generated corpus"
  python3 bench/gen_corpus.py 600 "$src"
fi
mkdir -p "$work/x1" "$work/x4" "$work/x16"
cp -r "$src" "$work/x1/c1"
for i in 1 2 3 4; do cp -r "$src" "$work/x4/c$i"; done
for i in $(seq 1 16); do cp -r "$src" "$work/x16/c$i"; done
chmod -R u+w "$work"

# Peers
peers=()
if python3 -m venv "$work/venv" >/dev/null 2>&1 && "$work/venv/bin/pip" install --quiet skills-ref==0.1.1 >/dev/null 2>&1; then
  peers+=("skills-ref=$work/venv/bin/python bench/skills_ref_all.py")
else
  echo "note: skills-ref could not be installed from PyPI; its rows are skipped" >&2
fi
if [ "$with_agnix" = 1 ]; then
  # Built once into target/bench-tools and reused by later runs.
  tools="$PWD/target/bench-tools"
  if [ ! -x "$tools/bin/agnix" ]; then
    echo "building agnix from crates.io (minutes)..." >&2
    cargo install --quiet --locked --root "$tools" agnix-cli >/dev/null 2>&1 || true
  fi
  if [ -x "$tools/bin/agnix" ]; then
    peers+=("agnix=$tools/bin/agnix")
  else
    echo "note: agnix could not be built; its rows are skipped" >&2
  fi
fi

skills=$(find "$work/x1" -name SKILL.md | wc -l)
echo "# skillsmith benchmark: $(date -u +%Y-%m-%d), $(nproc) cores, $corpus_name ($skills skills, $(find "$work/x1" -name SKILL.md -exec cat {} + | wc -c) bytes of SKILL.md), $runs runs each, medians"
echo
printf '| corpus | what | wall s (median) | peak MiB | wall vs floor | wall vs x1 | peak vs x1 |\n|---|---|---|---|---|---|---|\n'
for size in x1 x4 x16; do
  dir="$work/$size"
  cmds=("floor=$floor $dir"
    "skillsmith default=$skillsmith lint --format json $dir"
    "skillsmith default, 1 thread=$skillsmith lint --format json --threads 1 $dir"
    "skillsmith all rules=$skillsmith lint --format json --extend-select all $dir")
  if [ "$size" = x1 ]; then
    for peer in "${peers[@]}"; do cmds+=("${peer} $dir"); done
  fi
  python3 bench/measure.py "$runs" "${cmds[@]}" > "$work/$size.tsv"
  floor_wall=$(awk -F'\t' '$1=="floor"{print $2}' "$work/$size.tsv")
  # Each row against the floor of its own corpus and against its own x1 row.
  awk -F'\t' -v c="$size" -v f="$floor_wall" '
    NR == FNR { wall1[$1] = $2; peak1[$1] = $5; next }
    { printf "| %s | %s | %.3f | %.1f | %.2fx | %.2fx | %.2fx |\n", c, $1, $2, $5, $2/f, $2/wall1[$1], $5/peak1[$1] }
  ' "$work/x1.tsv" "$work/$size.tsv"
done

echo
x1=$(awk -F'\t' '$1=="skillsmith default"{print $2}' "$work/x1.tsv")
x16=$(awk -F'\t' '$1=="skillsmith default"{print $2}' "$work/x16.tsv")
x16peak=$(awk -F'\t' '$1=="skillsmith default"{print $5}' "$work/x16.tsv")
echo "scaling: x16 wall / x1 wall = $(python3 -c "print(f'{$x16/$x1:.1f}')") (linear would be 16); x16 peak = $x16peak MiB"
for peer in skills-ref agnix; do
  p=$(awk -F'\t' -v p="$peer" '$1==p{print $2}' "$work/x1.tsv")
  [ -n "$p" ] && echo "speed-up over $peer on x1: $(python3 -c "print(f'{$p/$x1:.1f}')")x"
done

# One file, the shape of a pre-commit call.
# (sed and awk read their whole input: `head` would end the pipe early, and with pipefail a
# SIGPIPE in `sort` would stop the script.)
one=$(find "$work/x1" -name SKILL.md | sort | sed -n 1p)
python3 bench/measure.py 20 "one-file=$skillsmith lint $one" > "$work/one.tsv"
echo "one-file lint: $(awk -F'\t' '{printf "%.1f ms median (%.1f-%.1f)", $2*1000, $3*1000, $4*1000}' "$work/one.tsv")"
# skills-ref's command is `agentskills`.
if [ -x "$work/venv/bin/agentskills" ]; then
  mapfile -t dirs < <(find "$work/x1" -name SKILL.md | sort | awk 'NR <= 20' | xargs -d '\n' -n1 dirname)
  start=$(date +%s.%N)
  for d in "${dirs[@]}"; do "$work/venv/bin/agentskills" validate "$d" >/dev/null 2>&1 || true; done
  end=$(date +%s.%N)
  echo "skills-ref, one process per skill: $(python3 -c "print(f'{($end-$start)/20*1000:.0f}')") ms per skill"
fi
