#!/usr/bin/env bash
# Pages of real input through the Nu HTML Checker: every source.txt and source.html of the case
# folders (default: ../shared/cleaning-dev and, when made, bench/out/cases and bench/out/postlight)
# put into one digest's content/raw/ as a curator would, built with ./gazette, then `gazette check`
# and the checker (NuChecker, in-process, the validator behind validator.w3.org/nu) over every page.
# A source the build refuses (no title to be found, say) is left out and named. Not a test:
# HtmlValidityTest checks the dev set's digest on every `mvn verify`.
#   bench/cleaning/validity.sh [CASES_DIR...]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$root/bench/cleaning/case-dirs.sh"
dirs=("$@")
[ ${#dirs[@]} -gt 0 ] || default_case_dirs "$root" postlight
work="${BENCH_WORK:-/tmp/ssg-bench}/validity"
rm -rf "$work" && mkdir -p "$work/content/raw"
printf 'title: Real pages\nbase_url: https://example.github.io/real/\nlanguage: en\n' > "$work/content/site.yml"
for dir in "${dirs[@]}"; do
  for case in "$dir"/cases/*/; do
    for source in "$case"source.txt "$case"source.html; do
      [ -f "$source" ] && cp "$source" "$work/content/raw/$(basename "$case").${source##*.}"
    done
  done
done
echo "$(ls "$work/content/raw" | wc -l) sources"
# Sources the build refuses are reported as path:line problems; leave them out and build the rest.
cd "$work"
if ! "$root/gazette" build --content content --out site --quiet 2> refused; then
  grep -oE '^content/raw/[^:]+:[0-9]+: .{0,80}' refused | sort -u -t: -k1,1 | while IFS=: read -r refused line message; do
    echo "left out: $refused:$line:$message"
    rm -f "$refused"
  done
  "$root/gazette" build --content content --out site --quiet 2>/dev/null
fi
"$root/gazette" check site | tail -1
(cd "$root" && mvn -B -q -Dstyle.color=never -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/test.classpath) >&2
java -cp "$root/target/classes:$root/target/test-classes:$(cat "$root/target/test.classpath")" dev.gazette.cli.NuChecker "$work/site" \
  > "$work/checker" || true
head -1 "$work/checker"
grep '^error: ' "$work/checker" | head -20
echo "messages: $work/checker"
