#!/usr/bin/env python3
"""A corpus build on Apache Spark: the graph of `actorgraph build`, made on a cluster.

    spark-submit spark_build.py corpus.jsonl -o out/             # every format, as the command
    spark-submit spark_build.py s3a://news/2019/*.parquet -f json,graphml -o out/ --name news2019
    python spark_build.py corpus.jsonl -o out/ --partitions 8    # Spark in local mode

Each partition of the corpus is extracted by the actorgraph package on the executor that
holds it (``mapInPandas``: the rows arrive as pandas frames through Arrow), which gives
one graph per partition; the partition graphs are merged pairwise up a tree
(``treeReduce``) with the library's merge, and the driver writes the exports, as
``actorgraph build`` writes them, from the one graph left.

Input: JSONL (``.jsonl``, ``.json``, ``.ndjson``: one article a line, ``{"id", "text",
"date", "title", "url"}``) or Parquet (any other path: files or directories of them), with
a ``text`` column and an ``id`` column; ``date``, ``title``, ``url`` are optional. As in the
command, a later article whose id was seen is skipped (the first in input order is kept).
Unlike the command, which names an article without an id after its file and line, a
record without an id is skipped here (a cluster reads a file in splits and knows no line
numbers): give every record an id.

Every executor needs the package: ``pip install actorgraph-*.whl`` on each node, or ship
a packed environment (see the README's "On a cluster").
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time
import warnings


def parse_args(argv=None):
    p = argparse.ArgumentParser(
        description="Build an actorgraph knowledge graph of a JSONL or Parquet corpus on Spark."
    )
    p.add_argument("inputs", nargs="+", help="JSONL or Parquet files or directories (any Spark path)")
    p.add_argument("-o", "--output", default="output", help="output directory, or file for one format (default: output)")
    p.add_argument("-f", "--format", default="all", help="comma-separated formats, or all (default: all)")
    p.add_argument("--name", help="file stem of the outputs (default: the input's stem, or graph)")
    p.add_argument("--partitions", type=int, help="repartition the corpus into N partitions first")
    p.add_argument("--modes", default=None, help="modes of the edges written (default: asserted,intended; all)")
    p.add_argument("--date", help="date of the articles without one, YYYY-MM-DD")
    p.add_argument("--engine", default="auto", help="image layout: auto, graphviz or builtin")
    p.add_argument("--cypher-dialect", default="neo4j", help="neo4j, falkordb or memgraph")
    p.add_argument("--base-iri", default=None, help="base of the IRIs of JSON-LD, N-Triples, Turtle")
    p.add_argument("--isolated", action="store_true", help="draw actors without relations too")
    p.add_argument("-q", "--quiet", action="store_true", help="only errors")
    return p.parse_args(argv)


def is_jsonl(path: str) -> bool:
    return path.rstrip("/").lower().endswith((".jsonl", ".json", ".ndjson"))


def default_name(inputs) -> str:
    if len(inputs) == 1:
        base = os.path.basename(inputs[0].rstrip("/"))
        stem = base.split(".")[0] if "." in base else base
        if stem and "*" not in stem:
            return stem
    return "graph"


def read_corpus(spark, inputs):
    """The corpus as a DataFrame (id, text, date, title, url) in input order, with the
    number of lines Spark could not read (malformed JSON)."""
    from pyspark.sql import functions as F
    from pyspark.sql.types import StringType, StructField, StructType

    fields = ["id", "text", "date", "title", "url"]
    if all(is_jsonl(p) for p in inputs):
        schema = StructType(
            [StructField(f, StringType()) for f in fields] + [StructField("_corrupt_record", StringType())]
        )
        df = spark.read.schema(schema).option("mode", "PERMISSIVE").json(list(inputs))
    elif not any(is_jsonl(p) for p in inputs):
        try:
            df = spark.read.parquet(*inputs)
        except Exception as e:  # pyspark's AnalysisException, whose text names the cause
            if "TIMESTAMP(NANOS" not in str(e):
                raise
            raise SystemExit(
                f"spark_build: {', '.join(inputs)}: timestamps in nanoseconds, which Spark cannot "
                "read; write the Parquet with dates as text or with "
                "to_parquet(..., coerce_timestamps='us')"
            ) from None
        if "text" not in df.columns:
            raise SystemExit(f"spark_build: {', '.join(inputs)}: no 'text' column (columns: {', '.join(df.columns)})")
        for f in fields:
            if f not in df.columns:
                df = df.withColumn(f, F.lit(None).cast("string"))
        df = df.withColumn("_corrupt_record", F.lit(None).cast("string"))
    else:
        raise SystemExit("spark_build: give JSONL files or Parquet files, not both at once")
    # a typed date (date, timestamp) is the day it falls on, YYYY-MM-DD, as the package
    # reads a pandas Timestamp; any other column as text
    types = dict(df.dtypes)
    cols = [
        (F.date_format(F.col(f), "yyyy-MM-dd") if types.get(f, "").startswith(("date", "timestamp"))
         else F.col(f).cast("string")).alias(f)
        for f in fields
    ]
    return df.select(*cols, "_corrupt_record").withColumn("_order", F.monotonically_increasing_id())


def unique_records(df):
    """Records with an id, the first of each id in input order, and the numbers of rows
    left out: malformed (JSONL lines Spark could not read), without an id, duplicate."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    malformed = F.col("_corrupt_record").isNotNull()
    no_id = F.col("id").isNull() | (F.trim(F.col("id")) == "")
    valid = ~malformed & ~no_id
    counts = df.select(
        F.sum(malformed.cast("long")).alias("malformed"),
        F.sum((~malformed & no_id).cast("long")).alias("without id"),
        F.sum(valid.cast("long")).alias("valid"),
        F.countDistinct(F.when(valid, F.col("id"))).alias("ids"),
    ).first()
    left_out = {
        "malformed JSONL": counts["malformed"] or 0,
        "without id": counts["without id"] or 0,
        "duplicate id": (counts["valid"] or 0) - counts["ids"],
    }
    kept = df.where(valid)
    if left_out["duplicate id"]:  # the shuffle only when there is something to drop
        first = Window.partitionBy("id").orderBy("_order")
        kept = kept.withColumn("_n", F.row_number().over(first)).where(F.col("_n") == 1).drop("_n")
    return kept.drop("_corrupt_record", "_order"), {k: v for k, v in left_out.items() if v}


