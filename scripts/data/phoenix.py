"""Reader for the PETRARCH2 / Phoenix actor dictionaries (format: dictionaries.rst).

An actor file is a series of records:

    PRIMARY_PHRASE_  [CODE]   # comment
    +SYNONYM_PHRASE_          # comment
    \t[CODE dates]            # date restriction (one per line, or several on the primary line)

A record starts at a line that begins with neither `+`, whitespace nor `#`; synonym and
restriction lines belong to the record above them. Comment lines between records can be
section headers ("# National Institutions", "######   NATO  ########"); the reader keeps
the last one seen so that the converter can use it as evidence.

This module only parses. It never decides what a phrase is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

CODE_RE = re.compile(r"\[([^\[\]]*)\]")
# <date, >date, date-date; dates are YYMMDD or YYYYMMDD (some entries have 7 digits: kept raw)
DATES_RE = re.compile(r"^(?:[<>]\s*\d{6,8}|\d{6,8}\s*-\s*\d{6,8})$")


@dataclass
class Phrase:
    text: str  # raw phrase, e.g. "HAMID_KARZAI_"
    line: int  # 1-based source line
    comment: str  # text after '#', stripped
    primary: bool


@dataclass
class Code:
    code: str  # e.g. "AFGGOV"; "---" is the null code
    dates: str  # "", "<20011222", ">011222", "750101-000101"
    line: int


@dataclass
class Record:
    phrases: list[Phrase] = field(default_factory=list)
    codes: list[Code] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)  # all comments of the record
    section: str = ""  # last section header comment before the record
    after_blank: bool = True  # a blank or comment line precedes the primary line

    @property
    def primary(self) -> Phrase:
        return self.phrases[0]

    @property
    def line(self) -> int:
        return self.phrases[0].line


def split_comment(line: str) -> tuple[str, str]:
    """Splits a line at its first '#': (content, comment)."""
    i = line.find("#")
    if i < 0:
        return line, ""
    return line[:i], line[i + 1 :].strip().strip("#").strip()


def parse_codes(text: str, line: int) -> list[Code]:
    """All `[CODE]` / `[CODE dates]` blocks in `text`."""
    out = []
    for m in CODE_RE.finditer(text):
        parts = m.group(1).split(None, 1)
        if not parts:
            continue
        code = parts[0].strip()
        dates = re.sub(r"\s+", "", parts[1]) if len(parts) > 1 else ""
        out.append(Code(code=code, dates=dates, line=line))
    return out


def is_section_header(comment: str) -> bool:
    """A comment line that reads like a heading, not a commented-out entry or a note on one.

    Headings are short natural-language text ("National Institutions", "U.S. Presidents",
    "NATO"); commented-out entries look like dictionary lines (`HENRY_CABOT_LODGE_`,
    `+SYRIAN_DESERT_`, `[USAELI ...]`).
    """
    c = comment.strip()
    if not c or "_" in c or c.startswith(("+", "[")) or "[" in c:
        return False
    if len(c) > 60:
        return False
    return bool(re.search(r"[A-Za-z]{3}", c))


def read_records(path: str) -> list[Record]:
    """Parses one actor dictionary file into records, in file order."""
    with open(path, encoding="utf-8") as f:
        return parse_records(f.read())


def parse_records(text: str) -> list[Record]:
    """Parses the text of an actor dictionary into records, in order."""
    lines = text.split("\n")
    records: list[Record] = []
    cur: Record | None = None
    section = ""
    prev_blank = True
    for i, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r")
        if not line.strip():
            prev_blank = True
            continue
        first = line[0]
        if first == "#":
            comment = line.lstrip("#").strip()
            if is_section_header(comment):
                # a heading applies to the records after it
                section = comment
            elif cur is not None:
                cur.comments.append(comment)
            # a comment line separates records as a blank line does
            prev_blank = True
            continue
        content, comment = split_comment(line)
        if first in "\t " or first == "+":
            if cur is None:
                # a synonym or restriction without a record (after a heading): ignored
                prev_blank = False
                continue
            if comment:
                cur.comments.append(comment)
            if first == "+":
                text = content[1:]
                phrase_part = text.split("[", 1)[0].strip()
                if phrase_part:
                    cur.phrases.append(Phrase(phrase_part, i, comment, False))
                cur.codes.extend(parse_codes(text, i))
            else:
                cur.codes.extend(parse_codes(content, i))
            prev_blank = False
            continue
        # a primary line starts a new record
        phrase_part = content.split("[", 1)[0].strip()
        cur = Record(section=section, after_blank=prev_blank)
        if comment:
            cur.comments.append(comment)
        cur.phrases.append(Phrase(phrase_part, i, comment, True))
        cur.codes.extend(parse_codes(content, i))
        records.append(cur)
        prev_blank = False
    return [r for r in records if r.phrases and r.phrases[0].text]


def phrase_words(phrase: str) -> list[str]:
    """The words of a phrase: `_` and blanks separate words; a trailing `_` (no plural) goes."""
    return [w for w in re.split(r"[_\s]+", phrase.strip()) if w]
