#!/usr/bin/env bash
# A curator whose editor saves in the system's legacy code page: every case dump in a language with one (told by
# `gazette extract`'s lang of its UTF-8 copy) saved again in that language's legacy encodings, declaring nothing, and
# extracted; each extraction is compared with that of the same bytes decoded perfectly (what an exact guess gives).
# Then every case dump with text beyond ASCII damaged by one stray Latin-1 byte (0xE9) in its middle, against the
# undamaged dump with a replacement character there. Prints how many extract alike (title and text). Not a test.
#   bench/cleaning/encodings.sh [OTHER.jar] [CASES_DIR...]   (OTHER.jar: also the same for an older build; default
#   case folders as train.sh's, without the header-only ones; files kept in bench/out/encodings)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$root/bench/cleaning/case-dirs.sh"
jars=("$root/target/gazette.jar")
if [ $# -ge 1 ] && [ "${1%.jar}" != "$1" ]; then jars+=("$1"); shift; fi
dirs=("$@")
[ ${#dirs[@]} -gt 0 ] || default_case_dirs "$root"
out="$root/bench/out/encodings"
rm -rf "$out"; mkdir -p "$out/files"
(cd "$root" && mvn -B -q -Dstyle.color=never -DskipTests package) >&2
dumps=()
for d in "${dirs[@]}"; do dumps+=("$d"/cases/*/source.txt); done
java -jar "${jars[0]}" extract --json "${dumps[@]}" > "$out/utf8.jsonl" 2>/dev/null || true
python3 - "$out" <<'PY'
import json, os, sys
out = sys.argv[1]
# The legacy encodings pages and editors used for each language (Python's codec names).
# Western European languages in windows-1252 too: what a wrong guess of another code page would cost them.
legacy = {'zh': ['gb18030', 'big5'], 'ja': ['shift_jis', 'euc_jp'], 'ko': ['euc_kr'], 'ru': ['cp1251', 'koi8_r'],
          'uk': ['cp1251'], 'bg': ['cp1251'], 'el': ['cp1253'], 'he': ['cp1255'], 'th': ['tis_620'], 'ar': ['cp1256'],
          'fa': ['cp1256'], 'tr': ['cp1254'], 'et': ['cp1257'], 'lv': ['cp1257'], 'lt': ['cp1257'], 'vi': ['cp1258']}
legacy.update({lang: ['cp1250', 'iso8859_2'] for lang in ('pl', 'cs', 'sk', 'hu', 'ro', 'hr', 'sl')})
legacy.update({lang: ['cp1252'] for lang in ('en', 'fr', 'de', 'es', 'it', 'pt', 'nl', 'ca', 'da', 'sv', 'no', 'fi', 'id')})
names = []
for line in open(os.path.join(out, 'utf8.jsonl')):
    found = json.loads(line)
    for codec in legacy.get((found.get('lang') or '').split('-')[0], []):
        text = open(found['file'], encoding='utf-8').read()
        data = text.encode(codec, errors='replace')  # a character the encoding lacks becomes '?', as an editor writes it
        name = found['file'].split('/')[-2] + '--' + codec
        open(os.path.join(out, 'files', name + '.txt'), 'wb').write(data)
        open(os.path.join(out, 'files', name + '.ref.txt'), 'w', encoding='utf-8').write(data.decode(codec))
        names.append(name)
open(os.path.join(out, 'names.txt'), 'w').write('\n'.join(names) + '\n')
PY
python3 - "$out" "${dumps[@]}" <<'PY'
import os, sys
out = sys.argv[1]
names = []
for path in sys.argv[2:]:
    data = open(path, 'rb').read()
    if all(b < 0x80 for b in data):
        continue
    at = len(data) // 2
    while data[at] & 0xC0 == 0x80:  # a character's first byte
        at += 1
    name = path.split('/')[-2] + '--stray'
    open(os.path.join(out, 'files', name + '.txt'), 'wb').write(data[:at] + b'\xe9' + data[at:])
    open(os.path.join(out, 'files', name + '.ref.txt'), 'w', encoding='utf-8').write(
        data[:at].decode('utf-8') + '\ufffd' + data[at:].decode('utf-8'))
    names.append(name)
open(os.path.join(out, 'names.txt'), 'a').write('\n'.join(names) + '\n')
PY
mapfile -t names < <(grep . "$out/names.txt")
legacy=() reference=()
for n in "${names[@]}"; do legacy+=("$out/files/$n.txt"); reference+=("$out/files/$n.ref.txt"); done
java -jar "${jars[0]}" extract --json "${reference[@]}" > "$out/reference.jsonl" 2>/dev/null || true
for jar in "${jars[@]}"; do
  java -jar "$jar" extract --json "${legacy[@]}" > "$out/legacy.jsonl" 2>/dev/null || true
  python3 - "$out" "$jar" <<'PY'
import collections, json, os, sys
out, jar = sys.argv[1], sys.argv[2]
read = lambda f: [json.loads(l) for l in open(os.path.join(out, f))]
alike = collections.OrderedDict()
for got, want in zip(read('legacy.jsonl'), read('reference.jsonl')):
    codec = got['file'].rsplit('--', 1)[1][:-len('.txt')]
    row = alike.setdefault(codec, [0, 0])
    row[0] += 1
    row[1] += got['title'] == want['title'] and got['text'] == want['text']
print('%s: %d of %d dumps extract as their perfectly decoded (or undamaged) copies do' % (
    os.path.basename(jar), sum(r[1] for r in alike.values()), sum(r[0] for r in alike.values())))
for codec, (n, same) in alike.items():
    print('  %-10s %3d of %3d' % (codec, same, n))
PY
done
