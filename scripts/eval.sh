#!/usr/bin/env bash
# Score the loader's extraction against every gold file: shared/eval (seed and
# dev), and any NAME.gold.json beside a NAME.txt under data/ or testdata/.
# usage: scripts/eval.sh [SHARED_DIR]
set -euo pipefail
shared=${1:-../shared}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin" "$work/pred"
go build -o "$work/bin/loader" ./loader

score_set() { # name gold_dir text_dir...
  local name=$1 gold=$2; shift 2
  local pred="$work/pred/${name//\//_}"; mkdir -p "$pred"
  local n=0
  for g in "$gold"/*.gold.json; do
    [ -e "$g" ] || continue
    local base; base=$(basename "$g" .gold.json)
    local txt=""
    for d in "$@"; do [ -f "$d/$base.txt" ] && txt="$d/$base.txt" && break; done
    [ -n "$txt" ] || { echo "$name: no text for $base" >&2; continue; }
    "$work/bin/loader" --json "$txt" >"$pred/$base.pred.json"
    n=$((n+1))
  done
  [ "$n" -gt 0 ] || return 0
  echo "== $name ($n documents)"
  python3 "$shared/eval/score.py" --pairs "$gold" "$pred"
}

score_set seed "$shared/eval/seed" "$shared/seeds" data
score_set dev "$shared/eval/dev" "$shared/eval/dev"
# The project's own articles with gold (NAME.txt beside NAME.gold.json).
# (testdata/eval is a copy of shared/eval, scored above.)
for d in $(find data testdata -path testdata/eval -prune -o -name '*.gold.json' -printf '%h\n' 2>/dev/null | sort -u); do
  score_set "$d" "$d" "$d"
done
