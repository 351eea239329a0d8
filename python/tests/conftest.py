"""Fixtures: the command (`ACTORGRAPH`, default target/release/actorgraph) whose output the
package must equal, the sample article, and the Wikinews corpus of ../shared/bench."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("ACTORGRAPH_SHARED", ROOT.parent / "shared"))
WIKINEWS = SHARED / "bench" / "wikinews.jsonl"
SEED = ROOT / "data" / "seed.txt"


@pytest.fixture(scope="session")
def cli():
    """Runs the command; returns (stdout bytes, stderr text, exit code)."""
    binary = Path(os.environ.get("ACTORGRAPH", ROOT / "target" / "release" / "actorgraph"))
    if not binary.is_absolute():
        binary = ROOT / binary
    assert binary.exists(), f"{binary}: build it with cargo build --release"

    def run(*args: str, check: bool = True):
        p = subprocess.run([str(binary), *map(str, args)], capture_output=True, cwd=ROOT)
        if check:
            assert p.returncode in (0, 3), p.stderr.decode()
        return p.stdout, p.stderr.decode(), p.returncode

    return run


@pytest.fixture(scope="session")
def corpus50(tmp_path_factory) -> Path:
    """The first 50 articles of the Wikinews corpus, as a file."""
    path = tmp_path_factory.mktemp("corpus") / "corpus50.jsonl"
    with open(WIKINEWS, encoding="utf-8") as f:
        lines = [next(f) for _ in range(50)]
    path.write_text("".join(lines), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def corpus50_json(cli, corpus50) -> bytes:
    out, _, _ = cli("build", corpus50, "-f", "json", "-o", "-", "-q")
    return out


@pytest.fixture(scope="session")
def seed_json(cli) -> bytes:
    out, _, _ = cli("build", SEED, "-f", "json", "-o", "-", "-q")
    return out


def records(path: Path) -> list:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]
