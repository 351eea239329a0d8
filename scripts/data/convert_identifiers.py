#!/usr/bin/env python3
"""Converts ../shared/resources/wikidata/{countries,organizations}.tsv into data/identifiers.tsv.

data/identifiers.tsv has one row per actor of our gazetteer that a resource gives an
identifier for:

    name      the node name the tool gives the actor: our common name from
              data/gazetteer/*.tsv, never the resource's spelling
    type      its type in our gazetteer (Country, Place, Organization ...); name and type
              together are the key the tool attaches the ids by
    iso3      ISO 3166-1 alpha-3 (countries and territories), else empty
    wikidata  the Wikidata item (Q...)
    checked   yes: a second independent source agrees on the Wikidata id; no: one source
    source    where the id comes from (the resource file; a user adding a row names theirs)

Joins:
- countries by ISO alpha-3 with the `code` column of data/gazetteer/countries.tsv;
- territories that the resource lists with an ISO code (Hong Kong, Greenland ...) by their
  name with a Place of data/gazetteer/places.tsv (name or alias), as a Place;
- organizations by name with data/gazetteer/organizations.tsv (name or alias), reading a
  resource name "Long Name (SHORT)" as both forms and "United Nations" as "UN".
No id is written that is not in the resources.

Also written, for review (not loaded by the tool):
  scripts/data/report/identifiers-join.txt   matched and unmatched rows of each join
  scripts/data/proposed-organizations.tsv    rows for data/gazetteer/organizations.tsv:
                                             organizations of the resource that our
                                             gazetteer lacks, and forms of the resource's
                                             names that it lacks (as alias additions)
"""

from __future__ import annotations

import argparse
import re
import sys

import common
from common import name_key

COUNTRIES = common.WIKIDATA / "countries.tsv"
ORGS = common.WIKIDATA / "organizations.tsv"


def org_forms(name: str) -> list[str]:
    """The forms a resource name stands for: `North Atlantic Treaty Organization (NATO)` ->
    the whole, `North Atlantic Treaty Organization`, `NATO`; each also with `United Nations`
    written `UN` and the other way round."""
    forms = [name]
    m = re.match(r"^(.*?)\s*\((.*)\)\s*$", name)
    if m:
        forms += [m.group(1), m.group(2)]
    out = []
    for f in forms:
        for v in (f, re.sub(r"\bUnited Nations\b", "UN", f), re.sub(r"\bUN\b", "United Nations", f)):
            if v not in out:
                out.append(v)
    return out


