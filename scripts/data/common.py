"""Shared helpers for the data converters in scripts/data/ (Python 3.11, standard library only).

The converters read third-party resources from `../shared/resources/` (next to the project
root; override with the environment variable ACTORGRAPH_SHARED) and our own data files
from `data/`, and write TSV files in the format of data/README.md: `#` comment lines
saying what the file is, where it comes from and its licence, one header row, `;`-separated
lists. Output is sorted so that a re-run gives the same bytes.
"""

from __future__ import annotations

import hashlib
import os
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
SHARED = Path(os.environ.get("ACTORGRAPH_SHARED", ROOT.parent / "shared")).resolve()
RESOURCES = SHARED / "resources"
PETRARCH = RESOURCES / "petrarch2"
WIKIDATA = RESOURCES / "wikidata"
EWT_TRAIN = SHARED / "corpora" / "ud-english-ewt" / "train.conllu"

# From ../shared/resources/README.md
PETRARCH_COMMIT = "676801cd9cb2924bbbad09f86d15c9323e7097bf"
PETRARCH_REPO = "openeventdata/petrarch2"
PETRARCH_LICENCE = [
    "Licence: MIT (the licence of the PETRARCH2 dictionaries, ../shared/resources/petrarch2/LICENSE):",
    "Copyright (c) 2014 Open Event Data Alliance",
    "Permission is hereby granted, free of charge, to any person obtaining a copy of this",
    "software and associated documentation files, to deal in the Software without restriction,",
    "subject to the condition that the above copyright notice and this permission notice shall",
    "be included in all copies or substantial portions of the Software. THE SOFTWARE IS PROVIDED",
    '"AS IS", WITHOUT WARRANTY OF ANY KIND. (Full text: data/README.md, "Third-party data".)',
]


def read_tsv(path: Path) -> tuple[list[str], list[list[str]]]:
    """Reads one of our TSV files: (header, rows); `#` lines and blank lines are skipped."""
    header: list[str] | None = None
    rows = []
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.rstrip("\n").rstrip("\r")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            fields = line.split("\t")
            if header is None:
                header = fields
                continue
            fields += [""] * (len(header) - len(fields))
            rows.append(fields)
    return header or [], rows


def split_list(field: str) -> list[str]:
    return [x.strip() for x in field.split(";") if x.strip()]


def name_key(name: str) -> str:
    """The tool's name key (src/model/names.rs `name_key`): lower case, without `.` and
    apostrophes, runs of white space as one blank."""
    s = "".join(c for c in name if c not in ".'\u2019")
    return " ".join(s.lower().split())


def fold(text: str) -> str:
    """Lower case without diacritics, for comparing spellings (Wörner ~ Worner)."""
    d = unicodedata.normalize("NFKD", text)
    return "".join(c for c in d if not unicodedata.combining(c)).lower()


def file_digest(path: Path) -> str:
    """First 12 hex digits of the SHA-256 of a file: names the exact input in headers."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def rel(path: Path) -> str:
    """A path as written in headers: relative to the project root (`../shared/...`)."""
    try:
        return os.path.relpath(path, ROOT)
    except ValueError:
        return str(path)


def render_tsv(comments: list[str], header: list[str], rows: list[list[str]]) -> str:
    """The text of a TSV file: comment lines, the header row, the rows (as given)."""
    out = []
    for c in comments:
        out.append(("# " + c).rstrip())
    out.append("\t".join(header))
    for r in rows:
        if len(r) != len(header):
            raise ValueError(f"row {r!r} has {len(r)} fields, header has {len(header)}")
        for v in r:
            if "\t" in v or "\n" in v:
                raise ValueError(f"field {v!r} holds a tab or newline")
        out.append("\t".join(r))
    return "\n".join(out) + "\n"


class Output:
    """Collects the files a converter writes, so that `--check` can compare instead."""

    def __init__(self, check: bool):
        self.check = check
        self.stale: list[str] = []
        self.written: list[str] = []

    def put(self, path: Path, text: str) -> None:
        if self.check:
            old = path.read_text(encoding="utf-8") if path.exists() else None
            if old != text:
                self.stale.append(rel(path))
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        old = path.read_text(encoding="utf-8") if path.exists() else None
        if old != text:
            path.write_text(text, encoding="utf-8")
        self.written.append(rel(path))

    def finish(self, name: str) -> int:
        if self.check and self.stale:
            for p in self.stale:
                print(f"{name}: stale: {p} (run scripts/data/regenerate.sh)")
            return 1
        return 0


def ewt_common_words(path: Path = EWT_TRAIN) -> set[str]:
    """Lower-case word forms that UD English EWT (train) uses at least once as something other
    than a proper noun (UPOS, the 4th column, is not PROPN): the ordinary words of English
    ("hope", "rock", "may", "senate"). Used only at conversion time; nothing of it is shipped."""
    words = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) < 4 or "-" in cols[0] or "." in cols[0]:
                continue
            if cols[3] != "PROPN":
                words.add(cols[1].lower())
    return words


class Gazetteer:
    """Our hand-written gazetteer (data/gazetteer/*.tsv): forms, countries by code."""

    def __init__(self, data: Path = DATA):
        _, self.countries = read_tsv(data / "gazetteer" / "countries.tsv")
        _, self.places = read_tsv(data / "gazetteer" / "places.tsv")
        _, self.orgs = read_tsv(data / "gazetteer" / "organizations.tsv")
        self.country_by_code = {r[4]: r[0] for r in self.countries if r[4]}
        # form key -> list of (file, entry name, type)
        self.forms: dict[str, list[tuple[str, str, str]]] = {}
        for r in self.countries:
            for f in [r[0], *split_list(r[1]), *split_list(r[2])]:
                self._add(f, "countries.tsv", r[0], "Country")
            if r[3]:
                self._add(r[3], "countries.tsv", r[3], "Place")
        for r in self.places:
            for f in [r[0], *split_list(r[2])]:
                self._add(f, "places.tsv", r[0], r[1])
        for r in self.orgs:
            for f in [r[0], *split_list(r[2])]:
                self._add(f, "organizations.tsv", r[0], r[1])

    def _add(self, form: str, file: str, name: str, typ: str) -> None:
        k = name_key(form)
        lst = self.forms.setdefault(k, [])
        if (file, name, typ) not in lst:
            lst.append((file, name, typ))

    def lookup(self, form: str) -> list[tuple[str, str, str]]:
        return self.forms.get(name_key(form), [])
