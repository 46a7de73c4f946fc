#!/usr/bin/env bash
# A curator who saves pages as one file ("Save as…, Webpage, Single File"): every case's saved page opened in Chromium and
# saved as its MHTML (ArchiveCases.java), cleaned with `gazette extract --json`, and scored against the case's truth
# beside the same build's extraction of the page's HTML. Not a test; needs Chromium.
#   bench/cleaning/archives.sh [CASES_DIR...]      (default: as train.sh; archives kept in bench/out/archives)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$root/bench/cleaning/case-dirs.sh"
dirs=("$@")
[ ${#dirs[@]} -gt 0 ] || default_case_dirs "$root" postlight
out="$root/bench/out/archives"
(cd "$root" && mvn -B -q -Dstyle.color=never -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/test.classpath) >&2
cp="$root/target/classes:$root/target/test-classes:$(cat "$root/target/test.classpath")"
[ -d "$out" ] || java -cp "$cp" dev.gazette.clean.ArchiveCases "$out" "${dirs[@]}"
html=() archived=()
for d in "${dirs[@]}"; do
  html+=("$d"/cases/*/source.html)
  archived+=("$out/$(basename "$d")"/cases/*/source.mhtml)
done
java -jar "$root/target/gazette.jar" extract --json "${html[@]}" > "$out/html.jsonl" 2>/dev/null || true
# The archive's predictions under the page's own name, so the scorer reads them as that case's saved page.
java -jar "$root/target/gazette.jar" extract --json "${archived[@]}" 2>/dev/null | python3 -c '
import json, sys
dirs = {d.rstrip("/").split("/")[-1]: d.rstrip("/") for d in sys.argv[1:]}
for line in sys.stdin:
    p = json.loads(line)
    parts = p["file"].split("/")
    case, folder = parts[-2], parts[-4]
    p["file"] = dirs[folder] + "/cases/" + case + "/source.html"
    print(json.dumps(p, ensure_ascii=False))' "${dirs[@]}" > "$out/mhtml.jsonl" || true
for form in html mhtml; do
  echo "== saved pages as $form ($(wc -l < "$out/$form.jsonl") extracted)"
  java -cp "$cp" dev.gazette.clean.LineModelTrainer score "$out/$form.jsonl" "${dirs[@]}" | grep -E "^group|^html "
done
