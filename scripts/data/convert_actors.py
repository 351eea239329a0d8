#!/usr/bin/env python3
"""Converts the Phoenix actor dictionaries of PETRARCH2 into data/actors/*.tsv.

Input (../shared/resources/petrarch2/): Phoenix.Countries.actors.txt,
Phoenix.International.actors.txt, Phoenix.MilNonState.actors.txt (format: dictionaries.rst;
reader: phoenix.py).

Output:
  data/actors/people.tsv         name  aliases  country  roles  source
  data/actors/organizations.tsv  name  type  aliases  country  codes  source
  scripts/data/report/actors-dropped.tsv      every phrase a rule dropped, with the rule
  scripts/data/report/place-candidates.tsv    city/region names listed under country codes

What the files are for: typing names (a known politician is a Person, a known armed group an
Organization) and country affiliation. The codes and dates are kept for users as background;
they are 2014 facts, never a source of edges.

A dictionary record groups phrases that PETRARCH codes alike, not phrases that name one actor:
`UNITED_STATES_MILITARY_` lists the Pentagon, CENTCOM and a spokesman; `HAMAS_` lists a
leader and a charity. So the phrases of a record are never taken as aliases of each other
wholesale. Each phrase is cleaned and typed on its own, and phrases become aliases of each
other only on evidence that they name the same actor (an acronym of the name, a spelling
variant, the name with a title or a middle name). Everything else becomes its own entry or
is dropped. The rules, in the order they apply, each with a name that the report counts:

Records
  geo_block        a record coded with a bare country or territory code (`AFGHANISTAN_ [AFG]`,
                   `AMERICAN_SAMOA_ [USAASM]`, `GAZA_ [PSEGZA]`): the country and the cities
                   and provinces listed as its synonyms. countries.tsv has the countries; the
                   city names are places, not the state, and are only listed as Place
                   candidates in report/place-candidates.tsv.
  no_code          a record with no code at all (PETRARCH gives it the null code).
                   Primary lines without codes directly followed by another primary line
                   (missing `+`, as in the BORIS_YELTSIN_ block) are read as phrases of the
                   next record first.
Phrases
  bad_characters   U+FFFD or letters not in the Latin script (mis-encoded or `СССР`).
  descriptive      the head noun names a role or a generic unit, not an actor
                   (`AFGHAN_NATIONAL_ARMY_SOLDIERS`, `WHITE_HOUSE_SPOKESMAN`,
                   `WASHINGTON-BASED_THINK_TANK`, `UN_ENVOY_`): titles.tsv words, the
                   one-word role nouns of Phoenix.agents.txt that are not cue words of
                   cues.tsv, and -based/-led compounds.
  parenthetical    a parenthesis that is neither an acronym (`(ETA)` becomes an alias) nor
                   a country or place (`DIRECT_ACTION_(GREECE)_` loses it).
  place_cue        the name's cue word in cues.tsv says Place, Facility or Country
                   (`WESTMINSTER_PALACE`, `REPUBLIC_OF_SERBIAN_KRAJINA_`).
  not_a_name       a phrase of a person record that is not shaped like a person's name
                   after its title is removed (function words, digits, a country name).
  unsure_type      a phrase without a cue word that could be a person's name or an
                   organization's (`GILLIAN_MELLSOP_ [IGOUNOKID]`), when nothing else decides.
  title_only       a title with nothing after it.
Entries and forms
  single_word_person   a person whose name is one word (`KHODAIDAD_`).
  single_word_alias    a one-word alias of a person (`KARZAI_`): a bare surname is what
                       the tool links across documents itself; in a gazetteer it would
                       claim every Karzai.
  short_acronym        an acronym of fewer than three letters (`HM`).
  common_word          a one-word form that is an ordinary English word: used as other than
                       a proper noun in UD English EWT (`Hope`, `Rock`, `May`, `Senate`), or
                       listed in non_names.txt.
  common_words         a name made only of ordinary words: a person's name all of whose
                       words are ordinary, an organization's with fewer than three
                       content words (`Black Star`, `Angry Brigade`, `Revolutionary Left`).
  generic_institution  a GovernmentBody name of ordinary words only, with no country or
                       place in it (`Ministry of Foreign Affairs`, `National Security
                       Council`, `Supreme Court`): every state has one.
  in_gazetteer     a name or alias that data/gazetteer/*.tsv already has (the hand-written
                   entry wins; an entry whose name is there is dropped whole).
  ambiguous_name   one name for actors of different types or countries (two people called
                   `Mohammad Ali`): dropped for all of them.
  ambiguous_alias  an alias claimed by two actors, or equal to another actor's name.
  titled_alias     an alias that is another form of the same person with a title before it
                   that the title rule did not remove (`Soviet Leader Mikhail Gorbachev`).
  duplicate        a form already given by the same actor (counted, not an error).
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import common
import names
import phoenix
from common import name_key, fold

FILES = [
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
]

# CAMEO's own codes for states that ISO 3166 spells differently (dictionaries.rst, CAMEO)
CAMEO_COUNTRY = {"KSV": "XKX", "TMP": "TLS"}
# Prefixes after which the next three letters may be a country: IGOs, NGOs, companies,
# international militarised groups
PREFIXES = {"IGO", "NGO", "NGM", "MNC", "IMG"}
# after a prefix, MUS is CAMEO's "Muslim" (IMGMUSALQ), not Mauritius
NOT_COUNTRY_AFTER_PREFIX = {"MUS"}
# geographic qualifiers that may follow a country code in a bare place record
GEO_QUALIFIERS = {"OCC", "UNR"}
# CAMEO sector, role and religion codes (anything else after a country is geographic)
SECTORS = {
    "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "LEG", "ELI", "MED", "BUS", "EDU",
    "HLH", "HRI", "DEV", "AGR", "ENV", "LAB", "CVL", "REL", "REF", "CRM", "RAD", "INS", "SEP",
    "UAF", "MOD", "IGO", "NGO", "MNC", "NGM", "IMG", "UIS", "MUS", "CHR", "CTH", "PRO", "JEW",
    "SHI", "SUN", "HIN", "BUD", "ORT", "MOS", "SIK", "ALQ", "HMS", "JMA", "ASF", "CNY",
}
INSTITUTION = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY"}
ARMED = {"REB", "UAF", "INS", "SEP", "RAD"}

HONORIFICS = {
    "mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady", "baron", "baroness", "count",
    "sheikh", "shaikh", "sheik", "shaykh", "gen", "gen.", "general", "col", "col.", "colonel",
    "lt", "lt.", "maj", "maj.", "major", "capt", "capt.", "captain", "adm", "adm.", "admiral",
    "marshal", "field", "brig", "sgt", "cmdr", "commander", "mullah", "mawlawi", "maulana",
    "maulvi", "ayatollah", "grand", "imam", "rev", "rev.", "reverend", "father", "pope",
    "cardinal", "archbishop", "bishop", "rabbi", "emir", "amir", "king", "queen", "prince",
    "princess", "sultan", "crown", "president", "premier", "chancellor", "minister", "secretary",
    "ambassador", "envoy", "former", "ex", "ex-", "acting", "interim", "deputy", "vice", "new",
    "then", "late", "senator", "sen", "sen.", "rep", "rep.", "gov", "gov.", "governor",
    "mayor", "justice", "judge", "jonkheer", "his", "her", "majesty", "highness", "excellency",
    "mp", "mr.", "mrs.", "dr.",
}
# extra descriptive heads (role nouns that titles.tsv and the agents file do not give as
# one word)
EXTRA_DESCRIPTIVE = {
    "peacekeeper", "peacekeepers", "contingent", "monitor", "monitors", "justices", "staff",
    "personnel", "bodies", "officials", "soldiers", "troops", "forces-led", "resident",
    "spokesmen", "spokeswomen", "chiefs", "think", "tank", "members", "supporters",
    "loyalists", "militants", "fighters", "gunmen", "insurgents", "rebels", "sympathizers",
    "sympathisers", "extremists", "elements", "delegation", "delegates", "team", "unit",
    "units", "official", "families", "family", "countries", "states", "nations",
}
# the agents file mixes person nouns (SOLDIER, SPOKESMAN) with sector nouns (INDUSTRY,
# AEROSPACE): only nouns with a person-noun ending count as role nouns
PERSON_NOUN = re.compile(r"(er|or|ist|ian|ant|ent|man|men|ee|ier|ive|ic|ine|ite|ary|ate)$")
# words that end company names; `Inc` and `Ltd` are also dropped for a short alias
LEGAL_SUFFIXES = {"inc", "inc.", "corp", "corp.", "co", "co.", "ltd", "ltd.", "llc", "plc",
                  "ag", "sa", "nv", "spa", "gmbh", "lp", "bv", "ab", "asa", "se", "limited",
                  "incorporated", "corporation", "company"}
# Arabic, Persian and Urdu words for armed and political groups (army, battalion, brigade,
# front, movement, organisation, party, helpers, free men, soldiers, lions, falcons, youth,
# state, council, companies): a name with one of them is a group's, not a person's
GROUP_WORDS = {
    "jaysh", "jaish", "jeish", "katibat", "kataib", "kataeb", "katiba", "liwa", "liwaa",
    "alwiya", "alwiyat", "ahrar", "jabhat", "jabha", "harakat", "haraka", "harakat",
    "tanzim", "tanzeem", "ansar", "jamaat", "jamaah", "jamaa", "jamiat", "majlis", "saraya",
    "sarayat", "jund", "junud", "asaib", "fursan", "suqur", "suqour", "usud", "tahrir",
    "mujahidin", "mujahideen", "mujahedin", "shabab", "dawla", "dawlat", "daulah", "hizb",
    "hezb", "lashkar", "sipah", "tehreek", "tehrik", "jamiyat", "ittehad", "ittihad",
    "muqawama", "muqawamah", "fedayeen", "fidayeen", "tawhid", "jihad",
}
LEGAL_SPELLING = {"inc": "Inc", "inc.": "Inc.", "corp": "Corp", "corp.": "Corp.", "co": "Co",
                  "co.": "Co.", "ltd": "Ltd", "ltd.": "Ltd.", "llc": "LLC", "plc": "PLC",
                  "ag": "AG", "sa": "SA", "nv": "NV", "spa": "SpA", "gmbh": "GmbH", "lp": "LP",
                  "bv": "BV", "ab": "AB", "asa": "ASA"}
# function words of other languages that occur in organizations' names, never in people's
FOREIGN_FUNCTION_WORDS = {"contra", "para", "pour", "zur", "zum", "für", "fur", "por", "con",
                          "sans", "pela", "pelo", "nel", "della", "delle", "degli", "voor",
                          "tegen", "och", "og", "och", "avec", "entre"}
ORG_WORDS = {"bancorp", "holdings", "holding", "industries", "technologies", "systems",
             "international", "group", "enterprises", "partners", "resources", "energy",
             "pharmaceuticals", "foods", "motors", "communications", "networks", "solutions",
             "entertainment", "stores", "financial", "capital", "trust", "investments",
             "properties", "services", "media", "oil", "gas", "mining", "airlines"}
SCRIPT_OK = re.compile(r"^[\w.'\u2019&/,()\-+:!]+$")


@dataclass
class Form:
    words: list[str]  # upper-case words as in the dictionary, title removed
    line: int
    file: str
    titled: bool = False  # the phrase had a title before the name
    acronym: bool = False  # a one-word acronym
    paren_acronym: str = ""  # acronym given in parentheses after the name
    text: str = ""  # the form in normal case

    @property
    def key(self) -> str:
        return name_key(self.text)


@dataclass
class Entry:
    kind: str  # "person" or "org"
    type: str  # Person, GovernmentBody, PoliticalParty, Media, Organization
    name: Form
    aliases: list[Form]
    codes: list[phoenix.Code]
    country: str  # ISO alpha-3 or ""
    sources: list[str] = field(default_factory=list)


class Log:
    """Counts and lists what each rule dropped."""

    def __init__(self):
        self.rows: list[tuple[str, str, str, str]] = []
        self.counts: Counter = Counter()

    def drop(self, rule: str, form: str, where: str, note: str = "") -> None:
        self.counts[rule] += 1
        self.rows.append((rule, " ".join(form.split()), where, " ".join(note.split())))


# ---------------------------------------------------------------------------------------
# Knowledge used by the rules, all taken from our data files and the resources


class Knowledge:
    def __init__(self):
        self.gaz = common.Gazetteer()
        _, wd = common.read_tsv(common.WIKIDATA / "countries.tsv")
        self.iso = {r[0] for r in wd} | set(self.gaz.country_by_code)
        self.common = common.ewt_common_words()
        _, nn = common.read_tsv(common.DATA / "non_names.txt")
        self.non_names = {r[0].lower() for r in nn}
        # month and weekday names are non-names too; they live in the language's calendar
        _, calendar = common.read_tsv(common.DATA / "en" / "calendar.tsv")
        self.non_names |= {r[0].lower() for r in calendar if r[1] in ("month", "weekday")}
        _, cues = common.read_tsv(common.DATA / "cues.tsv")
        self.cues: dict[tuple[str, str], str] = {}
        for cue, pos, typ in cues:
            self.cues[(cue.lower(), pos)] = typ
        self.cue_words = {c for c, _ in self.cues}
        _, titles = common.read_tsv(common.DATA / "titles.tsv")
        self.title_words: set[str] = set(HONORIFICS)
        self.title_heads: set[str] = set()
        for t in titles:
            ws = t[0].lower().replace("-", " ").split()
            self.title_words.update(w for w in ws if w not in names.FUNCTION_WORDS)
            self.title_heads.add(head_word(ws))
            self.title_heads.add(head_word(t[0].lower().split()))  # vice-president
            if t[3]:
                self.title_heads.add(head_word(t[3].lower().replace("-", " ").split()))
        self.title_words -= {"state", "house", "national", "security", "foreign", "affairs",
                             "party", "general", "external", "home", "interior", "human",
                             "rights", "religious", "joint", "army", "police", "of"}
        self.title_words |= {"general", "party", "army", "police"}
        self.descriptive = self._descriptive_heads()
        # one-word forms that our gazetteer writes in capitals (NATO, ECOWAS, UN)
        self.caps_forms = set()
        for r in self.gaz.orgs + self.gaz.countries:
            for form in [r[0], *common.split_list(r[1] if r in self.gaz.countries else r[2])]:
                if " " not in form and names.letters(form).isupper() and len(names.letters(form)) > 1:
                    self.caps_forms.add(name_key(form))
        # single-word forms of places and countries (for `(GREECE)` and country tokens)
        self.place_words: set[str] = set()
        self.country_tokens: dict[str, str] = {}
        for r in self.gaz.countries:
            for f in [r[0], *common.split_list(r[1]), *common.split_list(r[2])]:
                self.country_tokens[name_key(f)] = r[4]
        for k, lst in self.gaz.forms.items():
            if any(t in ("Country", "Place") for _, _, t in lst):
                self.place_words.add(k)

    def _descriptive_heads(self) -> set[str]:
        heads = set(self.title_heads) | EXTRA_DESCRIPTIVE
        with open(common.PETRARCH / "Phoenix.agents.txt", encoding="utf-8") as f:
            for line in f:
                line = line.split("#", 1)[0].strip()
                if not line or line.startswith("!") or "[" not in line:
                    continue
                phrase = line.split("[", 1)[0].split("{", 1)[0].strip()
                if "_" in phrase or " " in phrase or "!" in phrase:
                    continue
                w = phrase.lower()
                if w in self.cue_words or not PERSON_NOUN.search(w):
                    continue
                heads.add(w)
                heads.add(w + "s")
                if w.endswith("y"):
                    heads.add(w[:-1] + "ies")
                if w.endswith("man"):
                    heads.add(w[:-3] + "men")
        # organization words that the agents file lists as roles but that end real names
        heads -= {"administration", "authority", "cabinet", "government", "congress",
                  "parliament", "senate", "legislature", "tribunal", "court", "university",
                  "college", "school", "hospital", "embassy", "consulate", "judiciary",
                  "presidium", "politburo", "secretariat", "militia", "junta", "mafia",
                  "cartel", "kingdom", "navy", "army", "police", "infantry", "artillery",
                  "garrison", "barracks", "regiment", "battalion", "gazette", "magazine",
                  "newspaper", "television", "tv", "media", "company", "corporation",
                  "conglomerate", "industry", "airline", "airways", "chamber", "diocese",
                  "archdiocese", "monastery", "conservatory", "academy", "bureaucracy",
                  "commission", "assembly", "assemblies", "council", "department",
                  "ministry", "office", "agency", "service", "force", "forces", "guard",
                  "guards", "marines", "command", "corps", "intelligence", "procuratorate",
                  "chancellery", "chancery", "judicature", "publication", "tabloid",
                  "website", "blog", "telecom", "network", "fund", "bank", "group"}
        heads |= {"president", "minister", "secretary", "spokesman", "official", "chief",
                  "leader", "head", "envoy"}
        return heads

    def names_a_place(self, words: list[str]) -> bool:
        """The name contains a country (name, alias, demonym) or a place of the gazetteer."""
        keys = [name_key(w) for w in words]
        for i in range(len(keys)):
            for j in range(i + 1, min(len(keys), i + 4) + 1):
                k = " ".join(keys[i:j])
                if k in names.FUNCTION_WORDS or k in names.NAME_PARTICLES:
                    continue  # `la` is also Los Angeles
                if k in self.country_tokens or k in self.place_words:
                    return True
        return False

    def is_common(self, word: str) -> bool:
        w = word.lower().strip(".'")
        return w in self.common or w in self.non_names

    def cue_type(self, words: list[str]) -> str:
        """The type a cue word gives (first word, last word, any word), or ""."""
        ws = [w.lower().strip(".,") for w in words if w]
        if not ws:
            return ""
        content = [w for w in ws if w not in names.FUNCTION_WORDS]
        if not content:
            return ""
        for pos, w in (("last", ws[-1]), ("first", ws[0])):
            t = self.cues.get((w, pos))
            if t:
                return t
        for w in ws:
            t = self.cues.get((w, "any"))
            if t:
                return t
        # a cue word at the head before a preposition: `Army for the Liberation of Rwanda`,
        # `Commission on Occupational Health`
        head = head_word(ws)
        if head != ws[-1]:
            t = self.cues.get((head, "last")) or self.cues.get((head, "first"))
            if t:
                return t
        return ""


# ---------------------------------------------------------------------------------------
# Codes


def code_country(code: str, know: Knowledge) -> str:
    """The ISO alpha-3 country a CAMEO actor code names, or "" (IGOUNO, WEUREB, USR...)."""
    chunks = [code[i : i + 3] for i in range(0, len(code), 3)]
    if not chunks:
        return ""
    c0 = CAMEO_COUNTRY.get(chunks[0], chunks[0])
    if c0 in know.iso:
        return c0
    if chunks[0] in PREFIXES and len(chunks) > 1:
        c1 = chunks[1]
        if c1 in know.iso and c1 not in NOT_COUNTRY_AFTER_PREFIX:
            return c1
    return ""


def code_sectors(code: str) -> list[str]:
    return [code[i : i + 3] for i in range(0, len(code), 3)]


def is_geo_code(code: str, know: Knowledge) -> bool:
    """True for codes made only of country/territory/region codes (`AFG`, `USAASM`,
    `TMPOCC`, `UKRUNR`, `DDR`, `SUN`)."""
    chunks = code_sectors(code)
    if not chunks or any(len(c) != 3 for c in chunks):
        return False
    first = CAMEO_COUNTRY.get(chunks[0], chunks[0])
    if first not in know.iso and chunks[0] not in ("DDR", "SUN", "USR", "YUG", "SCG", "CSK",
                                                 "FRN", "KNT", "SRP", "KRJ"):
        return False
    # after the country: territories (USAASM), OCC/UNR, or CAMEO's own sub-region codes
    # (PSEGZA Gaza, BIHSRP Republika Srpska), i.e. anything that is not a sector code
    return all(c not in SECTORS for c in chunks[1:])


def entry_country(codes: list[phoenix.Code], know: Knowledge) -> str:
    """The one country the codes name; "" when none or several."""
    cs = {code_country(c.code, know) for c in codes} - {""}
    return cs.pop() if len(cs) == 1 else ""


def org_type(codes: list[phoenix.Code], words: list[str], know: Knowledge) -> str:
    """The type of an organization from its cue word and its codes (see data/README.md)."""
    cue = know.cue_type(words)
    chunks = [c for k in codes for c in [code_sectors(k.code)]]
    flat = {x for ch in chunks for x in ch}
    prefixes = {ch[0] for ch in chunks if ch}
    low = [w.lower() for w in words]
    strong_party = any(w in ("party", "parties", "partido", "parti", "partei", "partiya")
                       for w in low)
    if strong_party:
        return "PoliticalParty"
    if flat & ARMED or "IMG" in prefixes:
        return "Organization"
    if "IGO" in prefixes or "NGO" in prefixes or "NGM" in prefixes:
        return "Organization"
    if "MNC" in prefixes:
        return "Media" if cue == "Media" else "Organization"
    if "PTY" in flat:
        return "PoliticalParty"
    if "MED" in flat and cue != "GovernmentBody":
        return "Media"
    if flat & INSTITUTION:
        if cue == "PoliticalParty" and "OPP" not in flat:
            return "PoliticalParty"
        return "GovernmentBody"
    if cue == "PoliticalParty" and flat & {"OPP", "ELI"}:
        return "PoliticalParty"
    return "Organization"


def roles_text(codes: list[phoenix.Code]) -> str:
    out = []
    for c in codes:
        s = c.code + (" " + c.dates if c.dates else "")
        if s not in out:
            out.append(s)
    return ";".join(out)


# ---------------------------------------------------------------------------------------
# Phrases


def raw_words(text: str) -> list[str]:
    return phoenix.phrase_words(text.replace("\t", " "))


def strip_title(words: list[str], know: Knowledge) -> tuple[list[str], bool]:
    """Removes a title run before a person's name: `PRESIDENT_KARZAI_` -> KARZAI,
    `CIA_DIRECTOR_JOHN_BRENNAN` -> JOHN BRENNAN, `SECRETARY-GENERAL_KOFI_ANNAN` -> KOFI ANNAN,
    `UNITED_NATIONS_SECRETARY_GENERAL_BAN_KI-MOON` -> BAN KI-MOON,
    `PRESIDENT_OF_THE_RUSSIAN_FEDERATED_REPUBLIC,_BORIS_N._YELTSIN` -> BORIS N. YELTSIN.
    Every word before the name must be a title word (titles.tsv, honorifics), a function
    word, a country, place or organization of the gazetteer, or a short acronym, and one of
    them a title word. Returns (words, titled)."""

    def is_title(w: str) -> bool:
        lw = w.lower().strip(".,")
        parts = [p for p in lw.split("-") if p]
        return lw in know.title_words or (bool(parts) and all(p in know.title_words for p in parts))

    for i in range(len(words) - 2, -1, -1):
        if words[i].endswith(",") and any(is_title(w) for w in words[: i + 1]):
            return words[i + 1 :], True
    best = -1
    i = 0
    while i < len(words) - 1:
        w = words[i]
        lw = w.lower().strip(".,")
        if is_title(w):
            best = i
            i += 1
            continue
        # a gazetteer form of several words (`UNITED_NATIONS`, `WHITE_HOUSE`)
        step = 0
        for j in range(min(len(words) - 1, i + 4), i + 1, -1):
            if name_key(" ".join(words[i:j])) in know.gaz.forms:
                step = j - i
                break
        if step:
            i += step
            continue
        if lw in names.NAME_PARTICLES:
            break  # `FAHIM_BIN_SULTAN_...`: inside a name, not before it
        if (
            lw in names.FUNCTION_WORDS
            or lw.startswith("ex-")  # `EX-SOVIET_PRESIDENT_...`
            or name_key(w) in know.place_words
            or name_key(w) in know.country_tokens
            or lw in know.cue_words
            or know.is_common(lw)  # `HOUSE_MINORITY_LEADER_`, `NATIONAL_SECURITY_ADVISOR_`
            or (names.letters(w).isupper() and names.looks_like_acronym(w)
                and len(names.letters(w)) <= 4 and i < len(words) - 2)
        ):
            i += 1
            continue
        break
    if best >= 0:
        return words[best + 1 :], True
    return words, False


# English function words that never stand inside a person's name (`in`, `an`, `la`, `le`,
# `des` do: Hyun In Taek, Lam Pu An, Fernando de la Rua, Le Kha Phieu, Des Browne)
NOT_IN_PERSON_NAMES = {"of", "the", "and", "for", "at", "to", "by", "with", "from",
                       "or", "against", "into", "und"}


def person_shaped(words: list[str], know: Knowledge, allow_place: bool = False) -> bool:
    """1-8 words of letters (with hyphens, apostrophes, initials), no English function word,
    no cue word of cues.tsv in its cue position (`Lee Dal Gon` is a name, `Akali Dal` not)."""
    if not 1 <= len(words) <= 8:
        return False
    for w in words:
        lw = w.lower()
        if re.search(r"\d", w) or not names.letters(w):
            return False
        if not re.fullmatch(r"[^\W\d_]+(?:[-'.\u2019][^\W\d_]*)*\.?", w):
            return False
        if lw in NOT_IN_PERSON_NAMES:
            return False
    if words[-1].lower() in names.NAME_PARTICLES and len(words) > 1:
        return False  # cut short: `..._AL_MUFRIJI_AL_`
    cue = know.cue_type(words)
    return not cue or (allow_place and cue == "Place")  # `ANTHONY_LAKE_` of CountryInfo


PREPOSITIONS = {"of", "for", "on", "against", "in", "to", "at", "from", "with"}


def head_word(words: list[str]) -> str:
    """The head noun of a name: the word before its first preposition (`President of the
    World Bank`, `Army for the Liberation of Rwanda`), else its last word."""
    low = [w.lower().strip(".,") for w in words]
    for i, w in enumerate(low):
        if i > 0 and w in PREPOSITIONS:
            return low[i - 1]
    return low[-1] if low else ""


def split_parenthetical(text: str) -> tuple[str, str]:
    """`BASQUE_FATHERLAND_AND_FREEDOM_(ETA)_` -> (`BASQUE_FATHERLAND_AND_FREEDOM_`, `ETA`):
    the phrase without its parenthesis, and the parenthesis. An unclosed `(` cuts the
    phrase there (`NIKOLAY_TODOROV (ACTING_`); a stray `)` goes."""
    m = re.search(r"\(([^()]*)\)", text)
    if m:
        return (text[: m.start()] + " " + text[m.end() :]).strip(" _"), m.group(1).strip(" _")
    if "(" in text:
        return text.split("(", 1)[0].strip(" _"), ""
    return text.replace(")", ""), ""


def clean_words(words: list[str]) -> list[str]:
    """Words without stray punctuation at their ends (`GROUP-`, `SAHABA/`)."""
    out = []
    for w in words:
        w = w.strip("-/,:;")
        if w:
            out.append(w)
    return out


def latin_ok(text: str) -> bool:
    if "\ufffd" in text:
        return False
    for c in text:
        if c.isalpha():
            try:
                if "LATIN" not in unicodedata.name(c):
                    return False
            except ValueError:
                return False
    return True


# ---------------------------------------------------------------------------------------
# Records to entries


@dataclass
class Candidate:
    kind: str  # person | org | single (one word, decided later) | unsure (decided later)
    form: Form
    dated: bool = False  # the record's codes carry dates (a sign of a person's offices)


def merge_codeless(records: list[phoenix.Record]) -> list[phoenix.Record]:
    """Primary lines without codes that run straight into the next record are phrases of it
    (a missing `+`)."""
    out: list[phoenix.Record] = []
    pending: list[phoenix.Phrase] = []
    pending_comments: list[str] = []
    for i, r in enumerate(records):
        nxt = records[i + 1] if i + 1 < len(records) else None
        if not r.codes and len(r.phrases) >= 1 and nxt is not None and not nxt.after_blank:
            pending.extend(r.phrases)
            pending_comments.extend(r.comments)
            continue
        if pending:
            r.phrases = pending + r.phrases
            r.comments = pending_comments + r.comments
            pending, pending_comments = [], []
        out.append(r)
    return out


def person_evidence(rec: phoenix.Record) -> bool:
    return any("countryinfo" in c.lower() or "igorulers" in c.lower() for c in rec.comments)


class Converter:
    def __init__(self, know: Knowledge):
        self.know = know
        self.log = Log()
        self.places: list[tuple[str, str, str, str]] = []
        self.given_names: set[str] = set()

    # -- pass 0: given names from the records that are certainly people

    def learn_given_names(self, all_records: list[tuple[str, phoenix.Record]]) -> None:
        """First words of the names in records that are certainly people's (CountryInfo,
        IGOrulers) and of names written after a title (`PRESIDENT_BARACK_OBAMA`): `HAMID`,
        `KOFI`, `ABDUL`, `BARACK`. An ordinary English word counts only when it
        starts three such names (`Bill`, `Mark`)."""
        counts: Counter = Counter()
        for _, rec in all_records:
            evidenced = person_evidence(rec)
            for p in rec.phrases:
                ws, titled = strip_title(clean_words(raw_words(p.text)), self.know)
                if (evidenced or titled) and len(ws) >= 2 and person_shaped(ws, self.know):
                    counts[fold(ws[0])] += 1
        self.given_names = {
            w for w, n in counts.items()
            if len(w) > 1 and w not in self.know.title_words and w not in names.NAME_PARTICLES
            and (n >= 3 or not self.know.is_common(w))
        }

    # -- pass 1: one record into candidates

    def record_candidates(self, file: str, rec: phoenix.Record) -> list[Candidate]:
        know = self.know
        codes = [c for c in rec.codes if c.code and c.code != "---"]
        if not codes:
            for p in rec.phrases:
                self.log.drop("no_code", p.text, f"{file}:{p.line}")
            return []
        if all(is_geo_code(c.code, know) for c in codes):
            for p in rec.phrases:
                self.log.drop("geo_block", p.text, f"{file}:{p.line}", codes[0].code)
                ws = clean_words(raw_words(p.text))
                if ws and latin_ok(p.text):
                    text = names.case_words(ws, person=False)
                    gaz = "; ".join(f"{t}:{n}" for _, n, t in know.gaz.lookup(text))
                    self.places.append((text, codes[0].code, gaz, f"{file}:{p.line}"))
            return []
        evidenced = person_evidence(rec)
        cands: list[Candidate] = []
        for p in rec.phrases:
            # `A_+_B`: two phrases run together
            for part in [x for x in p.text.split("+") if x.strip(" _")]:
                cands.extend(self.phrase_candidate(file, p, part, codes, evidenced))
        # A one-word phrase is a person's surname or short name when it is a word of a
        # person's name in the record (`KARZAI_` beside `HAMID_KARZAI_`), else a bare
        # organization name (`HAMAS_`, `TALIBAN`, `ANSF`). A phrase that could be a person's
        # or an organization's name is a person's when it names one of the record's people
        # (`BIN_LADEN` beside `OSAMA_BIN_LADEN_`).
        # a name that starts like a person's but is part of an organization's name in the
        # record is that organization's (`SHIN_BET` beside `SHIN_BET_SECURITY_AGENCY`,
        # `IZZ_AD-DIN_AL_QASSAM` beside `..._BRIGADES`)
        orgs = [org_words(c.form) for c in cands if c.kind == "org"]
        for c in cands:
            if c.kind == "person" and not c.form.titled and not evidenced and any(
                    contiguous(org_words(c.form), o) and len(o) > len(org_words(c.form))
                    for o in orgs):
                c.kind = "org"
        people = [c.form for c in cands if c.kind == "person"]
        person_words = {fold(w) for f in people for w in f.words
                        if w.lower() not in names.NAME_PARTICLES}
        surnames = {t for f in people for t in person_tokens(f)[-1:]}
        has_org = any(c.kind == "org" for c in cands)
        dated = any(c.dates for c in codes)
        out = []
        for c in cands:
            rest = [t for t in org_words(c.form) if t not in names.FUNCTION_WORDS
                    and t not in know.cue_words and t not in ("s",)]
            if c.kind == "org" and rest and set(rest) <= surnames:
                # `BUSH_ADMINISTRATION` in a president's record: a metonym coded with the
                # person's offices; its cue word types it at run time anyway
                self.log.drop("in_person_record", " ".join(c.form.words), f"{file}:{c.form.line}")
                continue
            if c.kind == "single":
                person = (fold(c.form.words[0]) in person_words or evidenced
                          or (dated and not has_org and not c.form.acronym))
                c.kind = "person" if person else "org"
                if c.kind == "person":
                    c.form.acronym = False
            elif c.kind == "unsure":
                # a person: names one of the record's people, or the record's codes are
                # dated offices and nothing in the record is an organization
                if any(same_person(c.form, f) for f in people) or (
                        {fold(w) for w in c.form.words if w.lower() not in names.NAME_PARTICLES}
                        & person_words) or (c.dated and not has_org):
                    c.kind = "person"
                else:
                    self.log.drop("unsure_type", " ".join(c.form.words),
                                  f"{file}:{c.form.line}")
                    continue
            out.append(c)
        return out

    def phrase_candidate(self, file, p, text, codes, evidenced) -> list[Candidate]:
        know = self.know
        where = f"{file}:{p.line}"
        if not latin_ok(text) or not SCRIPT_OK.match(text.replace(" ", "_").strip("_") or "_"):
            self.log.drop("bad_characters", text, where)
            return []
        base, paren = split_parenthetical(text)
        paren_acr = ""
        if paren:
            pw = clean_words(raw_words(paren))
            pk = name_key(" ".join(pw))
            if len(pw) == 1 and names.letters(pw[0]).isupper() and pk not in know.place_words \
                    and pk not in know.country_tokens and not know.is_common(pw[0]):
                paren_acr = pw[0]
            elif pk in know.place_words or pk in know.country_tokens:
                pass  # a disambiguating place: dropped from the name
            else:
                self.log.drop("parenthetical", text, where)
                return []
        words = clean_words(raw_words(base))
        if words and words[0].lower() == "the":
            words = words[1:]
        if not words:
            self.log.drop("title_only", text, where)
            return []

        def form(ws, **kw) -> Form:
            return Form(words=ws, line=p.line, file=file, **kw)

        if any(w.lower().endswith(("-based", "-led", "-affiliated", "-linked")) or
               w.lower() == "based" for w in words):
            self.log.drop("descriptive", text, where)
            return []
        head = head_word(words)
        company = any(c.code.startswith("MNC") for c in codes)
        media = any("MED" in code_sectors(c.code) for c in codes)
        if (head in know.descriptive and not company
                and not (evidenced and person_shaped(words, know))
                and not (media and know.cues.get((head, "last")) == "Media")):
            # a role noun at the head: a title before a name, or a description
            stripped, titled = strip_title(words, know)
            if (titled and stripped and person_shaped(stripped, know)
                    and head_word(stripped) not in know.descriptive):
                return [Candidate("person", form(stripped, titled=True))]
            self.log.drop("descriptive", text, where)
            return []
        cue = know.cue_type(words)
        if cue in ("Place", "Facility", "Country") and not (
                evidenced and cue == "Place" and 2 <= len(words) <= 4 and
                all(names.letters(w) for w in words) and not set(w.lower() for w in words)
                & names.FUNCTION_WORDS):
            self.log.drop("place_cue", text, where, cue)
            return []
        if cue == "Place":
            cue = ""  # `ANTHONY_LAKE_` in a CountryInfo record is a person
        if cue:
            return [Candidate("org", form(words, paren_acronym=paren_acr))]
        # no cue word: a person, or an organization known by a bare name
        stripped, titled = strip_title(words, know)
        if titled and not stripped:
            self.log.drop("title_only", text, where)
            return []
        if titled and person_shaped(stripped, know) and head_word(stripped) not in know.descriptive:
            return [Candidate("person", form(stripped, titled=True))]
        if len(words) == 1:
            # decided by record_candidates once the record's other phrases are known
            return [Candidate("single", form(words, paren_acronym=paren_acr,
                                             acronym=names.looks_like_acronym(words[0])))]
        if evidenced:
            if person_shaped(words, know, allow_place=True):
                return [Candidate("person", form(words))]
            self.log.drop("not_a_name", text, where)
            return []
        # the first phrase of a record of the TOPS list of armed groups names a group
        # (`ABU_NAYAF_AL-AFGHANI_`), even when it starts like a given name
        tops = any("kkl" in c.lower() for c in [p.comment]) and p.primary
        first = fold(words[0])
        given = first in self.given_names or names.is_initial(words[0])
        low = [w.lower() for w in words]
        group_word = any(fold(w).strip("'") in GROUP_WORDS or
                         any(fold(x) in GROUP_WORDS for x in w.split("-")) for w in low)
        if given and person_shaped(words, know) and not tops and not group_word:
            return [Candidate("person", form(words))]
        # several words, no cue, not a known given name first: an organization only when
        # the phrase cannot be a person's name
        org_signal = (
            group_word
            or know.names_a_place(words)
            or
            any(w in names.FUNCTION_WORDS and w not in names.NAME_PARTICLES for w in low)
            or any(re.search(r"\d", w) for w in words)
            or bool(paren_acr)
            or company  # a record of the companies list (MNC codes)
            or any(name_key(w) in know.caps_forms for w in words)  # `CONTINUITY_IRA`
            or any(w in FOREIGN_FUNCTION_WORDS for w in low)
            or (len(words) >= 3 and sum(1 for w in low if know.is_common(w)
                                        and w not in names.NAME_PARTICLES
                                        and not names.is_initial(w)) >= 2)
            or any(w in LEGAL_SUFFIXES or w in ORG_WORDS for w in low)
        )
        if org_signal:
            return [Candidate("org", form(words, paren_acronym=paren_acr))]
        if person_shaped(words, know) and not tops:
            dated = any(c.dates for c in codes)
            return [Candidate("unsure", form(words), dated=dated)]
        self.log.drop("unsure_type", text, where)
        return []

    # -- pass 2: candidates of a record into entries (clusters of forms of one actor)

    def record_entries(self, file: str, rec: phoenix.Record, cands: list[Candidate]) -> list[Entry]:
        codes = [c for c in rec.codes if c.code and c.code != "---"]
        country = entry_country(codes, self.know)
        korean = country in ("KOR", "PRK")
        for c in cands:
            self.case_form(c, korean, cands)
        entries: list[Entry] = []
        for kind in ("person", "org"):
            forms = [c.form for c in cands if c.kind == kind]
            clusters: list[list[Form]] = []
            for f in forms:
                for cl in clusters:
                    if any(self.same_actor(kind, f, g, country) for g in cl):
                        cl.append(f)
                        break
                else:
                    clusters.append([f])
            for cl in clusters:
                name = self.choose_name(kind, cl)
                aliases = [f for f in cl if f is not name]
                for f in cl:
                    if f.paren_acronym:
                        aliases.append(Form(words=[f.paren_acronym], line=f.line, file=f.file,
                                            acronym=True, text=f.paren_acronym.upper()))
                if kind == "org":
                    aliases.extend(short_company_forms(cl))
                typ = "Person" if kind == "person" else org_type(codes, name.words, self.know)
                entries.append(Entry(kind, typ, name, aliases, codes, country,
                                     [f"{short_file(file)}:{rec.line}"]))
        return entries

    def case_form(self, c: Candidate, korean: bool, cands: list[Candidate]) -> None:
        f = c.form
        if c.kind == "person":
            f.text = names.case_words(f.words, person=True, korean=korean)
            return
        acr = set()
        for w in f.words:
            u = w.upper()
            lw = names.letters(w)
            if not lw:
                continue
            if f.acronym or names.is_dotted_acronym(w):
                acr.add(u)
            elif w.lower() in LEGAL_SPELLING:
                continue
            elif len(f.words) > 1 and len(lw) == 2 and w.lower() not in names.FUNCTION_WORDS \
                    and w.lower() not in names.NAME_PARTICLES and not self.know.is_common(w):
                acr.add(u)  # EU, UK inside a name (US and UN come from the gazetteer)
            elif name_key(w) in self.know.caps_forms:
                acr.add(u)  # the gazetteer writes it in capitals (NATO, ECOWAS)
            elif not (set(lw) & names.VOWELS) and len(lw) > 1:
                acr.add(u)
            elif (len(f.words) > 1 and len(lw) == 3 and lw == w and w.lower() not in names.FUNCTION_WORDS
                  and w.lower() not in names.NAME_PARTICLES and not self.know.is_common(w)
                  and fold(w) not in self.given_names):
                acr.add(u)  # `ABM Industries`, `UMB Financial`
            else:
                # an acronym of another phrase of the record
                for o in cands:
                    if o.form is not f and len(o.form.words) > 1 and lw.upper() in names.initials(
                            o.form.words, names.FUNCTION_WORDS) and len(lw) >= 2:
                        acr.add(u)
                        break
        if len(f.words) == 1 and f.words[0].upper() in acr:
            f.acronym = True
        text = names.case_words(f.words, person=False, acronyms=acr)
        if len(f.words) > 1:
            ws = text.split(" ")
            ws[1:] = [LEGAL_SPELLING.get(w.lower(), w) for w in ws[1:]]
            text = " ".join(ws)
        f.text = text

    def same_actor(self, kind: str, a: Form, b: Form, country: str) -> bool:
        if a.key == b.key:
            return True
        if kind == "person":
            return same_person(a, b)
        return self.same_org(a, b)

    def same_org(self, a: Form, b: Form) -> bool:
        for x, y in ((a, b), (b, a)):
            if len(x.words) == 1 and len(y.words) > 1:
                lw = names.letters(x.words[0]).upper()
                if len(lw) >= 2 and lw in names.initials(y.words, names.FUNCTION_WORDS):
                    return True
        for x, y in ((a, b), (b, a)):
            # `AL-QASSAM_` in `IZZ_AD-DIN_AL_QASSAM_BRIGADES`, `AL-QASSAM_BRIGADES` too: the
            # shorter name's words are in the longer one and end it or name its distinctive part
            tx, ty = org_words(x), org_words(y)
            content = [t for t in tx if t not in names.FUNCTION_WORDS and t not in names.NAME_PARTICLES]
            distinct = [t for t in content if not self.know.is_common(t)]
            if distinct and len(tx) < len(ty) and contiguous(tx, ty) and (
                    len(x.words) == 1 or tx[-1] == ty[-1] or len(distinct) == len(content)):
                return True
        if len(a.words) > 1 and len(b.words) > 1:
            ka, kb = self.org_token_key(a), self.org_token_key(b)
            if ka and ka == kb:
                return True
            if spelling_variants(org_words(a), org_words(b)):
                return True
        return False

    def org_token_key(self, f: Form) -> tuple:
        """The content words of an organization's name as a sorted tuple, with country forms
        read as the country's code: `UNITED_STATES_SUPREME_COURT_` and
        `SUPREME_COURT_OF_THE_UNITED_STATES` give the same key."""
        text = " " + name_key(" ".join(f.words)).replace("-", " ") + " "
        for form, code in sorted(self.know.country_tokens.items(), key=lambda kv: -len(kv[0])):
            if " " + form + " " in text:
                text = text.replace(" " + form + " ", f" <{code}> ")
        toks = [t for t in text.split() if t not in names.FUNCTION_WORDS]
        return tuple(sorted(toks))

    def choose_name(self, kind: str, cl: list[Form]) -> Form:
        if kind == "person":
            multi = [f for f in cl if len(f.words) >= 2]
            pool = multi or cl
            untitled = [f for f in pool if not f.titled]
            return (untitled or pool)[0]
        # the fullest name: not an acronym, not a part of another form of the cluster
        full = [f for f in cl if not f.acronym]
        whole = [f for f in full if not any(
            g is not f and len(org_words(g)) > len(org_words(f)) and
            contiguous(org_words(f), org_words(g)) for g in full)]
        return (whole or full or cl)[0]


COMPANY_SUFFIXES = {"inc", "corp", "co", "ltd", "llc", "plc", "ag", "sa", "nv", "spa", "gmbh",
                    "lp", "bv", "ab", "asa", "corporation", "incorporated", "limited"}


def short_company_forms(forms: list[Form]) -> list[Form]:
    """`Chevron Corp` also as `Chevron`, `Aviva PLC` as `Aviva`: news drops the legal form."""
    out = []
    for f in forms:
        ws = f.text.split(" ")
        if len(ws) >= 2 and ws[-1].lower().strip(".,") in COMPANY_SUFFIXES:
            short = ws[:-1]
            if short and short[-1].endswith(","):
                short[-1] = short[-1][:-1]
            if short:
                out.append(Form(words=f.words[: len(short)], line=f.line, file=f.file,
                                text=" ".join(short),
                                acronym=len(short) == 1 and short[0].isupper()))
    return out


def spelling_variants(ta: list[str], tb: list[str]) -> bool:
    """Two names that differ only in spelling: word by word alike (`Israel Defence Forces` ~
    `Israel Defense Force`), or the same letters (`Anti-Capitalist` ~ `Anticapitalist`).
    `Air Force` and `Land Forces` differ in a word, so they are two names."""
    if "".join(ta) == "".join(tb):
        return True
    if len(ta) != len(tb):
        return False
    return all(x == y or (len(x) > 3 and difflib.SequenceMatcher(None, x, y).ratio() >= 0.8)
               for x, y in zip(ta, tb))


def org_words(f: Form) -> list[str]:
    return [t for t in re.split(r"[\s\-]+", fold(name_key(" ".join(f.words)))) if t]


def contiguous(short: list[str], long_: list[str]) -> bool:
    n = len(short)
    return any(long_[i : i + n] == short for i in range(len(long_) - n + 1))


def short_file(file: str) -> str:
    """`Phoenix.Countries.actors.txt` -> `Countries` (the source column's file part)."""
    return file.removeprefix("Phoenix.").removesuffix(".actors.txt")


def loose_key(text: str) -> str:
    """A name key that also ignores diacritics and hyphens: `Bashar al-Assad` and
    `Bashar al Assad`, `Wörner` and `Worner` are one."""
    return " ".join(fold(name_key(text)).replace("-", " ").split())


def person_tokens(f: Form) -> list[str]:
    out = []
    for w in f.words:
        w = fold(w).replace(".", " ").replace("'", "").replace("\u2019", "")
        out.extend(x for x in re.split(r"[\s\-]+", w) if x)
    return out


def same_person(a: Form, b: Form) -> bool:
    """Evidence that two phrases of one record name one person: the same words, the same
    surname with compatible first names (`K._ANNAN_` ~ `KOFI_ANNAN_`), one name inside the
    other (`KOFI_ATTA_ANNAN_`), or a close spelling (`BOUTROS-GHALI` ~ `BOUTROS_GHALI`)."""
    ta, tb = person_tokens(a), person_tokens(b)
    if not ta or not tb:
        return False
    if "".join(ta) == "".join(tb):
        return True
    sa, sb = ta[-1], tb[-1]
    sim = difflib.SequenceMatcher(None, " ".join(ta), " ".join(tb)).ratio()
    if sim >= 0.85:
        return True
    surname = sa == sb or difflib.SequenceMatcher(None, sa, sb).ratio() >= 0.8
    if surname and len(ta) >= 2 and len(tb) >= 2:
        fa, fb = ta[0], tb[0]
        if fa == fb or (len(fa) == 1 and fb.startswith(fa)) or (len(fb) == 1 and fa.startswith(fb)):
            return True
        if difflib.SequenceMatcher(None, fa, fb).ratio() >= 0.75:
            return True
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    if len([t for t in short if t not in names.NAME_PARTICLES]) >= 2 and set(short) <= set(long_):
        return True  # `RECEP_TAYYIP` in `RECEP_TAYYIP_ERDOGAN`, `SALVA_KIIR` in `..._MAYARDIT`
    return False


# ---------------------------------------------------------------------------------------
# Filters over all entries


def form_rules(e: Entry, f: Form, is_name: bool, know: Knowledge, given: set[str]) -> str:
    """The rule that drops one form of an entry, or ""."""
    words = f.text.split()
    if e.kind == "person":
        # `Al Zawahiri`, `Bin Laden` are surnames too
        content = [w for w in re.split(r"[\s-]+", f.text) if w.lower() not in names.NAME_PARTICLES]
        if len(words) == 1 or len(content) == 1:
            return "single_word_person" if is_name else "single_word_alias"
        if fold(words[0]) not in given and all(
                know.is_common(w) or w.lower() in names.NAME_PARTICLES for w in words):
            return "common_words"
        return ""
    if len(words) == 1:
        lw = names.letters(words[0])
        if f.acronym and len(lw) < 3:
            return "short_acronym"
        if know.is_common(words[0]) or know.is_common(lw):
            return "common_word"
        return ""
    if know.names_a_place(words):
        return ""  # `Afghan National Army`, `US Department of State`
    content = [w for w in words if w.lower() not in names.FUNCTION_WORDS]
    if all(know.is_common(w) for w in content):
        if e.type == "GovernmentBody" and len(content) < 4:
            return "generic_institution"
        if len(content) < 3 or not know.cue_type(words):
            return "common_words"  # `Black Star`, `We Will Win`, `Revolutionary Left`
    return ""


def build(check: bool = False) -> tuple[dict[str, str], Log]:
    know = Knowledge()
    conv = Converter(know)
    all_records: list[tuple[str, phoenix.Record]] = []
    for fn in FILES:
        recs = merge_codeless(phoenix.read_records(str(common.PETRARCH / fn)))
        all_records.extend((fn, r) for r in recs)
    conv.learn_given_names(all_records)
    entries: list[Entry] = []
    for fn, rec in all_records:
        cands = conv.record_candidates(fn, rec)
        if cands:
            entries.extend(conv.record_entries(fn, rec, cands))
    entries = finalize(entries, know, conv.log, conv.given_names)
    return render(entries, conv, know), conv.log


def finalize(entries: list[Entry], know: Knowledge, log: Log, given: set[str]) -> list[Entry]:
    def where(f: Form) -> str:
        return f"{f.file}:{f.line}"

    # 1. form rules; an entry without a valid name takes its best valid alias for a person
    #    only when the name was dropped for being one word
    kept: list[Entry] = []
    for e in entries:
        r = form_rules(e, e.name, True, know, given)
        aliases = []
        for a in e.aliases:
            ra = form_rules(e, a, False, know, given)
            if ra:
                log.drop(ra, a.text, where(a), f"alias of {e.name.text}")
            else:
                aliases.append(a)
        if r:
            log.drop(r, e.name.text, where(e.name))
            continue
        e.aliases = aliases
        kept.append(e)
    # 2. the hand-written gazetteer wins
    out: list[Entry] = []
    for e in kept:
        hit = know.gaz.lookup(e.name.text)
        if hit:
            log.drop("in_gazetteer", e.name.text, where(e.name),
                     "; ".join(f"{fl}:{n}" for fl, n, _ in hit))
            for a in e.aliases:
                log.drop("in_gazetteer", a.text, where(a), f"alias of {e.name.text} (entry dropped)")
            continue
        aliases = []
        for a in e.aliases:
            hit = know.gaz.lookup(a.text)
            if hit:
                log.drop("in_gazetteer", a.text, where(a),
                         "; ".join(f"{fl}:{n}" for fl, n, _ in hit))
            else:
                aliases.append(a)
        e.aliases = aliases
        out.append(e)
    # 3. one name, one actor. Entries of one type are merged when their names are the same
    #    spelling (`Bashar al-Assad` ~ `Bashar al Assad`) or when they share two forms (one
    #    person listed twice, with variants); a merged entry whose records name different
    #    countries keeps no country. A name given to actors of different types is dropped.
    by_loose: dict[str, list[Entry]] = defaultdict(list)
    for e in out:
        by_loose[loose_key(e.name.text)].append(e)
    typed: list[Entry] = []
    for key in sorted(by_loose):
        group = by_loose[key]
        if len({e.type for e in group}) > 1:
            for e in group:
                log.drop("ambiguous_name", e.name.text, where(e.name),
                         " / ".join(sorted({f"{x.type} {x.country}".strip() for x in group})))
            continue
        typed.extend(group)
    parent = list(range(len(typed)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        a, b = find(i), find(j)
        if a != b:
            parent[max(a, b)] = min(a, b)

    first_by_name: dict[tuple[str, str], int] = {}
    by_form: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, e in enumerate(typed):
        k = (e.type, loose_key(e.name.text))
        if k in first_by_name:
            union(first_by_name[k], i)
        else:
            first_by_name[k] = i
        for f in {loose_key(x.text) for x in [e.name, *e.aliases]}:
            by_form[(e.type, f)].append(i)
    shared: Counter = Counter()
    for idxs in by_form.values():
        for a in idxs:
            for b in idxs:
                if a < b:
                    shared[(a, b)] += 1
    for (a, b), n in sorted(shared.items()):
        if n >= 2:
            union(a, b)
    # an entry all of whose forms are forms of exactly one other entry of its type is a
    # second listing of that actor (`K._ANNAN_` beside `KOFI_ANNAN_ +K._ANNAN_`)
    forms_of = [{loose_key(x.text) for x in [e.name, *e.aliases]} for e in typed]
    holders: dict[tuple[str, str], set[int]] = defaultdict(set)
    for i, e in enumerate(typed):
        for f in forms_of[i]:
            holders[(e.type, f)].add(i)
    for i, e in enumerate(typed):
        common_holders = None
        for f in forms_of[i]:
            h = holders[(e.type, f)]
            common_holders = set(h) if common_holders is None else common_holders & h
        supersets = {find(j) for j in (common_holders or set())
                     if find(j) != find(i) and forms_of[j] > forms_of[i]}
        if len(supersets) == 1:
            union(i, supersets.pop())
    groups: dict[int, list[Entry]] = defaultdict(list)
    for i, e in enumerate(typed):
        groups[find(i)].append(e)
    merged: list[Entry] = []
    for root in sorted(groups):
        # the entry with most forms names the group (`Kofi Annan`, not `K. Annan`)
        group = sorted(groups[root], key=lambda e: -len(e.aliases))
        first = group[0]
        for e in group[1:]:
            first.aliases.extend([e.name, *e.aliases])
            for c in e.codes:
                if all((c.code, c.dates) != (d.code, d.dates) for d in first.codes):
                    first.codes.append(c)
            first.sources.extend(e.sources)
        countries = {e.country for e in group} - {""}
        first.country = countries.pop() if len(countries) == 1 else ""
        merged.append(first)
    # 4. aliases: duplicates within an entry; forms claimed by two entries
    names_by_key = {loose_key(e.name.text): e for e in merged}
    claims: dict[str, set[int]] = defaultdict(set)
    for i, e in enumerate(merged):
        seen = {e.name.key}
        uniq = []
        for a in e.aliases:
            if a.key in seen:
                if a.text != e.name.text:
                    log.drop("duplicate", a.text, where(a), f"alias of {e.name.text}")
                continue
            seen.add(a.key)
            uniq.append(a)
        e.aliases = uniq
        for a in e.aliases:
            claims[loose_key(a.text)].add(i)
    # titles left in an alias (`Soviet Leader Mikhail Gorbachev`): an alias of a person made
    # of another of its forms with words before it that the title rules did not know
    for e in merged:
        if e.kind != "person":
            continue
        forms = [e.name.text] + [a.text for a in e.aliases]
        keep = []
        for a in e.aliases:
            if any(f != a.text and a.text.endswith(" " + f) and len(f.split()) >= 2
                   and not (set(a.text.split()[: len(a.text.split()) - len(f.split())]) <=
                            names.NAME_PARTICLES | {"Al", "Bin", "Abu"})
                   and know.title_words & {w.lower().strip(".") for w in
                                           a.text.split()[: len(a.text.split()) - len(f.split())]}
                   for f in forms):
                log.drop("titled_alias", a.text, where(a), f"alias of {e.name.text}")
            else:
                keep.append(a)
        e.aliases = keep
    # 5. the best spelling of the name among its variants: with diacritics and hyphens
    #    (`Recep Tayyip Erdoğan`, `Ban Ki-moon`, `Bashar al-Assad`)
    for e in merged:
        lk = loose_key(e.name.text)
        variants = [e.name] + [a for a in e.aliases if loose_key(a.text) == lk]
        best = max(variants, key=lambda f: (sum(1 for c in f.text if ord(c) > 127),
                                            f.text.count("-"), -variants.index(f)))
        if best is not e.name:
            e.aliases = [a for a in e.aliases if a is not best] + [e.name]
            e.name = best
    for i, e in enumerate(merged):
        keep = []
        for a in e.aliases:
            lk = loose_key(a.text)
            other = names_by_key.get(lk)
            if (other is not None and other is not e) or len(claims[lk]) > 1:
                log.drop("ambiguous_alias", a.text, where(a), f"alias of {e.name.text}")
            else:
                keep.append(a)
        e.aliases = keep
    return merged


def render(entries: list[Entry], conv: Converter, know: Knowledge) -> dict[str, str]:
    files = {}
    src = ", ".join(
        f"{fn} (sha256 {common.file_digest(common.PETRARCH / fn)})" for fn in FILES
    )
    head = [
        f"generated by scripts/data/convert_actors.py from ../shared/resources/petrarch2/:",
        f"{src},",
        f"of {common.PETRARCH_REPO} at commit {common.PETRARCH_COMMIT}.",
        "Do not edit: change the converter or add your own file (data/README.md).",
        "source = the dictionary records the row comes from: Countries:150 is line 150 of",
        "Phoenix.Countries.actors.txt (International, MilNonState likewise).",
        "Roles and codes are CAMEO actor codes with PETRARCH's date restrictions, facts of",
        "about 2014 kept as background for users: never a source of edges.",
        "Licence: MIT. Copyright (c) 2014 Open Event Data Alliance.",
        "The licence text is in data/actors/LICENSE-PETRARCH2.txt.",
    ]

    def country_name(code: str) -> str:
        return know.gaz.country_by_code.get(code, "")

    def sort_key(e: Entry):
        return (e.name.key, e.name.text, e.type)

    people = sorted((e for e in entries if e.kind == "person"), key=sort_key)
    orgs = sorted((e for e in entries if e.kind == "org"), key=sort_key)
    rows = [[e.name.text, ";".join(sorted((a.text for a in e.aliases), key=str.lower)),
             country_name(e.country), roles_text(e.codes), ";".join(sorted(set(e.sources)))]
            for e in people]
    files["data/actors/people.tsv"] = common.render_tsv(
        ["people.tsv — people named in the PETRARCH2 Phoenix actor dictionaries, for typing",
         "names as Person and for country affiliation (data/README.md, \"actors/\")."] + head,
        ["name", "aliases", "country", "roles", "source"], rows)
    rows = [[e.name.text, e.type, ";".join(sorted((a.text for a in e.aliases), key=str.lower)),
             country_name(e.country), roles_text(e.codes), ";".join(sorted(set(e.sources)))]
            for e in orgs]
    files["data/actors/organizations.tsv"] = common.render_tsv(
        ["organizations.tsv — organizations, armed groups, government bodies, parties and",
         "media named in the PETRARCH2 Phoenix actor dictionaries, typed from their cue words",
         "and CAMEO codes (data/README.md, \"actors/\")."] + head,
        ["name", "type", "aliases", "country", "codes", "source"], rows)
    drop_rows = sorted(conv.log.rows, key=lambda r: (r[0], r[2].split(":")[0],
                                                    int(r[2].split(":")[1]), r[1]))
    files["scripts/data/report/actors-dropped.tsv"] = common.render_tsv(
        ["actors-dropped.tsv — every phrase of the Phoenix actor dictionaries that",
         "convert_actors.py dropped, with the rule (see the script's module comment).",
         "A review aid; not loaded by the tool."],
        ["rule", "form", "source", "note"], [list(r) for r in drop_rows])
    places = sorted(set(conv.places), key=lambda r: (r[1][:3], name_key(r[0]), r[3]))
    files["scripts/data/report/place-candidates.tsv"] = common.render_tsv(
        ["place-candidates.tsv — names listed as synonyms under a bare country or territory",
         "code in Phoenix.Countries.actors.txt: the country's names, and cities, provinces",
         "and regions that PETRARCH codes as the state. NOT shipped as country aliases; a",
         "reviewer may take cities and regions from here into data/gazetteer/places.tsv.",
         "gazetteer = what data/gazetteer/*.tsv already calls the form (type:name)."],
        ["form", "code", "gazetteer", "source"], [list(r) for r in places])
    files["data/actors/LICENSE-PETRARCH2.txt"] = licence_text()
    return files


def licence_text() -> str:
    """The MIT licence as the Phoenix dictionaries carry it in their headers."""
    lines = (common.PETRARCH / "Phoenix.Countries.actors.txt").read_text(encoding="utf-8").split("\n")
    start = next(i for i, l in enumerate(lines) if "The MIT License" in l)
    body = []
    for l in lines[start:]:
        if not l.startswith("#"):
            break
        body.append(l[1:].strip() if l.strip() != "#" else "")
    while body and not body[-1]:
        body.pop()
    return (
        "The files in data/actors/ are converted from the Phoenix actor dictionaries of\n"
        f"PETRARCH2 ({common.PETRARCH_REPO}, commit {common.PETRARCH_COMMIT}), which carry\n"
        "this licence (the repository's LICENSE file gives the holder as \"Open Event Data\"):\n\n"
        + "\n".join(body) + "\n"
    )


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="fail if the files in data/ are stale")
    ap.add_argument("--stats", action="store_true", help="print counts per rule and type")
    args = ap.parse_args(argv)
    files, log = build()
    out = common.Output(args.check)
    for path, text in files.items():
        out.put(common.ROOT / path, text)
    if args.stats:
        for rule, n in sorted(log.counts.items()):
            print(f"dropped\t{rule}\t{n}")
    return out.finish("convert_actors")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
