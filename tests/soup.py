#!/usr/bin/env python3
"""Property test on generated text: word soup from the language data, numbers
in both digit scripts and punctuation, with a fixed seed.

For every file the program must exit 0 and print nothing on stderr (under the
sanitizer build, any report fails the test), and every row must hold: the
text equals the input at its code-point offsets, offsets increase, and the
value has the TIMEX3 shape its type calls for.

Usage: soup.py --chronicle PATH --lang-dir src/lang [--files N] [--seed S]
Prints `N passed, M failed`; exit 1 on any failure.
"""
import argparse
import glob
import json
import os
import random
import re
import subprocess
import sys
import tempfile

VALUE_SHAPES = {
    'DATE': re.compile(r'^(PRESENT_REF|PAST_REF|FUTURE_REF|[0-9X]{2,4}(-([0-9X]{2}|W[0-9X]{2}|Q[1-4X]|H[12X]|SP|SU|FA|WI)'
                       r'(-([0-9X]{2}|WE|[1-7]))?)?(T(MO|AF|EV|NI))?)$'),
    'TIME': re.compile(r'^[0-9X]{4}(-[0-9X]{2}(-[0-9X]{2})?|-W[0-9X]{2}-[1-7])T([0-9]{2}(:[0-9]{2}(:[0-9]{2})?)?|MO|AF|EV|NI)$'),
    'DURATION': re.compile(r'^P(T?[0-9X.]+[YMWDHS]|[0-9X.]+(DE|CE)|([0-9]+[YMWD])*(T([0-9]+[HMS])+)?)$'),
    'SET': re.compile(r'^(P(T?[0-9]+[YMWDHSQ]|[0-9]+(DE|CE))|XXXX-WXX-([1-7]|WE)(T(MO|AF|EV|NI|[0-9]{2}:[0-9]{2}))?|XXXX-XX-XXT(MO|AF|EV|NI|[0-9]{2}:[0-9]{2}))$'),
}


def vocabulary(lang_dir):
    words = []
    for path in sorted(glob.glob(os.path.join(lang_dir, '*', '*.txt'))):
        with open(path, encoding='utf-8') as f:
            for line in f:
                if line.strip() and not line.startswith('#'):
                    words += [w.rstrip('*').lstrip('*') for w in line.rstrip('\n').split('\t')[1:]]
    return words


def soup(rng, words):
    pieces = []
    punct = list(',.;:-/\u2013()"\'\u060c\u061b\u061f!?') + ['\n', '  ']
    for _ in range(rng.randint(1, 60)):
        r = rng.random()
        if r < 0.55:
            pieces.append(rng.choice(words))
        elif r < 0.8:
            n = str(rng.choice([rng.randint(0, 40), rng.randint(1900, 2100), rng.randint(0, 10**6)]))
            if rng.random() < 0.3:
                n = n.translate(str.maketrans('0123456789', '\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669'))
            pieces.append(n)
        else:
            pieces.append(rng.choice(punct))
        if rng.random() < 0.8:
            pieces.append(' ')
    return ''.join(pieces)


def check_rows(text, rows):
    """Returns a list of problems with the rows of one file."""
    problems = []
    last = -1
    for row in rows:
        start, end = row['start'], row['end']
        if not 0 <= start < end <= len(text):
            problems.append('offsets out of range: %r' % row)
            continue
        if text[start:end] != row['text']:
            problems.append('text %r is not the input at [%d,%d): %r' % (row['text'], start, end, text[start:end]))
        if start < last:
            problems.append('rows out of order at %d' % start)
        last = start
        shape = VALUE_SHAPES.get(row['type'])
        if not shape or not shape.match(row['value']):
            problems.append('value %r does not fit type %s (%r)' % (row['value'], row['type'], row['text']))
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--chronicle', required=True)
    ap.add_argument('--lang-dir', required=True)
    ap.add_argument('--files', type=int, default=300)
    ap.add_argument('--seed', type=int, default=20241025)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    words = vocabulary(args.lang_dir)
    passed = failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        texts = {}
        for k in range(args.files):
            path = os.path.join(tmp, '%04d.txt' % k)
            texts[path] = soup(rng, words)
            with open(path, 'w', encoding='utf-8') as f:
                f.write(texts[path])
        for dct in (['--dct', '2024-10-25'], ['--dct', '2000-02-29'], []):
            run = subprocess.run([args.chronicle, 'dates', '--format', 'jsonl'] + dct + sorted(texts),
                                 capture_output=True, text=True)
            if run.returncode != 0 or run.stderr:
                failed += 1
                print('FAIL %s: exit %d, stderr: %s' % (' '.join(dct) or 'no DCT', run.returncode, run.stderr[:2000]))
                continue
            rows = {}
            for line in run.stdout.splitlines():
                row = json.loads(line)
                rows.setdefault(row['file'], []).append(row)
            for path, text in sorted(texts.items()):
                problems = check_rows(text, rows.get(path, []))
                if problems:
                    failed += 1
                    print('FAIL %s %s: %s' % (os.path.basename(path), ' '.join(dct), '; '.join(problems[:3])))
                    print('     text: %r' % text[:300])
                else:
                    passed += 1
    print('%d passed, %d failed' % (passed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
