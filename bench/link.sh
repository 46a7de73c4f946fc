#!/usr/bin/env bash
# Times the link stage (tags, related articles, stories, editions) on generated digests.
# Usage: bench/link.sh [ARTICLES...]   (default: 1000 10000)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mvn -B -q -Dstyle.color=never test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
java -Xmx4g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" dev.gazette.bench.LinkBenchmark "$@"
