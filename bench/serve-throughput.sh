#!/usr/bin/env bash
# Benchmark: keep-alive throughput of `gazette serve` on the sample site, measured by a real
# HTTP client on loopback. Not a test: run it by hand and put the figures in the issue note.
#
#   bench/serve-throughput.sh                 # ab -k -n 50000 -c 8, and wrk when installed
#   REQUESTS=20000 CONCURRENCY=4 bench/serve-throughput.sh
#
# Needs ab (apache2-utils); wrk is optional. The server runs on a free loopback port and is
# stopped with SIGTERM at the end (its temporary build folder must be gone afterwards).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
requests="${REQUESTS:-50000}"
concurrency="${CONCURRENCY:-8}"
command -v ab >/dev/null 2>&1 || { echo "bench: ab is missing (apt-get install apache2-utils)" >&2; exit 2; }

log="$(mktemp)"
# A temporary folder of its own, so what the preview leaves behind is told from other previews'.
tmp="$(mktemp -d)"
GAZETTE_JAVA_OPTS="${GAZETTE_JAVA_OPTS:-} -Djava.io.tmpdir=$tmp" ./gazette serve --port 0 >"$log" 2>&1 &
server=$!
stop() {
  kill -TERM "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  rm -rf "$log" "$tmp"
}
trap stop EXIT

# The URL is printed at once; the home page is there once the first build is done.
url=""
for _ in $(seq 1 600); do
  url="$(sed -n 's/^Serving \(http:[^ ]*\) .*/\1/p' "$log")"
  if [ -n "$url" ] && grep -q '^built ' "$log"; then break; fi
  if ! kill -0 "$server" 2>/dev/null; then cat "$log" >&2; exit 3; fi
  sleep 0.2
done
[ -n "$url" ] || { echo "bench: the preview did not start" >&2; cat "$log" >&2; exit 3; }
echo "== $(grep '^built ' "$log")"
echo "== $url (HTML, $(curl -s "$url" | wc -c) bytes with the live-reload script), $(nproc) cores"

# Warm up the JIT first: the first thousands of requests run interpreted code.
ab -k -q -n 10000 -c "$concurrency" "$url" >/dev/null 2>&1

echo "== ab -k -n $requests -c $concurrency $url"
ab -k -n "$requests" -c "$concurrency" "$url" 2>/dev/null \
  | grep -E '^(Complete requests|Failed requests|Non-2xx responses|Keep-Alive requests|Requests per second|Time per request):'

if command -v wrk >/dev/null 2>&1; then
  echo "== wrk -t2 -c$concurrency -d10s $url"
  wrk -t2 -c"$concurrency" -d10s "$url" | grep -E 'Requests/sec|Latency|requests in|Non-2xx'
fi

pid_threads="$(ls "/proc/$server/task" 2>/dev/null | wc -l || true)"
pid_fds="$(ls "/proc/$server/fd" 2>/dev/null | wc -l || true)"
echo "== server JVM: $pid_threads threads, $pid_fds file descriptors (after the runs)"

work="$(ls -d "$tmp"/gazette-serve-* 2>/dev/null || true)"
kill -TERM "$server"
for _ in $(seq 1 100); do kill -0 "$server" 2>/dev/null || break; sleep 0.1; done
left="$(ls -A "$tmp")"
if [ -n "$left" ]; then echo "== stopped with SIGTERM, but left in $tmp: $left" >&2; exit 1; fi
echo "== stopped with SIGTERM: its temporary build folder (${work:-none found}) is gone"
