#!/usr/bin/env python3
"""Converts Phoenix.agents.txt (PETRARCH2 role nouns) into data/role_nouns.tsv and a title
proposal.

Phoenix.agents.txt lists nouns that name an actor by its role, with a CAMEO sector code
(`AMBASSADOR [~GOV]`, `FARMER [~AGR]`, `NEWSPAPER [~MED]`, `HUMAN_RIGHTS_BODY [NGO~]`),
irregular plurals in `{...}` and substitution sets (`!PERSON! = MAN, MEN, WOMAN, WOMEN,
PERSON`, `!MINIST!`); format in dictionaries.rst. Some nouns are stems (`DEFENSE_MINIST`):
MINIST/MINISTR is read as minister and as ministry.

Output:
  data/role_nouns.tsv   noun  plural  type  code
      Nouns that say what kind of actor a name is when the text puts them next to it in
      apposition or after a copula ("X, a journalist", "X is a rebel group", "the daily
      newspaper X"). type is Person for nouns of people (journalist, lawyer, cleric,
      businessman, rebel), and Organization, Media, GovernmentBody or PoliticalParty for
      nouns of bodies, by the cue word the noun ends in (company, newspaper, ministry,
      party: data/cues.tsv). Nouns already in data/titles.tsv are left out (a title types
      its holder as Person already). Weapons, vehicles, places, crimes, events and
      abstract nouns of the agents file are left out.
  scripts/data/proposed-titles.tsv  title  relation  scope  plural  code  source
      Person nouns of state, party and organization roles that data/titles.tsv lacks,
      mapped to its columns, for a human to review (not loaded).

Rules for a Person noun: its head (the word before a preposition, else the last word) is a
noun of people: it ends like one (-er, -or, -ist, -ian, -ant, -ent, -man/-men, -woman, -ee,
-ary, -ate, -ic, -ive) and is not one of the known exceptions (carrier, destroyer,
government, parliament, military, senate ...), or it is in PERSON_HEADS (chief, envoy,
judge, imam ...). A noun of a group of people (police, troops, militia) is not a Person.
"""

from __future__ import annotations

import argparse
import re
import sys

import common
from common import name_key

AGENTS = common.PETRARCH / "Phoenix.agents.txt"

