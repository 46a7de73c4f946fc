#!/usr/bin/env bash
# Read + clean + enrich of every source of a content folder on one thread, with the launcher's JIT
# and collector (ReadThroughput: the first pass, then the median and fastest of the later ones).
# Not a test: run it by hand to compare jars, e.g. before and after a change to source/, clean/ or enrich/.
#   bench/read.sh [CONTENT_DIR] [PASSES]        # default: the 1,000-article bench corpus, 10 passes
#   GAZETTE_JARS="a.jar b.jar" bench/read.sh    # several jars, alternately, three rounds
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
content="${1:-${BENCH_WORK:-/tmp/ssg-bench}/work/gazette-1000/content}"
passes="${2:-10}"
[ -d "$content" ] || { echo "bench/read.sh: $content not found (bench/anchors.sh 1000 1 lays it out)" >&2; exit 2; }
(cd "$root" && mvn -B -q -o -Dstyle.color=never -DskipTests package test-compile) >&2
jars=(${GAZETTE_JARS:-$root/target/gazette.jar})
rounds=1
[ ${#jars[@]} -gt 1 ] && rounds=3
for _ in $(seq "$rounds"); do
  for jar in "${jars[@]}"; do
    printf '%s: ' "$(basename "$jar")"
    java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$jar:$root/target/test-classes" dev.gazette.pipeline.ReadThroughput "$content" "$passes"
  done
done
