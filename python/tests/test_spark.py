"""The Spark job (python/examples/spark_build.py) in local mode: the 281 Wikinews
articles in 8 partitions, extracted per partition and merged up a tree, give the
command's graph, byte for byte in the JSON, and its every export. Needs pyspark and Java;
`-m "not spark"` leaves it out."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, WIKINEWS

pytestmark = pytest.mark.spark
JOB = ROOT / "python" / "examples" / "spark_build.py"


def spark_build(*args, cores: int = 2):
    pytest.importorskip("pyspark")
    if shutil.which("java") is None:
        pytest.skip("Spark needs Java")
    env = dict(
        os.environ,
        PYSPARK_PYTHON=sys.executable,
        PYSPARK_DRIVER_PYTHON=sys.executable,
        PYSPARK_SUBMIT_ARGS=f"--master local[{cores}] --conf spark.ui.enabled=false pyspark-shell",
    )
    p = subprocess.run([sys.executable, str(JOB), *map(str, args)], capture_output=True, env=env, text=True)
    return p


def test_281_articles_in_8_partitions_are_the_commands_build(tmp_path, cli):
    out = tmp_path / "spark"
    p = spark_build(WIKINEWS, "-o", out, "--partitions", "8", "--engine", "builtin", "-q")
    assert p.returncode == 0, p.stderr[-3000:]
    theirs = tmp_path / "cli"
    cli("build", WIKINEWS, "-o", theirs, "--engine", "builtin", "-q")
    ours = sorted(f.name for f in out.iterdir())
    assert ours == sorted(f.name for f in theirs.iterdir())
    assert "wikinews.json" in ours
    assert (out / "wikinews.json").read_bytes() == (theirs / "wikinews.json").read_bytes()
    for name in ours:
        assert (out / name).read_bytes() == (theirs / name).read_bytes(), name


def test_parquet_and_duplicate_or_missing_ids(tmp_path, cli):
    import pandas as pd

    df = pd.read_json(WIKINEWS, lines=True, dtype=False, convert_dates=False).head(60)
    # a duplicate of an earlier article (skipped, as the command skips it) and a record
    # without an id (skipped here: a cluster knows no line numbers to name it by)
    extra = pd.DataFrame([dict(df.iloc[3]), dict(df.iloc[5], id=None)])
    corpus = pd.concat([df, extra], ignore_index=True)
    parquet = tmp_path / "corpus.parquet"
    # typed dates, as a data frame usually has them (the job reads the day they fall on)
    corpus["date"] = pd.to_datetime(corpus["date"])
    corpus.to_parquet(parquet, coerce_timestamps="us")
    p = spark_build(parquet, "-f", "json", "-o", tmp_path / "spark.json", "--partitions", "3")
    assert p.returncode == 3, p.stderr[-3000:]
    assert "actorgraph: error: 1 record duplicate id; skipped" in p.stderr
    assert "actorgraph: error: 1 record without id; skipped" in p.stderr
    assert "60 articles from 3 partitions, 2 skipped" in p.stderr
    jsonl = tmp_path / "corpus60.jsonl"
    df.to_json(jsonl, orient="records", lines=True, force_ascii=False)
    want, _, _ = cli("build", jsonl, "-f", "json", "-o", "-", "-q")
    assert (tmp_path / "spark.json").read_bytes() == want


def test_parquet_with_nanosecond_timestamps_is_refused_clearly(tmp_path):
    import pandas as pd

    df = pd.read_json(WIKINEWS, lines=True, dtype=False).head(3)  # dates as datetime64[ns]
    parquet = tmp_path / "ns.parquet"
    df.to_parquet(parquet)
    p = spark_build(parquet, "-f", "json", "-o", tmp_path / "spark.json")
    assert p.returncode == 1, p.stderr[-3000:]
    assert "timestamps in nanoseconds" in p.stderr and "coerce_timestamps='us'" in p.stderr
    assert not (tmp_path / "spark.json").exists()
