#!/usr/bin/env bash
# Times the link stage (tags, related articles, stories, editions) on generated digests.
# Usage: bench/link.sh [ARTICLES...]              (default: 1000 10000) from nothing
#        bench/link.sh --relink [ARTICLES] [EDITS] (default: 10000 20) in the preview's memory after one edit
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
main=dev.gazette.bench.LinkBenchmark
if [ "${1:-}" = --relink ]; then
  shift
  main=dev.gazette.bench.RelinkBenchmark
fi
mvn -B -q -Dstyle.color=never test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
java -Xmx4g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" "$main" "$@"
