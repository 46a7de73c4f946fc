#!/usr/bin/env bash
# Whether two builds clean every case alike: `gazette extract --json` (every field of each source's extraction) and, for
# the text dumps, `--explain` (each line's probability, kept mark and deciding features; every candidate's), by OLD.jar
# and NEW.jar (default target/gazette.jar, as built), over the case folders (default ../shared/cleaning-dev and, when made
# by make_cases.sh, bench/out/cases). Prints one row per folder and form; exits 1 on any difference, whose diff is kept.
#   bench/cleaning/same.sh OLD.jar [NEW.jar] [CASES_DIR...]
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
[ $# -ge 1 ] || { echo "usage: same.sh OLD.jar [NEW.jar] [CASES_DIR...]" >&2; exit 2; }
old="$1"; shift
new="$root/target/gazette.jar"
if [ $# -ge 1 ] && [ "${1%.jar}" != "$1" ]; then new="$1"; shift; fi
source "$root/bench/cleaning/case-dirs.sh"
dirs=("$@")
[ ${#dirs[@]} -gt 0 ] || default_case_dirs "$root"
out="$root/bench/out/same"
mkdir -p "$out"
status=0
for d in "${dirs[@]}"; do
  name="$(basename "$d")"
  mapfile -t sources < <(find "$d/cases" -name 'source.txt' -o -name 'source.html' | sort)
  mapfile -t dumps < <(printf '%s\n' "${sources[@]}" | grep 'source\.txt$')
  for with in old new; do
    jar="$old"; [ "$with" = new ] && jar="$new"
    java -jar "$jar" extract --json "${sources[@]}" > "$out/$name.$with.json" 2> "$out/$name.$with.err"
    if [ ${#dumps[@]} -gt 0 ]; then
      java -jar "$jar" extract --explain "${dumps[@]}" > "$out/$name.$with.explain" 2>> "$out/$name.$with.err"
    else
      : > "$out/$name.$with.explain"
    fi
  done
  for form in json explain err; do
    if cmp -s "$out/$name.old.$form" "$out/$name.new.$form"; then
      echo "$name $form: same ($(wc -l < "$out/$name.new.$form") lines, ${#sources[@]} sources)"
    else
      diff "$out/$name.old.$form" "$out/$name.new.$form" > "$out/$name.$form.diff"
      echo "$name $form: DIFFERENT, see $out/$name.$form.diff"
      status=1
    fi
  done
done
exit $status
