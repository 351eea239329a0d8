#!/usr/bin/env python3
"""Loads a Cypher script into FalkorDB twice and checks that the second run changes
nothing: same node and relationship counts, same properties. This is issue #5's
idempotency test; it reuses the FalkorDB server of ../shared/validators/load_cypher.py.

    cypher-twice.py FILE.cypher      (run with the validators' venv python)
"""
import sys
from pathlib import Path

here = Path(__file__).resolve().parent
sys.path.insert(0, str(here.parent.parent / "shared" / "validators"))
import load_cypher as lc  # noqa: E402


def run(g, stmts):
    for s in stmts:
        m = lc.NEO4J_CONSTRAINT.match(s)
        if m:
            _, label, prop = m.groups()
            try:
                g.query(f"CREATE INDEX FOR (n:{label}) ON (n.{prop})")
                g.create_node_unique_constraint(label, prop)
            except Exception:  # noqa: BLE001  (exists already on the second run)
                pass
            continue
        try:
            g.query(s)
        except Exception as e:  # noqa: BLE001
            # the FalkorDB dialect's CREATE INDEX, on the second run: documented, harmless
            if "already indexed" not in str(e):
                raise


def snapshot(g):
    nodes = g.query("MATCH (n) RETURN n.id, labels(n), properties(n) ORDER BY n.id").result_set
    rels = g.query(
        "MATCH (a)-[r]->(b) RETURN a.id, type(r), b.id, properties(r) ORDER BY a.id, type(r), b.id"
    ).result_set
    return [repr(x) for x in nodes], [repr(x) for x in rels]


def main():
    path = sys.argv[1]
    stmts = lc.split_statements(open(path, encoding="utf-8").read())
    srv = lc.FalkorServer()
    try:
        g = srv.db.select_graph("twice")
        run(g, stmts)
        first = snapshot(g)
        run(g, stmts)
        second = snapshot(g)
    finally:
        srv.close()
    print(f"cypher-twice: after one run {len(first[0])} nodes, {len(first[1])} relationships; "
          f"after two {len(second[0])} nodes, {len(second[1])} relationships")
    if first != second:
        print("cypher-twice: FAIL: the second run changed the graph", file=sys.stderr)
        return 1
    print("cypher-twice: PASS (the script is idempotent)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