PERSON_SUFFIX = re.compile(
    r"(er|or|ist|ian|ant|ent|man|men|woman|women|person|ee|ary|ate|ic|ive|ier|eer|yer|ar)$"
)
PERSON_HEADS = {
    "chief", "head", "envoy", "judge", "monk", "nun", "priest", "imam", "mullah", "rabbi",
    "pope", "king", "queen", "prince", "princess", "emir", "amir", "sultan", "sheikh",
    "spy", "thief", "nurse", "pilot", "crook", "boss", "deputy", "delegate", "general",
    "colonel", "captain", "official", "rebel", "guerrilla", "guerilla", "jihadi", "child",
    "girl", "boy", "youth", "citizen", "victim", "mother", "father", "pupil", "tycoon",
    "tyrant", "despot", "autocrat", "bureaucrat", "dissident", "bandit", "brigand", "pirate",
    "hostage", "convict", "felon", "exile", "expatriate", "immigrant", "migrant", "pilgrim",
    "refugee", "diplomat", "attache", "consul", "mayor", "governor", "chancellor", "premier",
    "president", "minister", "secretary", "ambassador", "spokesperson", "spokesman",
    "spokeswoman", "aide", "adviser", "advisor", "commander", "lieutenant", "sergeant",
    "corporal", "admiral", "marshal", "cadet", "recruit", "veteran", "sheriff", "constable",
    "detective", "inspector", "prosecutor", "attorney", "lawyer", "barrister", "solicitor",
    "magistrate", "clergyman", "cleric", "bishop", "archbishop", "cardinal", "chaplain",
    "preacher", "militant", "mercenary", "gunman", "gunmen", "assassin", "kidnapper",
    "smuggler", "trafficker", "terrorist", "extremist", "fundamentalist", "islamist",
    "jihadist", "separatist", "nationalist", "activist", "campaigner", "protester",
    "demonstrator", "striker", "worker", "laborer", "labourer", "farmer", "peasant",
    "student", "scholar", "scientist", "academic", "professor", "teacher", "lecturer",
    "economist", "analyst", "expert", "doctor", "physician", "surgeon", "medic", "editor",
    "journalist", "reporter", "correspondent", "columnist", "blogger", "broadcaster",
    "photographer", "businessman", "businesswoman", "entrepreneur", "executive", "investor",
    "banker", "trader", "merchant", "landowner", "landlord", "dictator", "monarch", "ruler",
    "heir", "survivor", "witness", "suspect", "detainee", "prisoner", "inmate", "defector",
    "deserter", "mp", "senator", "congressman", "congresswoman", "lawmaker", "legislator",
    "parliamentarian", "politician", "candidate", "nominee", "official", "officer",
}
NOT_PERSON = {
    "carrier", "destroyer", "bomber", "fighter", "tanker", "freighter", "cruiser",
    "airliner", "jetfighter", "supertanker", "oiler", "battleship", "corvette", "frigate",
    "warplane", "center", "centre", "chamber", "border", "water", "computer", "government",
    "parliament", "department", "settlement", "movement", "establishment", "regiment",
    "detachment", "contingent", "military", "judiciary", "library", "monastery", "senate",
    "state", "consulate", "electorate", "republic", "clinic", "initiative", "medicine",
    "magazine", "elite", "headquarters", "embassy", "ministry", "secretariat", "secretariate",
    "directorate", "inspectorate", "protectorate", "caliphate", "emirate", "sultanate",
    "syndicate", "cartel", "commissariat", "procuratorate", "presidium", "politburo",
    "diocese", "archdiocese", "tabloid", "publication", "newspaper", "gazette", "media",
    "police", "troop", "troops", "infantry", "artillery", "militia", "army", "navy",
    "marines", "paratroops", "gendarmery", "gendarmerie", "junta", "mob", "gang", "mafia",
    "rabble", "population", "people", "community", "public", "regime", "rebellion", "revolt",
    "uprising", "insurgency", "insurgence", "hideout", "prison", "hospital", "school",
    "university", "college", "kindergarten", "preschool", "conservatory", "academy",
    "aerospace", "industry", "business", "company", "corporation", "conglomerate", "firm",
    "telecom", "airline", "airway", "carmaker", "automaker", "steelmaker", "manufacture",
    "tv", "television", "website", "blog", "echelon", "phalanx", "soldiery", "clergy",
    "intelligence", "bureaucracy", "governance", "polity", "kingdom", "sovereign",
    "cabinet", "chancellery", "chancery", "judicature", "judicatory", "tribunal", "court",
    "legislature", "congress", "assembly", "assemblies", "council", "commission",
    "committee", "agency", "authority", "administration", "office", "service", "force",
    "forces", "unit", "body", "organization", "organisation", "group", "association",
    "union", "federation", "party", "front", "alliance", "coalition", "league", "network",
    "branch", "wing", "faction", "cell", "brigade", "battalion", "squad", "team", "crew",
    "delegation", "mission", "staff", "personnel", "workforce", "labor", "labour", "order",
    "neighborhood", "neighbourhood", "village", "settlement", "counter", "scholar-gipsy",
    "naval", "islamic", "jewish", "buddhist", "hindu", "muslim", "moslem", "christian",
    "sunni", "shiite", "shia", "catholic", "protestant", "anglican", "maronite", "hebrew",
    "unitarian", "naturalized", "retired", "semi-official", "state-owned", "non-resident",
    "non-native", "noncombatant", "non-combatant", "native", "hasidim", "hasid",
    "helicopter", "humvee", "jetliner", "infirmary", "monastary", "enforcement", "sector",
    "predator", "poor", "maker", "manufacturer", "trainer", "sanatarium", "sanitarium",
}
# plural heads that mean people without a singular entry
# organisation nouns typed by the cue word they end in (data/cues.tsv, position last)
ORG_TYPES = {"Organization", "Media", "GovernmentBody", "PoliticalParty"}
# offices of a state: codes whose sector makes a role an office of the country
STATE_SECTORS = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY"}
ORG_SECTORS = {"OPP", "PTY", "REB", "UAF", "NGO", "IGO", "MED", "BUS", "ELI"}
LEADS_HEADS = {"leader", "chief", "head", "chairman", "chairwoman", "chair", "chairperson",
               "founder", "commander", "boss", "ringleader", "warlord", "kingpin", "president"}