def build() -> dict[str, str]:
    gaz = common.Gazetteer()
    _, wcountries = common.read_tsv(COUNTRIES)
    _, worgs = common.read_tsv(ORGS)
    rows: list[list[str]] = []
    report: list[str] = []

    # countries by ISO alpha-3
    ours = {r[4]: r for r in gaz.countries if r[4]}
    wd_codes = {r[0] for r in wcountries}
    matched, territories_place, territories_none = [], [], []
    for iso3, _iso2, wname, qid, _cow, verified in wcountries:
        src = common.rel(COUNTRIES)
        if iso3 in ours:
            rows.append([ours[iso3][0], "Country", iso3, qid, verified, src])
            matched.append(f"{iso3}\t{wname}\t-> {ours[iso3][0]}")
            continue
        places = [(n, t) for f, n, t in gaz.lookup(wname) if f == "places.tsv"]
        if len(places) == 1:
            n, t = places[0]
            rows.append([n, t, iso3, qid, verified, src])
            territories_place.append(f"{iso3}\t{wname}\t-> {t} {n}")
        else:
            territories_none.append(f"{iso3}\t{wname}\t{qid}")
    missing_ours = [f"{c}\t{r[0]}" for c, r in sorted(ours.items()) if c not in wd_codes]
    report += [
        f"# Countries: {COUNTRIES.name} ({len(wcountries)} rows) joined by ISO alpha-3 with",
        "# data/gazetteer/countries.tsv (column code).",
        f"matched countries: {len(matched)}",
        *[f"  {m}" for m in matched],
        f"territories joined by name with a Place of places.tsv: {len(territories_place)}",
        *[f"  {m}" for m in territories_place],
        f"resource rows with no entry in our gazetteer (no row written): {len(territories_none)}",
        *[f"  {m}" for m in territories_none],
        f"our countries missing from the resource (no id available): {len(missing_ours)}",
        *[f"  {m}" for m in missing_ours],
        "",
    ]

    # organizations by name or alias
    org_rows = {r[0]: r for r in gaz.orgs}
    omatched, ounmatched, proposals = [], [], []
    for wname, qid, agrees in worgs:
        hits: dict[str, list[str]] = {}
        for f in org_forms(wname):
            for file, n, _t in gaz.lookup(f):
                if file == "organizations.tsv":
                    hits.setdefault(n, []).append(f)
        if len(hits) == 1:
            n = next(iter(hits))
            r = org_rows[n]
            rows.append([n, r[1], "", qid, agrees, common.rel(ORGS)])
            omatched.append(f"{wname}\t-> {n} (by {', '.join(dict.fromkeys(hits[n]))})")
            known = {name_key(x) for x in [r[0], *common.split_list(r[2])]}
            m = re.match(r"^(.*?)\s*\((.*)\)\s*$", wname)
            new = [x for x in ([m.group(1), m.group(2)] if m else [wname])
                   if name_key(x) not in known]
            if new:
                proposals.append([n, r[1], ";".join(new), r[3],
                                  f"alias addition: {wname} ({qid})"])
        else:
            ounmatched.append(f"{wname}\t{qid}\t{'ambiguous: ' + ', '.join(hits) if hits else 'no entry'}")
            m = re.match(r"^(.*?)\s*\((.*)\)\s*$", wname)
            name, aliases = (m.group(1), m.group(2)) if m else (wname, "")
            if not hits:
                proposals.append([name, "Organization", aliases, "",
                                  f"missing: {wname} ({qid})"])
    report += [
        f"# Organizations: {ORGS.name} ({len(worgs)} rows) joined by name or alias with",
        "# data/gazetteer/organizations.tsv.",
        f"matched: {len(omatched)}",
        *[f"  {m}" for m in omatched],
        f"unmatched: {len(ounmatched)}",
        *[f"  {m}" for m in ounmatched],
    ]

    rows.sort(key=lambda r: ({"Country": 0}.get(r[1], 1), name_key(r[0]), r[1]))
    files = {}
    files["data/identifiers.tsv"] = common.render_tsv(
        [
            "identifiers.tsv — identifiers that join actors of the graph to other data:",
            "ISO 3166-1 alpha-3 codes and Wikidata items, for the countries, territories and",
            "international organizations of data/gazetteer/ (data/README.md, \"identifiers.tsv\").",
            "Generated by scripts/data/convert_identifiers.py from",
            f"{common.rel(COUNTRIES)} (sha256 {common.file_digest(COUNTRIES)}) and",
            f"{common.rel(ORGS)} (sha256 {common.file_digest(ORGS)}),",
            "facts from public Wikidata-derived data files, cross-checked (see",
            "../shared/resources/wikidata/README.md); checked = yes where a second source agrees.",
            "Licence: CC0-1.0 (Wikidata facts; ISO codes are facts).",
            "An id added to this table must be checked against a source, never written from",
            "memory: a wrong id joins the graph to the wrong thing.",
        ],
        ["name", "type", "iso3", "wikidata", "checked", "source"],
        rows,
    )
    proposals.sort(key=lambda r: name_key(r[0]))
    files["scripts/data/proposed-organizations.tsv"] = common.render_tsv(
        [
            "proposed-organizations.tsv — proposed rows for data/gazetteer/organizations.tsv, for a",
            "human to review (generated by scripts/data/convert_identifiers.py; not loaded).",
            "Rows marked \"missing\" are organizations of ../shared/resources/wikidata/organizations.tsv",
            "that our gazetteer lacks; rows marked \"alias addition\" add the resource's spelling",
            "to an existing entry (a row with the same name and type adds its aliases).",
            f"Organizations of the resource without an entry in our gazetteer: "
            f"{sum(1 for p in proposals if p[4].startswith('missing'))}.",
        ],
        ["name", "type", "aliases", "country", "note"],
        proposals,
    )
    files["scripts/data/report/identifiers-join.txt"] = "\n".join(report) + "\n"
    return files


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="fail if the files in data/ are stale")
    args = ap.parse_args(argv)
    out = common.Output(args.check)
    for path, text in build().items():
        out.put(common.ROOT / path, text)
    return out.finish("convert_identifiers")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
