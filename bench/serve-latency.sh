#!/usr/bin/env bash
# Benchmark: time from saving one article to the live-reload event (SSE) under `gazette serve`.
# Not a test: run it by hand and put the figures in the issue note.
#
#   bench/serve-latency.sh              # 10,000 generated articles, then the sample site
#   ARTICLES=2000 SAVES=5 bench/serve-latency.sh
#
# Generated content goes to bench/out/ (git-ignored) and is reused between runs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
articles="${ARTICLES:-10000}"
saves="${SAVES:-10}"

mvn -B -q -Dstyle.color=never -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
cp="target/test-classes:target/classes:$(cat target/bench.cp)"
run() { java ${BENCH_JAVA_OPTS:--Xmx2g} -cp "$cp" dev.gazette.serve.ServeLatencyBenchmark "$@"; }

echo "== generated site: $articles articles"
run --articles "$articles" --saves "$saves" --work bench/out
echo "== sample site (a copy of content/)"
run --sample content --saves "$saves" --work bench/out
