#!/usr/bin/env bash
# Measures the cleaner on the cleaning-dev set beside Mozilla Readability.js.
#   bench/cleaning/score.sh [DEV_DIR] [--no-readability] [--no-throughput]
# DEV_DIR defaults to ../shared/cleaning-dev (relative to the repository). Prints per-case rows,
# per-form and per-prefix summaries with the F1 ratio, then throughput of both on one core.
# Outputs are kept in bench/out/cleaning/ (git-ignored).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$root/bench/cleaning"
dev="$root/../shared/cleaning-dev"
readability=1
throughput=1
for arg in "$@"; do
  case "$arg" in
    --no-readability) readability=0 ;;
    --no-throughput) throughput=0 ;;
    -*) echo "unknown option $arg" >&2; exit 2 ;;
    *) dev="$arg" ;;
  esac
done
[ -d "$dev/cases" ] || { echo "score.sh: no cases in $dev" >&2; exit 2; }
dev="$(cd "$dev" && pwd)"
out="$root/bench/out/cleaning"
mkdir -p "$out"

echo "Building Gazette..." >&2
(cd "$root" && mvn -B -q -Dstyle.color=never -DskipTests package test-compile) >&2
cp="$root/target/gazette.jar:$root/target/test-classes"
mapfile -t files < <(find "$dev/cases" -name 'source.html' -o -name 'source.txt' | sort)
# One core, as the throughput figures claim.
one_core=()
command -v taskset >/dev/null 2>&1 && one_core=(taskset -c 0)

java -jar "$root/target/gazette.jar" extract --json "${files[@]}" > "$out/gazette.jsonl" 2> "$out/gazette.log" || true
results=("$out/gazette.jsonl")
if [ "$readability" = 1 ]; then
  if [ ! -d "$here/node_modules/@mozilla/readability" ]; then
    echo "Installing Readability.js and jsdom into bench/cleaning/node_modules..." >&2
    (cd "$here" && npm install --no-audit --no-fund --no-package-lock --silent) >&2
  fi
  node "$here/readability.mjs" extract "${files[@]}" > "$out/readability.jsonl"
  results+=("$out/readability.jsonl")
fi
java -cp "$cp" dev.gazette.clean.CleaningScore "$dev" "${results[@]}"

if [ "$throughput" = 1 ]; then
  html=("$dev"/cases/*/source.html)
  echo
  echo "Throughput on one core over the ${#html[@]} .html sources (pages/s, MB/s):"
  printf '  Gazette        %s\n' "$("${one_core[@]}" java -XX:ActiveProcessorCount=1 -cp "$cp" dev.gazette.clean.CleaningThroughput "${html[@]}")"
  [ "$readability" = 1 ] && printf '  Readability.js %s\n' "$("${one_core[@]}" node "$here/readability.mjs" throughput "${html[@]}")"
  txt=("$dev"/cases/*/source.txt)
  echo "Throughput on one core over the ${#txt[@]} .txt sources (pages/s, MB/s):"
  printf '  Gazette        %s\n' "$("${one_core[@]}" java -XX:ActiveProcessorCount=1 -cp "$cp" dev.gazette.clean.CleaningThroughput "${txt[@]}")"
  [ "$readability" = 1 ] && printf '  Readability.js %s\n' "$("${one_core[@]}" node "$here/readability.mjs" throughput "${txt[@]}")"
fi
