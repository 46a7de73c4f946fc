#!/usr/bin/env bash
# Cold builds of Gazette and Hugo side by side on the shared generated corpus (../shared/bench):
# median wall and CPU time, peak memory, pages. Not a test: run it by hand, put the table in README.
#
#   bench/anchors.sh                 # 10,000 articles x 3 runs, then 1,000 x 3
#   bench/anchors.sh 50000 1         # any size and number of runs
#
# Needs hugo and GNU time (apt-get install -y hugo time). Results: $BENCH_WORK/results (/tmp/ssg-bench).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="$repo/../shared/bench"
[ -x "$shared/run_anchors.sh" ] || { echo "bench/anchors.sh: $shared/run_anchors.sh not found" >&2; exit 2; }
"$repo/gazette" --version >/dev/null   # builds the jar first, so no Maven run is timed
export GAZETTE="$repo/gazette" TOOLS="${TOOLS:-hugo gazette}"
if [ $# -gt 0 ]; then
  "$shared/run_anchors.sh" "$@"
else
  "$shared/run_anchors.sh" 10000 3
  "$shared/run_anchors.sh" 1000 3
fi