MEMBER_HEADS = {"member", "activist", "supporter", "militant", "loyalist", "partisan",
                "sympathizer", "sympathiser", "cadre", "volunteer", "follower", "fighter",
                "guerrilla", "guerilla", "rebel", "insurgent", "lawmaker", "legislator",
                "parliamentarian", "congressman", "congresswoman", "delegate"}
# heads of nouns that are titles: offices and roles in a body (not `rebel`, `defector`)
OFFICE_HEADS = {
    "minister", "secretary", "director", "commissioner", "chief", "head", "leader",
    "chairman", "chairwoman", "chairperson", "chair", "commander", "general", "officer",
    "official", "spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy",
    "representative", "governor", "mayor", "judge", "prosecutor", "attorney", "magistrate",
    "editor", "correspondent", "reporter", "journalist", "president", "premier", "chancellor",
    "deputy", "adviser", "advisor", "aide", "auditor", "inspector", "marshal", "admiral",
    "captain", "colonel", "lieutenant", "sergeant", "corporal", "consul", "member", "activist",
    "supporter", "lawmaker", "legislator", "congressperson", "congressman", "congresswoman",
    "senator", "councillor", "councilor", "speaker", "whip", "treasurer", "controller",
    "registrar", "administrator", "superintendent", "comptroller", "ombudsman", "counsel",
    "solicitor", "commandant", "delegate", "emissary", "legate", "plenipotentiary", "manager",
    "executive", "founder", "publisher", "columnist", "commentator", "diplomat", "attache",
    "mp", "parliamentarian", "politician", "cadre", "staffer", "employee", "agent",
}
BODY_HEADS = {"spokesman", "spokeswoman", "spokesperson", "official", "officer", "staffer",
              "employee", "aide", "adviser", "advisor", "inspector", "auditor"}


def plural_of(noun: str) -> str:
    """PETRARCH's regular plural (dictionaries.rst): +S, Y -> IES, SS -> SSES; on the head
    word before a preposition (`chief of staff` -> `chiefs of staff`)."""
    ws = noun.split()
    i = next((k - 1 for k, w in enumerate(ws) if k > 0 and w in ("of", "for", "in", "to", "on")),
             len(ws) - 1)
    w = ws[i]
    if w in ("men", "women", "people", "police", "troops", "forces", "staff", "personnel"):
        p = w  # already plural
    elif w.endswith("man"):
        p = w[:-3] + "men"
    elif w.endswith("ss") or w.endswith("sh") or w.endswith("ch") or w.endswith("x"):
        p = w + "es"
    elif w.endswith("y") and len(w) > 1 and w[-2] not in "aeiou":
        p = w[:-1] + "ies"
    elif w.endswith("s"):
        p = w
    else:
        p = w + "s"
    return " ".join(ws[:i] + [p] + ws[i + 1 :])


