#!/usr/bin/env python3
"""Converts Phoenix.discards.txt (PETRARCH2) into data/non_actors.tsv.

PETRARCH skips a sentence (or, with `+`, a whole story) that contains a discard phrase:
sports events, celebrities, diseases, accidents. For our tool the useful part is the names
that look like actors but are not: events (`World Cup`, `French Open`, `Second World War`,
`Nobel Prize`, `Cannes Film Festival`) and diseases (`West Nile Virus`, `Avian Flu`). A name
equal to an entry is not an actor (the loader decides how: see data/README.md).

data/non_actors.tsv: `phrase	category`
  phrase    the name as news writes it
  category  sports_event, award, festival, war or disease: from the phrase's head word
            (cup, open, games, championship, tournament, trophy, prix, bowl, league, ...;
            award, prize; festival, contest, pageant; war; flu, influenza, fever, virus ...)

An entry must never suppress a real actor, so only phrases whose category the head word
gives are kept. The rules, each counted in scripts/data/report/discards-dropped.tsv:
  number         a year or number (`1914`): never a name anyway
  no_category    no event, award, war or disease word: people (`Serena Williams`, `Rick Lazio`,
                 `Salman Rushdie` are actors in political news), clubs and organizations
                 (`Manchester United`, `FIFA`, `Osaka District Court`), places (`Everest`,
                 `World Trade Center`), works (`Avatar`) and common nouns (`Boxing`, `Landslide`)
  generic        the head word with only generic words before it (`Film Festival`, `Final
                 Match`, `Amateur Boxing Tournament`): a description, not a name
  actor_form     the phrase is a form of an actor in data/gazetteer/*.tsv or data/actors/*.tsv
  duplicate      the same phrase twice (PETRARCH lists some with and without `+`)
PETRARCH's story/sentence flag (`+`) and stem flag (`_`) are not kept: they are about
skipping text, which our tool does not do.
"""

from __future__ import annotations

import argparse
import re
import sys

import common
import names
from common import name_key

DISCARDS = common.PETRARCH / "Phoenix.discards.txt"

CATEGORY_HEADS = {
    "sports_event": {"cup", "open", "games", "championship", "championships", "tournament",
                     "trophy", "prix", "bowl", "olympics", "marathon", "qualifier",
                     "final", "finals", "series", "rally", "regatta", "race"},
    "award": {"award", "awards", "prize", "prizes"},
    "festival": {"festival", "contest", "pageant", "concert"},
    "war": {"war", "wars"},
    "disease": {"flu", "influenza", "fever", "virus", "epidemic", "ebola", "polio", "cholera",
                "h5n1", "dengue"},
}
# words that describe a kind of event rather than name one
GENERIC = {
    "final", "film", "league", "qualifying", "round", "match", "tournament", "amateur",
    "boxing", "golf", "ladies", "sevens", "test", "tour", "club", "home", "day", "run",
    "series", "nations", "quarter", "semi", "the", "of", "bacteria", "contracted", "medical",
    "world", "celebrity", "reality", "presidential", "vote", "recount", "beauty", "camel",
    "car", "yachting", "hosting", "post", "pre", "bike", "horse", "motor",
}
# `World Cup`, `World War Two`: "world" is generic only when nothing else follows the head
KEEP_WITH_WORLD = {"cup", "war", "wars", "championships", "championship", "games", "series"}


def category(words: list[str]) -> tuple[str, str]:
    """(category, head) of a phrase whose last word is a category head (`World Cup`, not
    `Bowl Out`, `Series Win`, `Final Whistle`), or ("", "")."""
    low = [w.lower() for w in words]
    last = low[-1]
    if len(low) > 1 and re.fullmatch(r"(\d+|i{1,3}|iv|v|one|two|three)", last):
        last = low[-2]  # World War II, World War Two
    for cat, heads in CATEGORY_HEADS.items():
        if last in heads:
            return cat, last
    return "", ""


