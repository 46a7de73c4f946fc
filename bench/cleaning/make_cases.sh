#!/usr/bin/env bash
# Builds training and evaluation cases from newspaper4k's and goose3's public test fixtures
# (news pages with expected article text) in the cleaning-dev format, each page as saved HTML and
# as text dumps by three dumpers (dev-style, Chromium innerText, lynx -dump), plain and "busy"
# (cookie banner + teaser list, no inline scripts). Title and byline truths are derived from each saved page as
# cleaning-dev derives its sh- truths (PageTruths.java), the fixture's values kept in provenance.
# See src/test/java/dev/gazette/clean/TrainingCases.java.
#   bench/cleaning/make_cases.sh NEWSPAPER4K_GIT GOOSE3_GIT [OUT]
#   bench/cleaning/make_cases.sh --retruth CASES_DIR OUT   the same cases, dumps copied, truths re-derived
# The git directories are bare mirrors (e.g. /work/.mirror/AndyTheFactory+newspaper4k/repo).
# OUT defaults to bench/out/cases (git-ignored: these are third-party articles).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${3:-$root/bench/out/cases}"
(cd "$root" && mvn -B -q -Dstyle.color=never -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/test.classpath) >&2
java -cp "$root/target/classes:$root/target/test-classes:$(cat "$root/target/test.classpath")" \
  dev.gazette.clean.TrainingCases "$1" "$2" "$out"