def read_agents() -> list[tuple[str, list[str], str, int]]:
    """(noun, plurals, code, line): substitution sets expanded, stems MINIST/MINISTR read as
    minister and ministry. plurals is None when the file gives none (regular plural)."""
    subs: dict[str, list[str]] = {}
    out = []
    with open(AGENTS, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for n, raw in enumerate(lines, start=1):
        line = raw.split("#", 1)[0].strip()
        if not line or line.startswith("<"):
            continue
        m = re.match(r"^!(\w+)!\s*=\s*(.*)$", line)
        if m:
            subs[m.group(1)] = [x.strip() for x in m.group(2).split(",") if x.strip()]
            continue
        m = re.match(r"^(.*?)\s*(?:\{([^}]*)\})?\s*\[([^\]}]*)[\]}]", line)
        if not m:
            continue
        phrase, plural, code = m.group(1).strip(), m.group(2), m.group(3).strip()
        if not phrase:
            continue
        phrases = [phrase]
        mm = re.search(r"!(\w+)!", phrase)
        sub_plural: dict[str, str] = {}
        if mm and mm.group(1) in subs:
            # only the first marker is substituted (as PETRARCH does); an item that is the
            # plural of another (MEN of MAN, MINISTRIES of MINISTRY) is that one's plural
            items = subs[mm.group(1)]
            plural_items = {}
            for a in items:
                for b in items:
                    if b != a and b.lower() == plural_of(a.lower()):
                        plural_items[a] = b
            make = lambda item: phrase[: mm.start()] + item + phrase[mm.end() :]
            phrases = [make(a) for a in items if a not in plural_items.values()]
            sub_plural = {make(a): make(b) for a, b in plural_items.items()}
            plural = ""  # every item is given: no plural formation
        phrases = [ph for ph in phrases if "!" not in ph]
        for ph in phrases:
            this_plural = plural
            if ph in sub_plural:
                this_plural = sub_plural[ph]
            words = [w for w in re.split(r"[_\s]+", ph.strip().strip("_")) if w]
            if not words:
                continue
            variants = [words]
            if words[-1].upper() in ("MINIST", "MINISTR"):
                variants = [words[:-1] + ["MINISTER"], words[:-1] + ["MINISTRY"]]
            for ws in variants:
                noun = " ".join(ws).lower()
                plurals = None
                if this_plural is not None:
                    if ph in sub_plural:
                        plurals = [" ".join(w for w in re.split(r"[_\s]+", this_plural) if w).lower()]
                    else:
                        plurals = [p.replace("_", " ").strip().lower()
                                   for p in this_plural.split() if p.strip("_ ")]
                out.append((noun, plurals, code, n))
    return out


MEDIA_WORDS = {"news", "press", "wire", "broadcasting", "broadcast", "radio", "television",
               "tv", "newspaper", "magazine"}
MEDIA_HEADS = {"newspaper", "magazine", "daily", "weekly", "tabloid", "gazette", "television",
               "tv", "radio", "press", "channel", "broadcaster", "agency", "service",
               "organization", "organisation"}
NON_STATE = {"REB", "UAF", "OPP", "INS", "SEP", "RAD", "CRM"}


def classify(noun: str, cues: dict[tuple[str, str], str], code: str = "") -> str:
    """Person, an organization type, or "" (not an actor noun, or not sure)."""
    ws = noun.split()
    head = next((ws[k - 1] for k, w in enumerate(ws) if k > 0 and w in ("of", "for", "in", "to", "on")),
                ws[-1])
    if any(not re.fullmatch(r"[a-z][a-z'\-]*", w) for w in ws):
        return ""  # F-16, P-3A ORION, F/A-18
    if ws[-1] in ("of", "for", "in", "to", "on", "and", "the") or "and" in ws:
        return ""  # cut short (`EMBASSY_IN`) or two nouns (`STUDENTS_AND_TEACHER`)
    sector = code.replace("~", "")[:3]
    if head in MEDIA_HEADS and any(w in MEDIA_WORDS for w in ws[:-1] + [head]) and \
            head not in ("service",) or (head == "service" and "wire" in ws):
        return "Media"  # news agency, state-run television, opposition daily, wire service
    cue = cues.get((head, "last"))
    if cue == "Media":
        return "Media" if head in MEDIA_HEADS else ""  # not `police post`, `truce monitor`
    if cue == "GovernmentBody" and sector in NON_STATE:
        return "Organization"  # rebel army, insurgent force, opposition forces
    if cue == "Organization" and sector in STATE_SECTORS and head in ("battalion", "brigade"):
        return "GovernmentBody"
    if cue in ORG_TYPES:
        return cue
    if head in NOT_PERSON:
        return ""
    if head in PERSON_HEADS or PERSON_SUFFIX.search(head):
        return "Person"
    return ""


def title_mapping(noun: str, code: str) -> tuple[str, str] | None:
    """(relation, scope) for a Person noun that is a role in a state, party or organization;
    None for other people (farmer, student, victim)."""
    sector = code.replace("~", "")[:3]
    ws = noun.split()
    head = next((ws[k - 1] for k, w in enumerate(ws) if k > 0 and w in ("of", "for", "in", "to", "on")),
                ws[-1])
    if sector not in STATE_SECTORS and sector not in ORG_SECTORS:
        return None
    if head not in OFFICE_HEADS:
        return None
    if head in LEADS_HEADS:
        relation = "LEADS"
    elif head in MEMBER_HEADS:
        relation = "MEMBER_OF"
    else:
        relation = "HOLDS_OFFICE"
    if head in BODY_HEADS:
        scope = "body"
    elif sector in STATE_SECTORS and relation != "MEMBER_OF":
        scope = "country"
    else:
        scope = "org"
    return relation, scope


def build() -> dict[str, str]:
    _, titles = common.read_tsv(common.DATA / "titles.tsv")
    title_forms = set()
    for t in titles:
        title_forms.add(name_key(t[0]))
        if t[3]:
            title_forms.add(name_key(t[3]))
    _, cue_rows = common.read_tsv(common.DATA / "cues.tsv")
    cues = {(c.lower(), p): t for c, p, t in cue_rows}
    entries = read_agents()
    # pair substitution forms (congressman / congressmen) so each noun has its plural
    nouns: dict[str, dict] = {}
    singular_of = {}
    for noun, plurals, code, line in entries:
        if noun.endswith(("men", "women", "ministers", "ministries")) and not plurals:
            base = (noun[:-3] + "man" if noun.endswith("men") else
                    noun[:-1] if noun.endswith("ministers") else noun[:-3] + "y")
            if any(e[0] == base for e in entries):
                singular_of[noun] = base
                continue
        if noun.startswith(("former ", "ex-", "ex ")):
            continue
        if noun in nouns:
            continue
        if plurals is None:
            plural = plural_of(noun)
        else:
            plural = plurals[0] if plurals else ""
        nouns[noun] = {"plural": plural, "code": code, "line": line}
    for pl, base in singular_of.items():
        if base in nouns and not nouns[base]["plural"]:
            nouns[base]["plural"] = pl
        elif base in nouns:
            nouns[base]["plural"] = pl
    role_rows, title_rows = [], []
    seen = set()
    for noun in sorted(nouns):
        e = nouns[noun]
        if noun.startswith("the "):
            noun = noun[4:]
        if noun in seen or (noun != e and noun in nouns and e is not nouns[noun]):
            continue
        seen.add(noun)
        typ = classify(noun, cues, e["code"])
        if not typ:
            continue
        if typ == "Person" and name_key(noun) in title_forms:
            continue
        plural = e["plural"] if e["plural"] != noun else ""
        ws = noun.split()
        # a noun for apposition: at most three words, no preposition (`minister of budget`
        # and `ministry for youth and sports` name one office, not a kind of actor)
        if len(ws) <= 3 and not set(ws) & {"of", "for", "in", "to", "on"}:
            role_rows.append([noun, plural, typ, e["code"]])
        if typ == "Person" and name_key(noun) not in title_forms:
            mapping = title_mapping(noun, e["code"])
            if mapping:
                title_rows.append([noun, mapping[0], mapping[1], plural, e["code"],
                                   f"Phoenix.agents.txt:{e['line']}"])
    src = (f"{common.rel(AGENTS)} (sha256 {common.file_digest(AGENTS)}) of "
           f"{common.PETRARCH_REPO} at commit {common.PETRARCH_COMMIT}")
    files = {}
    files["data/role_nouns.tsv"] = common.render_tsv(
        [
            "role_nouns.tsv — nouns that say what kind of actor a name is when the text sets",
            "them beside it: \"X, a journalist\", \"X is a rebel group\", \"the daily newspaper X\"",
            "(data/README.md, \"role_nouns.tsv\"). noun and plural in lower case; type = the",
            "entity type the noun gives its name; code = the CAMEO agent code (background).",
            "Generated by scripts/data/convert_agents.py from",
            f"{src}; nouns of data/titles.tsv are left out.",
            "Licence: MIT. Copyright (c) 2014 Open Event Data Alliance.",
            "The licence text is in data/actors/LICENSE-PETRARCH2.txt.",
        ],
        ["noun", "plural", "type", "code"],
        role_rows,
    )
    files["scripts/data/proposed-titles.tsv"] = common.render_tsv(
        [
            "proposed-titles.tsv — candidate rows for data/titles.tsv, for a human to review",
            "(not loaded): role nouns of Phoenix.agents.txt for offices and roles in a state,",
            "party or organization that titles.tsv lacks, mapped to its columns (relation:",
            "LEADS for leader/chief/head..., MEMBER_OF for member/activist/militant...,",
            "HOLDS_OFFICE otherwise; scope: country for state sectors GOV MIL LEG JUD COP SPY,",
            "body for spokesman/official/aide..., org otherwise), with the CAMEO code.",
            f"Generated by scripts/data/convert_agents.py from {src}.",
            "Licence: MIT. Copyright (c) 2014 Open Event Data Alliance (data/actors/LICENSE-PETRARCH2.txt).",
        ],
        ["title", "relation", "scope", "plural", "code", "source"],
        title_rows,
    )
    return files


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="fail if the files in data/ are stale")
    args = ap.parse_args(argv)
    out = common.Output(args.check)
    for path, text in build().items():
        out.put(common.ROOT / path, text)
    return out.finish("convert_agents")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
