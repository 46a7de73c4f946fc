#!/usr/bin/env bash
# Builds header-only cases (title, byline, date; no body truth) from the Postlight (Mercury) parser's
# public test fixtures: each site's first fixtures/SITE.html with the title, author and date_published
# its src/extractors/custom/SITE/index.test.js expects, as saved HTML and the six text dumps
# make_cases.sh makes. See src/test/java/dev/gazette/clean/PostlightCases.java.
#   bench/cleaning/make_postlight_cases.sh POSTLIGHT_GIT [OUT [SITE_REGEX]]   (SITE_REGEX: remake only those sites)
# POSTLIGHT_GIT is a bare mirror (e.g. /work/.mirror/postlight+parser/repo).
# OUT defaults to bench/out/postlight (git-ignored: these are third-party pages).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${2:-$root/bench/out/postlight}"
(cd "$root" && mvn -B -q -Dstyle.color=never -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/test.classpath) >&2
java -cp "$root/target/classes:$root/target/test-classes:$(cat "$root/target/test.classpath")" \
  dev.gazette.clean.PostlightCases "$1" "$out" ${3:+"$3"}
