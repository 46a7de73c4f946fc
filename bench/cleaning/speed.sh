#!/usr/bin/env bash
# Cleaning throughput on one core: saved pages/s over every source.html and text dumps/s over
# every source.txt of the case folders (default: ../shared/cleaning-dev and, when made by
# make_cases.sh, bench/out/cases). Each figure is CleaningThroughput's: a warm-up pass, then
# at least ten seconds of whole passes on one thread, pinned to one CPU where taskset exists;
# then the five slowest files of each form (each alone, best of five runs). The JVM compiles
# with the client compiler alone, as the launcher runs `build` and `extract`: with both
# compilers on one pinned core, the server compiler's work on the same core halves the figure for
# the first 20-40 s (bench/PROFILE.md, "Forty-first pass"); GAZETTE_SPEED_JIT="" leaves both.
#   bench/cleaning/speed.sh [CASES_DIR...]
# With GAZETTE_BASE_JAR=old.jar (a build of older code), each form is instead measured in
# GAZETTE_ROUNDS (default 3) alternating pairs, the old jar first, each row with its time and
# load: on a shared machine only such pairs compare two versions.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$root/bench/cleaning/case-dirs.sh"
dirs=("$@")
[ ${#dirs[@]} -gt 0 ] || default_case_dirs "$root"
(cd "$root" && mvn -B -q -o -Dstyle.color=never -DskipTests package test-compile) >&2
jar="${GAZETTE_JAR:-$root/target/gazette.jar}"
one_core=()
command -v taskset >/dev/null 2>&1 && one_core=(taskset -c 0)
throughput() { # JAR SLOWEST FILE...: one CleaningThroughput run, naming the SLOWEST files
  local with="$1" slowest="$2"; shift 2
  "${one_core[@]}" java -XX:ActiveProcessorCount=1 ${GAZETTE_SPEED_JIT--XX:TieredStopAtLevel=1} -Dgazette.slowest="$slowest" -cp "$with:$root/target/test-classes" \
    dev.gazette.clean.CleaningThroughput "$@"
}
for form in html txt; do
  mapfile -t files < <(for d in "${dirs[@]}"; do find "$d/cases" -name "source.$form"; done | sort)
  if [ -n "${GAZETTE_BASE_JAR:-}" ]; then
    echo "$form: ${#files[@]} files on one core, ${GAZETTE_ROUNDS:-3} pairs (base, then this build):"
    for _ in $(seq "${GAZETTE_ROUNDS:-3}"); do
      for with in "$GAZETTE_BASE_JAR" "$jar"; do
        load=$(cut -d' ' -f1 /proc/loadavg)
        echo "  $(date -u +%H:%M:%S) load $load $(basename "$with") $(throughput "$with" 0 "${files[@]}")"
      done
    done
  else
    echo "$form: ${#files[@]} files on one core:"
    throughput "$jar" 5 "${files[@]}"
  fi
done
