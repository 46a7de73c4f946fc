#!/usr/bin/env bash
# Runs the Jazzer fuzz targets of src/test/java/dev/gazette/fuzz/StageFuzzTest.java in fuzzing
# mode, one after the other, each for the maxDuration its @FuzzTest gives. A crashing input is written to
# src/test/resources/dev/gazette/fuzz/StageFuzzTestInputs/<target>/ where plain 'mvn verify'
# replays it from then on; the growing corpus stays in .cifuzz-corpus/ (git-ignored).
#
#   bench/fuzz.sh [TARGET...]     e.g. bench/fuzz.sh htmlPage markdown
#
# Targets: frontMatter siteConfig textDump htmlPage markdown wholePipeline (default: all).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
targets=("$@")
if [ "${#targets[@]}" -eq 0 ]; then
  targets=(frontMatter siteConfig textDump htmlPage markdown wholePipeline)
fi
mkdir -p bench/out/fuzz
for target in "${targets[@]}"; do
  echo "fuzz: $target (log: bench/out/fuzz/$target.log)"
  # keep_going: known findings do not stop the run; timeout mode disabled: JUnit would
  # otherwise apply the per-input @Timeout to the whole fuzzing run (Jazzer passes it on to
  # libFuzzer as the per-input -timeout instead).
  JAZZER_FUZZ=1 mvn -B -o -Dstyle.color=never test -Dtest="StageFuzzTest#$target" \
      -Djazzer.hooks=true -Djazzer.keep_going=20 \
      -Djazzer.instrument='dev.gazette.**,org.jsoup.**,com.vladsch.flexmark.**,org.snakeyaml.**' \
      -Djunit.jupiter.execution.timeout.mode=disabled -Dsurefire.failIfNoSpecifiedTests=false \
      > "bench/out/fuzz/$target.log" 2>&1 || echo "fuzz: $target reported findings (see the log)"
  grep -E '^#[0-9]+.*(DONE|pulse)|Done [0-9]+ runs|stat::number_of_executed_units' "bench/out/fuzz/$target.log" | tail -2 || true
done
