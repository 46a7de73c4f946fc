#!/usr/bin/env python3
"""Held-out byline misses by cause, with the features that decided them.

  bench/cleaning/byline_misses.py ROWS [PREFIX [CAUSE]]
ROWS: the GAZETTE_CV_BYLINES file of `train.sh cv`; PREFIX: case names to count (pl- by default: the Postlight dumps,
saved pages aside; !pl-: every other dump); CAUSE: print that cause's rows (not-in-dump, no-candidate, under-first, under-not-first, wrong, ok).
  bench/cleaning/byline_misses.py ROWS PREFIX --diff OTHER_ROWS   pages right in one run and not in the other, by dumper.
"""
import collections
import sys


def rows(path, prefix, truths=True):
    """The rows of dumps whose name starts with prefix: those with a true byline, or (truths=False) those whose truth has none."""
    out = {}
    for line in open(path, encoding='utf-8'):
        r = line.rstrip('\n').split('\t')
        if len(r) >= 3 and (r[2].startswith(prefix) if not prefix.startswith('!') else not r[2].startswith(prefix[1:])) and not r[2].endswith('--html') and (r[1] != 'no byline') == truths:
            out[r[2]] = r
    return out


def cause(r):
    if r[0] == 'OK':
        return 'ok'
    if r[1] == 'not in dump':
        return 'not-in-dump'
    if 'none matches' in r[6]:
        return 'no-candidate'
    if r[5] == 'chosen none':
        return 'under-first' if 'rank 1 ' in r[6] else 'under-not-first'
    return 'wrong'


def dumper(name):
    return name.rsplit('--', 1)[1].split('-')[0] if '--' in name else 'dev'


def main():
    path = sys.argv[1]
    prefix = sys.argv[2] if len(sys.argv) > 2 else 'pl-'
    got = rows(path, prefix)
    if len(sys.argv) > 4 and sys.argv[3] == '--diff':
        other = rows(sys.argv[4], prefix)
        for gained, a, b in (('gained', other, got), ('lost', got, other)):
            names = sorted(n for n in a if n in b and a[n][0] == 'OK' and b[n][0] != 'OK')
            per = collections.Counter(dumper(n) for n in names)
            print(f'{gained} (right in {"the second" if gained == "gained" else "the first"} run only): {len(names)} {dict(per)}')
            for n in names:
                print('  ', n, b[n][5] if b is got else a[n][5], '|', (b[n][6] if b is got else a[n][6])[:100])
        return
    counts = collections.Counter()
    per = collections.defaultdict(collections.Counter)
    listed = collections.defaultdict(list)
    for n, r in got.items():
        c = cause(r)
        counts[c] += 1
        per[dumper(n)][c] += 1
        listed[c].append(r)
    total = sum(counts.values())
    none = collections.Counter(r[0] for r in rows(path, prefix, False).values())
    print(f'{prefix}* dumps whose truth has no byline: {sum(none.values())}, a byline given on {none["GAVE"]}')
    print(f'{prefix}* bylines with a truth: {total}; ' + ', '.join(f'{c} {counts[c]}' for c in sorted(counts)))
    for d in sorted(per):
        t = sum(per[d].values())
        present = t - per[d]['not-in-dump']
        print(f'  {d}: {per[d]["ok"]}/{t} = {100 * per[d]["ok"] / t:.1f} % of all, {100 * per[d]["ok"] / max(present, 1):.1f} % of present;',
              dict(sorted(per[d].items())))
    if len(sys.argv) > 3:
        for r in sorted(listed[sys.argv[3]], key=lambda r: r[2]):
            print('\n' + r[2], r[3], r[4], r[5], '|', r[6])
            for extra in r[7:]:
                print('    ' + extra[:300])


if __name__ == '__main__':
    main()
