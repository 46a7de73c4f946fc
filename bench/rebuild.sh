#!/usr/bin/env bash
# `gazette build` after editing one article, with the build cache, against a cold build of the
# same site: the corpus of ../shared/bench laid out as its Gazette anchor does. Not a test.
#
#   bench/rebuild.sh [ARTICLES] [EDITS]      # default 10000 articles, 3 edits
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="$repo/../shared/bench"
n="${1:-10000}"; edits="${2:-3}"
work="${BENCH_WORK:-/tmp/ssg-bench}/rebuild-$n"
"$repo/gazette" --version >/dev/null
# Untimed: a small build first, so the class-data archive the launcher makes after a new jar is not timed.
"$repo/gazette" build --content "$repo/content" --out "$work/warm-up" --no-cache --quiet
rm -rf "$work/warm-up"
corpus="$work/corpus"
if [ ! -d "$corpus/content" ]; then
  python3 "$shared/gen_corpus.py" "$corpus" "$n" --seed "${SEED:-20261122}" >&2
fi
"$shared/anchors/gazette/prepare.sh" "$corpus/content" "$work/site-src"
cd "$work/site-src"
# Sources dated a minute back, as a curator's files are: a file modified within two seconds of a
# build's read is not trusted by its time (BuildMemory.Stamp), so sources copied just before the
# cold build would be read again by the next one, which would then measure that, not "no change".
find content -type f -exec touch -d "@$(($(date +%s) - 60))" {} +
timed() {   # prints "wall_s maxrss_mb cpu_s load" of one build (load: the 1-minute average as it ends)
  /usr/bin/time -f "%e %M %U %S" -o "$work/time" "$repo/gazette" build --content content --out out >/dev/null
  awk -v load="$(cut -d' ' -f1 /proc/loadavg)" '{printf "%s %d %.1f %s\n", $1, $2 / 1024, $3 + $4, load}' "$work/time"
}
rm -rf out .gazette-cache
read -r cold cold_rss cold_cpu load < <(timed)
echo "cold build with an empty cache: ${cold} s, ${cold_cpu} s CPU, ${cold_rss} MB (load ${load}); cache $(du -sh .gazette-cache | cut -f1)"
read -r same same_rss same_cpu load < <(timed)
echo "no change: ${same} s, ${same_cpu} s CPU, ${same_rss} MB (load ${load})"
article="$(ls content/articles | sort | sed -n "$((n / 2))p")"
walls=()
for i in $(seq 1 "$edits"); do
  printf '\nEdit number %s adds a sentence to the article.\n' "$i" >> "content/articles/$article"
  read -r wall rss cpu load < <(timed)
  echo "one article edited: ${wall} s, ${cpu} s CPU, ${rss} MB (load ${load})"
  walls+=("$wall")
done
median=$(printf '%s\n' "${walls[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "median one-edit rebuild ${median} s = $(awk "BEGIN {printf \"%.1f\", 100 * $median / $cold}") % of the cold build; cache $(du -sh .gazette-cache | cut -f1)"