def extract_partitions(date):
    """The function mapInPandas runs on each partition: its articles in, one row out
    (the partition's graph as JSON, with every mode; its articles; what it said)."""

    def run(frames):
        import pandas as pd

        import actorgraph

        batches = [f for f in frames if len(f)]
        if not batches:
            return
        df = pd.concat(batches, ignore_index=True)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", actorgraph.ActorgraphWarning)
            try:
                # one task, one core: Spark runs as many tasks as the executors have cores
                graph = actorgraph.build(df, threads=1, date=date)
            except actorgraph.InputError:
                graph = actorgraph.Graph()  # nothing readable here; the warnings say why
        said = [str(w.message) for w in caught if issubclass(w.category, actorgraph.ActorgraphWarning)]
        yield pd.DataFrame(
            {
                "graph": [graph.to_json(modes="all")],
                "articles": [len(graph.documents)],
                "said": [json.dumps(said)],
            }
        )

    return run


def merge_parts(a, b):
    """Two (graph JSON, articles, messages) as one, by the library's associative merge;
    ``None`` is the empty graph (the tree's zero)."""
    import actorgraph

    if a[0] is None or b[0] is None:
        graph = a[0] if b[0] is None else b[0]
    else:
        graph = actorgraph.Graph(a[0]).merge(actorgraph.Graph(b[0])).to_json(modes="all")
    return graph, a[1] + b[1], a[2] + b[2]


def main(argv=None) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    from pyspark.sql import SparkSession

    import actorgraph

    # timestamps are read as the day they fall on in UTC, wherever the driver runs
    spark = (
        SparkSession.builder.appName("actorgraph build")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate()
    )
    if args.quiet:
        spark.sparkContext.setLogLevel("ERROR")
    corpus = read_corpus(spark, args.inputs)
    records, left_out = unique_records(corpus)
    # as many partitions as asked, or as Spark has cores (and at least as the input has)
    partitions = args.partitions or max(
        corpus.rdd.getNumPartitions(), spark.sparkContext.defaultParallelism
    )
    records = records.repartition(partitions)
    parts = records.mapInPandas(
        extract_partitions(args.date), schema="graph string, articles long, said string"
    )
    tree = parts.rdd.map(lambda r: (r.graph, r.articles, json.loads(r.said)))
    depth = max(2, math.ceil(math.log2(max(partitions, 2))))
    merged, articles, said = tree.treeAggregate((None, 0, []), merge_parts, merge_parts, depth=depth)
    spark.stop()

    for m in said:
        level = "error" if m.endswith("; skipped") else "warning"
        print(f"actorgraph: {level}: {m}", file=sys.stderr)
    for reason, n in left_out.items():
        print(f"actorgraph: error: {n} record{'s' if n > 1 else ''} {reason}; skipped", file=sys.stderr)
    skipped = sum(m.endswith("; skipped") for m in said) + sum(left_out.values())
    if merged is None or articles == 0:
        print("actorgraph: error: no article could be read; nothing written", file=sys.stderr)
        return 1
    graph = actorgraph.Graph(merged)
    written = graph.write(
        args.output,
        args.format,
        name=args.name or default_name(args.inputs),
        modes=args.modes,
        cypher_dialect=args.cypher_dialect,
        base_iri=args.base_iri,
        engine=args.engine,
        isolated=args.isolated,
    )
    if not args.quiet:
        kept = graph.to_dict(modes=args.modes)
        print(
            f"actorgraph: {articles} articles from {partitions} partitions"
            f"{f', {skipped} skipped' if skipped else ''}, "
            f"{len(kept['nodes'])} actors, {len(kept['links'])} relations in "
            f"{time.perf_counter() - started:.2f} s → {', '.join(written)}",
            file=sys.stderr,
        )
    return 3 if skipped else 0


if __name__ == "__main__":
    sys.exit(main())
