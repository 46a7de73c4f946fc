# Sourced by the cleaning scripts: the case folders they read when given none.
#   default_case_dirs ROOT [postlight]   sets dirs to ../shared/cleaning-dev, then bench/out/cases when
#                                        make_cases.sh made it, and with "postlight" bench/out/postlight likewise
default_case_dirs() {
  dirs=("$1/../shared/cleaning-dev")
  [ -d "$1/bench/out/cases/cases" ] && dirs+=("$1/bench/out/cases")
  [ "${2:-}" = postlight ] && [ -d "$1/bench/out/postlight/cases" ] && dirs+=("$1/bench/out/postlight")
  return 0
}
