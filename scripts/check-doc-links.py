#!/usr/bin/env python3
"""Checks every relative link of README.md and docs/*.md: the file exists, and an anchor names a heading
of it (GitHub's heading slugs).   scripts/check-doc-links.py [repository root, default .]"""
import os, re, sys, glob
root = sys.argv[1] if len(sys.argv) > 1 else '.'
files = [os.path.join(root, 'README.md')] + sorted(glob.glob(os.path.join(root, 'docs', '*.md')))

def slug(h):
    h = h.strip().lower()
    h = re.sub(r'[`*_]', '', h)
    h = re.sub(r'\[([^\]]*)\]\([^)]*\)', r'\1', h)
    h = re.sub(r'[^\w\- ]', '', h, flags=re.UNICODE)
    return h.replace(' ', '-')

def anchors(path):
    out, inside = set(), False
    for line in open(path, encoding='utf-8'):
        if line.startswith('```'):
            inside = not inside
        if not inside and line.startswith('#'):
            s = slug(line.lstrip('#'))
            n = 0
            while (s if n == 0 else f'{s}-{n}') in out:
                n += 1
            out.add(s if n == 0 else f'{s}-{n}')
    return out

bad = 0
for f in files:
    text = open(f, encoding='utf-8').read()
    text = re.sub(r'```.*?```', '', text, flags=re.S)
    for m in re.finditer(r'\]\(([^)\s]+)\)', text):
        target = m.group(1)
        if re.match(r'^[a-z]+:', target):
            continue
        path, _, anchor = target.partition('#')
        dest = os.path.normpath(os.path.join(os.path.dirname(f), path)) if path else f
        if not os.path.exists(dest):
            print(f'{os.path.relpath(f, root)}: missing file {target}'); bad += 1; continue
        if anchor and dest.endswith('.md') and anchor not in anchors(dest):
            print(f'{os.path.relpath(f, root)}: missing anchor {target}'); bad += 1
print(f'{len(files)} files checked, {bad} broken links')
sys.exit(1 if bad else 0)
