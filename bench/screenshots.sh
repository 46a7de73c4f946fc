#!/usr/bin/env bash
# Screenshots of every page type of the sample digest at 390 px (phone) and 1280 px (desktop),
# in light and dark, for a person to look at (not a test). Builds the sample under a sub-path,
# serves it on loopback and writes PNGs into bench/out/screenshots/ (git-ignored).
#
#   bench/screenshots.sh            # all page types
#   bench/screenshots.sh home tag   # only these
#   CHROME_BIN=/path/to/chrome bench/screenshots.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/bench/out/screenshots"
work="$(mktemp -d)"
port="${PORT:-8791}"
chrome="${CHROME_BIN:-$(command -v chromium || command -v chromium-browser || command -v google-chrome)}"
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# Served under /gazette/ so the screenshots also show that a project sub-path works.
"$root/gazette" build --content "$root/content" --templates "$root/templates" \
  --out "$work/www/gazette" --base-url "http://127.0.0.1:$port/gazette/" >/dev/null
python3 -m http.server "$port" --bind 127.0.0.1 -d "$work/www" >/dev/null 2>&1 &
server=$!
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/gazette/" >/dev/null && break; sleep 0.1; done

site="$work/www/gazette"
# The first folder matching a glob (left unquoted on purpose so the shell expands it).
first() { (cd "$site" && ls -d $1 2>/dev/null | sort | head -1); }
declare -A pages=(
  [home]=""
  [article]="$(first 'articles/kestrel*/')"
  [article-body-image]="$(first 'articles/valdoria-central*/')"
  [story]="$(first 'stories/*/')"
  [edition]="$(first 'editions/????-??-??/')"
  [editions]="editions/"
  [tags]="tags/"
  [tag]="$(first 'tags/*/')"
  [archive]="archive/"
  [month]="$(first 'archive/????/??/')"
  [search]="search/?q=tram"
  [notfound]="404.html"
)

mkdir -p "$out"
names=("$@")
[ ${#names[@]} -eq 0 ] && names=("${!pages[@]}")
for name in "${names[@]}"; do
  for width in 390 1280; do
    for scheme in light dark; do
      # --force-dark-mode makes the page see prefers-color-scheme: dark (no forced inversion).
      flags=()
      [ "$scheme" = dark ] && flags+=(--force-dark-mode)
      file="$out/$name-$width-$scheme.png"
      "$chrome" --headless=new --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
        --user-data-dir="$work/profile" --window-size="$width,1800" --virtual-time-budget=3000 \
        ${flags[@]+"${flags[@]}"} --screenshot="$file" "http://127.0.0.1:$port/gazette/${pages[$name]}" >/dev/null 2>&1
      echo "$file"
    done
  done
done