def is_generic(words: list[str], head: str) -> bool:
    low = [w.lower() for w in words]
    i = low.index(head)
    rest = [w for w in low[:i] + low[i + 1 :] if w not in names.FUNCTION_WORDS]
    if not rest:
        return head not in CATEGORY_HEADS["disease"] or len(low) == 1 and head in (
            "flu", "fever", "virus", "epidemic", "influenza")
    if low[0] in ("post", "pre", "hosting"):
        return True  # `Post World War II`: a time, not the event
    if head in KEEP_WITH_WORLD and "world" in rest:
        return False
    return all(w in GENERIC for w in rest)


def case(words: list[str]) -> str:
    acr = {w for w in words if len(names.letters(w)) <= 4 and not (set(w) & names.VOWELS)}
    acr |= {w for w in words if re.search(r"\d", w) and w.isupper()}
    # three-letter words that are not English words are acronyms: AFL, ATP, WTA
    acr |= {w for w in words if len(w) == 3 and w.isalpha() and w.lower() not in COMMON
            and not any(w.lower() in heads for heads in CATEGORY_HEADS.values())}
    return names.case_words(words, person=False, acronyms=acr)


COMMON: set[str] = set()


def build() -> dict[str, str]:
    COMMON.update(common.ewt_common_words())
    gaz = common.Gazetteer()
    actor_forms = set(gaz.forms)
    for path in (common.DATA / "actors" / "people.tsv", common.DATA / "actors" / "organizations.tsv"):
        if path.exists():
            header, rows = common.read_tsv(path)
            ia = header.index("aliases")
            for r in rows:
                actor_forms.add(name_key(r[0]))
                actor_forms.update(name_key(a) for a in common.split_list(r[ia]))
    kept: dict[str, list[str]] = {}
    dropped = []
    with open(DISCARDS, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for n, raw in enumerate(lines, start=1):
        text = raw.split("#", 1)[0].strip()
        if not text:
            continue
        phrase = text.lstrip("+").strip().rstrip("_").strip()
        words = [w for w in re.split(r"[\s_]+", phrase) if w]
        where = f"Phoenix.discards.txt:{n}"
        if not words:
            continue
        if all(re.fullmatch(r"\d+", w) for w in words):
            dropped.append(["number", phrase, where, ""])
            continue
        cat, head = category(words)
        if not cat:
            dropped.append(["no_category", phrase, where, ""])
            continue
        if is_generic(words, head):
            dropped.append(["generic", phrase, where, cat])
            continue
        text = case(words)
        if name_key(text) in actor_forms:
            dropped.append(["actor_form", phrase, where, ""])
            continue
        if name_key(text) in kept:
            dropped.append(["duplicate", phrase, where, ""])
            continue
        kept[name_key(text)] = [text, cat]
    rows = sorted(kept.values(), key=lambda r: (name_key(r[0]), r[0]))
    files = {}
    files["data/non_actors.tsv"] = common.render_tsv(
        [
            "non_actors.tsv — names of events and diseases that look like actors but are not",
            "(\"World Cup\", \"Second World War\", \"Nobel Prize\", \"West Nile Virus\"): a name equal",
            "to an entry is not an actor (data/README.md, \"non_actors.tsv\").",
            "Generated by scripts/data/convert_discards.py from",
            f"{common.rel(DISCARDS)} (sha256 {common.file_digest(DISCARDS)}) of",
            f"{common.PETRARCH_REPO} at commit {common.PETRARCH_COMMIT}.",
            "Licence: MIT. Copyright (c) 2014 Open Event Data Alliance.",
            "The licence text is in data/actors/LICENSE-PETRARCH2.txt.",
        ],
        ["phrase", "category"],
        rows,
    )
    files["scripts/data/report/discards-dropped.tsv"] = common.render_tsv(
        ["discards-dropped.tsv — phrases of Phoenix.discards.txt that convert_discards.py did",
         "not take into data/non_actors.tsv, with the rule (see the script's module comment)."],
        ["rule", "phrase", "source", "note"],
        sorted(dropped, key=lambda r: (r[0], int(r[2].split(":")[1]))),
    )
    return files


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="fail if the files in data/ are stale")
    args = ap.parse_args(argv)
    out = common.Output(args.check)
    for path, text in build().items():
        out.put(common.ROOT / path, text)
    return out.finish("convert_discards")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
