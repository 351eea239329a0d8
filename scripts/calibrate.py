#!/usr/bin/env python3
"""How far an edge's `confidence` can be trusted: builds every gold article, matches each
predicted edge to the gold with the strict rules of ../shared/eval/score.py, and prints,
for each threshold c, how many scored edges have confidence >= c and what fraction of them
is right (the README's "Confidence" table).

    scripts/calibrate.py                          the development gold (../shared/gold)
    scripts/calibrate.py --gold-dir ../shared/gold-plover
    scripts/calibrate.py --by-relation            one table per relation family too

Matching, as score.py's strict mode: a node is a gold entity by its name (the canonical
name, else an alias of exactly one entity); links are counted once per (subject, relation,
object) after that mapping (CONSULT, AGREE, COOPERATE in either direction). A scored edge
is right when it fits a required or optional gold relation, wrong when it fits none and
touches no optional entity (or touches no gold entity at all, unless the gold file is
partial); edges that score.py leaves neutral (only optional items, relations outside
"scored_relations", non-gold ends in a partial file) are left out. An edge's confidence is
the highest of its links'. The totals score.py prints (tp, fp, found, fn) are printed too,
to check the matching against ../shared/eval/run-dev.

Python 3 standard library only.
"""
import argparse
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

SYMMETRIC = {"CONSULT", "AGREE", "COOPERATE"}
FAMILIES = {
    "offices": {"HOLDS_OFFICE", "LEADS", "MEMBER_OF"},
    "places": {"LOCATED_IN", "DETAINED_IN"},
    "parts": {"PART_OF"},
}
THRESHOLDS = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]


def family(rel):
    return next((f for f, rels in FAMILIES.items() if rel in rels), "events")


def norm(name):
    s = unicodedata.normalize("NFKC", str(name)).lower()
    s = s.replace("\u2019", "'").replace(".", "")
    s = re.sub(r"'s\b", "", s)
    s = re.sub(r"[^\w]+", " ", s).strip()
    s = re.sub(r"^the ", "", s)
    return s


def as_list(x):
    return x if isinstance(x, list) else [x]


class Gold:
    def __init__(self, data):
        self.partial = bool(data.get("partial"))
        scored = data.get("scored_relations")
        self.scored = {x.upper() for x in scored} if scored else None
        self.entities = data["entities"]
        self.by_canon, owners = {}, {}
        for i, e in enumerate(self.entities):
            self.by_canon[norm(e["name"])] = i
            for a in e.get("aliases", []):
                owners.setdefault(norm(a), set()).add(i)
        self.by_alias = {a: next(iter(o)) for a, o in owners.items() if len(o) == 1}
        idx = {e["name"]: i for i, e in enumerate(self.entities)}
        self.relations = [
            (
                {idx[n] for n in as_list(r["s"])},
                {x.upper() for x in as_list(r["r"])},
                {idx[n] for n in as_list(r["o"])},
                bool(r.get("optional")),
            )
            for r in data["relations"]
        ]

    def lookup(self, name):
        n = norm(name)
        return self.by_canon[n] if n in self.by_canon else self.by_alias.get(n)

    def optional_entity(self, i):
        return bool(self.entities[i].get("optional"))


def match(gold_data, pred):
    """The scored edges of one document as (confidence, relation, right), and score.py's
    strict counts (tp, fp, found, fn)."""
    g = Gold(gold_data)
    node = {n["id"]: g.lookup(n.get("name", n["id"])) for n in pred.get("nodes", [])}
    # one item per (s, rel, o) as score.py counts them, with the highest confidence
    items = {}
    for link in pred.get("links", pred.get("edges", [])):
        s, o = node.get(link.get("source")), node.get(link.get("target"))
        rel = str(link.get("relation", "")).upper()
        if g.scored is not None and rel not in g.scored:
            continue
        if s is not None and o is not None and rel in SYMMETRIC and o < s:
            s, o = o, s
        key = (s, rel, o) if s is not None and o is not None else (s, rel, o, link.get("source"), link.get("target"))
        conf = float(link.get("confidence", 0.0))
        items[key] = max(items.get(key, conf), conf)
    edges, got = [], set()
    tp = fp = 0
    # score.py walks the items in this order; the order decides which one claims a gold
    # relation first, never whether an item fits one
    for key in sorted(items, key=lambda k: tuple(str(x) for x in k)):
        s, rel, o = key[:3]
        conf = items[key]
        if s is None or o is None:
            if not g.partial:
                fp += 1
                edges.append((conf, rel, False))
            continue
        fits, new = False, []
        for j, (subs, rels, objs, optional) in enumerate(g.relations):
            sym = bool(rels & SYMMETRIC) or rel in SYMMETRIC
            pair = (s in subs and o in objs) or (sym and o in subs and s in objs)
            if not pair or rel not in rels:
                continue
            fits = True
            if not optional and j not in got:
                new.append(j)
        if not fits:
            if g.optional_entity(s) or g.optional_entity(o):
                continue
            fp += 1
            edges.append((conf, rel, False))
            continue
        if new:
            tp += 1
            got.update(new)
        edges.append((conf, rel, True))
    required = [j for j, r in enumerate(g.relations) if not r[3]]
    fn = len([j for j in required if j not in got])
    return edges, (tp, fp, len(got), fn)


def build(binary, txt, out):
    cmd = [binary, "build", str(txt), "--format", "json", "-o", str(out), "-q"]
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"{txt}: the build failed: {' '.join(cmd)}\n{r.stderr}")
    return json.loads(out.read_text())


def table(edges, title):
    lines = [f"{title}", "", "| confidence >= c | edges | right | fraction right |", "|---|---|---|---|"]
    for c in THRESHOLDS:
        sel = [e for e in edges if e[0] >= c - 1e-9]
        right = sum(1 for e in sel if e[2])
        frac = f"{right / len(sel):.3f}" if sel else "-"
        lines.append(f"| {c:.1f} | {len(sel)} | {right} | {frac} |")
    return "\n".join(lines)


def main():
    here = Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold-dir", default=str(here.parent / "shared" / "gold"))
    ap.add_argument("--binary", default=str(here / "target" / "release" / "actorgraph"))
    ap.add_argument("--by-relation", action="store_true", help="a table per relation family too")
    a = ap.parse_args()
    gold_dir = Path(a.gold_dir)
    edges, totals = [], [0, 0, 0, 0]
    with tempfile.TemporaryDirectory() as tmp:
        for gp in sorted(gold_dir.glob("*.gold.json")):
            doc = gp.name[: -len(".gold.json")]
            pred = build(a.binary, gold_dir / f"{doc}.txt", Path(tmp) / f"{doc}.json")
            e, counts = match(json.loads(gp.read_text()), pred)
            edges.extend(e)
            totals = [x + y for x, y in zip(totals, counts)]
    tp, fp, found, fn = totals
    p = tp / (tp + fp) if tp + fp else 0.0
    r = found / (found + fn) if found + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"gold: {gold_dir} ({len(list(gold_dir.glob('*.gold.json')))} documents)")
    print(f"strict totals as score.py: tp={tp} fp={fp} found={found} fn={fn} P={p:.3f} R={r:.3f} F1={f:.3f}")
    print()
    print(table(edges, "All scored edges"))
    if a.by_relation:
        for fam in ["events", *FAMILIES]:
            sel = [e for e in edges if family(e[1]) == fam]
            if sel:
                print()
                print(table(sel, f"{fam} ({', '.join(sorted(FAMILIES.get(fam, ['PLOVER types'])))})"))


if __name__ == "__main__":
    main()
