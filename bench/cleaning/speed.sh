#!/usr/bin/env bash
# Cleaning throughput on one core: saved pages/s over every source.html and text dumps/s over
# every source.txt of the case folders (default: ../shared/cleaning-dev and, when made by
# make_cases.sh, bench/out/cases). Each figure is CleaningThroughput's: a warm-up pass, then
# at least ten seconds of whole passes on one thread, pinned to one CPU where taskset exists;
# then the five slowest files of each form (each alone, best of five runs).
#   bench/cleaning/speed.sh [CASES_DIR...]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
dirs=("$@")
if [ ${#dirs[@]} -eq 0 ]; then
  dirs=("$root/../shared/cleaning-dev")
  [ -d "$root/bench/out/cases/cases" ] && dirs+=("$root/bench/out/cases")
fi
(cd "$root" && mvn -B -q -o -Dstyle.color=never -DskipTests package test-compile) >&2
cp="${GAZETTE_JAR:-$root/target/gazette.jar}:$root/target/test-classes"
one_core=()
command -v taskset >/dev/null 2>&1 && one_core=(taskset -c 0)
for form in html txt; do
  mapfile -t files < <(for d in "${dirs[@]}"; do find "$d/cases" -name "source.$form"; done | sort)
  echo "$form: ${#files[@]} files on one core:"
  "${one_core[@]}" java -XX:ActiveProcessorCount=1 -Dgazette.slowest=5 -cp "$cp" dev.gazette.clean.CleaningThroughput "${files[@]}"
done
