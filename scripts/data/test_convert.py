"""Self-tests of the data converters: run from the project root with

    python3 -m unittest discover -s scripts/data -p 'test_*.py'

They check the helper rules on hand-made cases, and hand-picked rows of the generated files
against what the source files say (the expected values were read in the resources, not
copied from the output). The last class rebuilds every file and compares it with data/.
"""

from __future__ import annotations

import re
import sys
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common  # noqa: E402
import convert_actors as ca  # noqa: E402
import convert_agents  # noqa: E402
import convert_discards  # noqa: E402
import convert_identifiers  # noqa: E402
import names  # noqa: E402
import phoenix  # noqa: E402
from common import name_key  # noqa: E402

ENTITY_TYPES = {"Person", "Country", "Place", "Facility", "GovernmentBody", "PoliticalParty",
                "Media", "Organization"}


def table(rel_path: str) -> tuple[list[str], list[dict[str, str]]]:
    header, rows = common.read_tsv(common.ROOT / rel_path)
    return header, [dict(zip(header, r)) for r in rows]


def by_name(rows: list[dict[str, str]]) -> dict[str, dict[str, str]]:
    return {r["name"]: r for r in rows}


def head_comments(rel_path: str) -> str:
    text = (common.ROOT / rel_path).read_text(encoding="utf-8")
    return "\n".join(l for l in text.split("\n") if l.startswith("#"))


_KNOW = None


def know() -> ca.Knowledge:
    global _KNOW
    if _KNOW is None:
        _KNOW = ca.Knowledge()
    return _KNOW


class Casing(unittest.TestCase):
    def person(self, phrase: str, korean: bool = False) -> str:
        return names.case_words(phrase.split("_"), person=True, korean=korean)

    def org(self, phrase: str) -> str:
        return names.case_words(phrase.split("_"), person=False)

    def test_people(self):
        self.assertEqual(self.person("HAMID_KARZAI"), "Hamid Karzai")
        self.assertEqual(self.person("ROBERT_MCNAMARA"), "Robert McNamara")
        self.assertEqual(self.person("DOUGLAS_MACARTHUR"), "Douglas MacArthur")
        self.assertEqual(self.person("EMMANUEL_MACRON"), "Emmanuel Macron")  # not MacRon
        self.assertEqual(self.person("SEAN_O'BRIEN"), "Sean O'Brien")
        self.assertEqual(self.person("MIGUEL_D'ESCOTO_BROCKMANN"), "Miguel d'Escoto Brockmann")
        self.assertEqual(self.person("HANS_VAN_DEN_BROEK"), "Hans van den Broek")
        self.assertEqual(self.person("JEAN-MARIE_LE_PEN"), "Jean-Marie Le Pen")
        self.assertEqual(self.person("ABU_BAKR_AL-BAGHDADI"), "Abu Bakr al-Baghdadi")
        self.assertEqual(self.person("SHEIKH_JABER_AL-MUBARAK_AL-SABAH"),
                         "Sheikh Jaber al-Mubarak al-Sabah")
        self.assertEqual(self.person("OSAMA_BIN_LADEN"), "Osama bin Laden")
        self.assertEqual(self.person("R.K._PACHAURI"), "R.K. Pachauri")
        self.assertEqual(self.person("PIUS_XII"), "Pius XII")
        self.assertEqual(self.person("RECEP_TAYYIP_ERDOĞAN"), "Recep Tayyip Erdoğan")
        self.assertEqual(self.person("BAN_KI-MOON", korean=True), "Ban Ki-moon")
        self.assertEqual(self.person("BOUTROS_BOUTROS-GHALI"), "Boutros Boutros-Ghali")

    def test_organizations(self):
        self.assertEqual(self.org("AL-QASSAM_BRIGADES"), "Al-Qassam Brigades")
        self.assertEqual(self.org("NATIONAL_PEOPLE'S_CONGRESS"), "National People's Congress")
        self.assertEqual(self.org("ORGANIZATION_FOR_SECURITY_AND_CO-OPERATION_IN_EUROPE"),
                         "Organization for Security and Co-operation in Europe")
        self.assertEqual(self.org("HEZB-E-ISLAMI"), "Hezb-e-Islami")
        self.assertEqual(self.org("U.S._FEDERAL_RESERVE"), "U.S. Federal Reserve")
        self.assertEqual(names.case_words(["NATO", "SUMMIT"], person=False, acronyms={"NATO"}),
                         "NATO Summit")
        self.assertEqual(self.org("REVOLUTIONARY_PEOPLES_LIBERATION_PARTY/FRONT"),
                         "Revolutionary Peoples Liberation Party/Front")

    def test_initials_and_acronyms(self):
        self.assertIn("IAA", names.initials("ISLAMIC_ARMY_OF_ADEN".split("_"), names.FUNCTION_WORDS))
        self.assertIn("FBI", names.initials("FEDERAL_BUREAU_OF_INVESTIGATION".split("_"),
                                            names.FUNCTION_WORDS))
        self.assertTrue(names.looks_like_acronym("ANSF"))
        self.assertTrue(names.looks_like_acronym("U.N."))
        self.assertFalse(names.looks_like_acronym("HAMAS"))


class PhoenixReader(unittest.TestCase):
    TEXT = (
        "# National Institutions\n"
        "AFGHAN_NATIONAL_SECURITY_FORCES\n"
        "+ANSF\n"
        "\t[AFGMIL]\n"
        "\n"
        "HAMID_KARZAI_  # CountryInfo.txt\n"
        "+PRESIDENT_KARZAI_\n"
        "\t[AFGELI 750101-000101]\n"
        "\t[AFGGOV >011222]\n"
        "KOFI_ANNAN_\t[IGOUNO 970101-061231] [ELI]# IGOrulers.txt\n"
    )

    def test_records(self):
        recs = phoenix.parse_records(self.TEXT)
        self.assertEqual([r.primary.text for r in recs],
                         ["AFGHAN_NATIONAL_SECURITY_FORCES", "HAMID_KARZAI_", "KOFI_ANNAN_"])
        self.assertEqual([p.text for p in recs[0].phrases],
                         ["AFGHAN_NATIONAL_SECURITY_FORCES", "ANSF"])
        self.assertEqual(recs[0].section, "National Institutions")
        self.assertEqual([(c.code, c.dates) for c in recs[1].codes],
                         [("AFGELI", "750101-000101"), ("AFGGOV", ">011222")])
        self.assertTrue(ca.person_evidence(recs[1]))
        self.assertEqual([(c.code, c.dates) for c in recs[2].codes],
                         [("IGOUNO", "970101-061231"), ("ELI", "")])
        self.assertTrue(ca.person_evidence(recs[2]))

    def test_codeless_primary_lines_join_the_next_record(self):
        recs = ca.merge_codeless(phoenix.parse_records(
            "BORIS_YELTSIN_  # CountryInfo.txt\nBORIS_N._YELTSIN\nYELTSIN\n\t[RUSGOV 910710-991231]\n"))
        self.assertEqual(len(recs), 1)
        self.assertEqual([p.text for p in recs[0].phrases],
                         ["BORIS_YELTSIN_", "BORIS_N._YELTSIN", "YELTSIN"])


class ActorRules(unittest.TestCase):
    def test_titles_are_stripped(self):
        k = know()
        self.assertEqual(ca.strip_title(["PRESIDENT", "KARZAI"], k), (["KARZAI"], True))
        self.assertEqual(ca.strip_title(["CIA", "DIRECTOR", "JOHN", "BRENNAN"], k),
                         (["JOHN", "BRENNAN"], True))
        self.assertEqual(ca.strip_title(["SECRETARY-GENERAL", "KOFI", "ANNAN"], k),
                         (["KOFI", "ANNAN"], True))
        self.assertEqual(ca.strip_title("PRESIDENT_OF_THE_RUSSIAN_FEDERATED_REPUBLIC,_BORIS_N._YELTSIN"
                                        .split("_"), k), (["BORIS", "N.", "YELTSIN"], True))
        # a title word inside a name is not a title
        self.assertEqual(ca.strip_title(["MARTIN", "LUTHER", "KING", "JR"], k),
                         (["MARTIN", "LUTHER", "KING", "JR"], False))
        self.assertEqual(ca.strip_title(["FAHIM", "BIN", "SULTAN", "AL", "QASIMI"], k)[1], False)

    def test_codes(self):
        k = know()
        self.assertEqual(ca.code_country("AFGGOV", k), "AFG")
        self.assertEqual(ca.code_country("NGOUSAHRI", k), "USA")
        self.assertEqual(ca.code_country("KSVGOV", k), "XKX")  # CAMEO's Kosovo
        self.assertEqual(ca.code_country("IGOUNO", k), "")
        self.assertEqual(ca.code_country("IMGMUSALQ", k), "")  # MUS is Muslim here
        self.assertEqual(ca.code_country("WEUREB", k), "")
        self.assertTrue(ca.is_geo_code("AFG", k))
        self.assertTrue(ca.is_geo_code("USAASM", k))
        self.assertTrue(ca.is_geo_code("PSEGZA", k))
        self.assertFalse(ca.is_geo_code("AFGGOV", k))
        self.assertFalse(ca.is_geo_code("IGOUNO", k))

    def test_org_types(self):
        k = know()

        def t(code, phrase):
            return ca.org_type([phoenix.Code(code, "", 0)], phrase.split("_"), k)

        self.assertEqual(t("SYRREBMUS", "NUSRA_FRONT"), "Organization")  # armed: not a party
        self.assertEqual(t("CHNGOV", "COMMUNIST_PARTY_OF_CHINA"), "PoliticalParty")
        self.assertEqual(t("USAGOVLEG", "UNITED_STATES_CONGRESS"), "GovernmentBody")
        self.assertEqual(t("NGOHLH", "INTERNATIONAL_COUNCIL_OF_NURSES"), "Organization")
        self.assertEqual(t("IGOUNO", "UN_MISSION_IN_SUDAN"), "Organization")
        self.assertEqual(t("MED", "AL_MONITOR"), "Media")
        self.assertEqual(t("MNCUSAMED", "BIGBAND_NETWORKS"), "Organization")

    def test_same_person(self):
        f = lambda s: ca.Form(words=s.split("_"), line=0, file="")
        self.assertTrue(ca.same_person(f("KOFI_ANNAN"), f("K._ANNAN")))
        self.assertTrue(ca.same_person(f("KOFI_ANNAN"), f("KOFI_ATTA_ANNAN")))
        self.assertTrue(ca.same_person(f("BOUTROS_BOUTROS_GHALI"), f("BOUTROS_BOUTROS-GHALI")))
        self.assertTrue(ca.same_person(f("RECEP_TAYYIP"), f("RECEP_TAYYIP_ERDOGAN")))
        self.assertFalse(ca.same_person(f("AHMED_YASSIN"), f("SAMI_ABU_ZUHRI")))
        self.assertFalse(ca.same_person(f("HAMID_KARZAI"), f("AHMED_WALI_KARZAI")))

    def test_common_words(self):
        k = know()
        for w in ("hope", "rock", "may", "senate"):
            self.assertTrue(k.is_common(w), w)
        for w in ("karzai", "taliban", "hamas"):
            self.assertFalse(k.is_common(w), w)


class ActorFiles(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.people_header, cls.people = table("data/actors/people.tsv")
        cls.orgs_header, cls.orgs = table("data/actors/organizations.tsv")
        cls.p = by_name(cls.people)
        cls.o = by_name(cls.orgs)

    def test_headers_and_licence(self):
        self.assertEqual(self.people_header, ["name", "aliases", "country", "roles", "source"])
        self.assertEqual(self.orgs_header, ["name", "type", "aliases", "country", "codes", "source"])
        for f in ("data/actors/people.tsv", "data/actors/organizations.tsv"):
            h = head_comments(f)
            self.assertIn("convert_actors.py", h)
            self.assertIn(common.PETRARCH_COMMIT, h)
            self.assertIn("Copyright (c) 2014 Open Event Data Alliance", h)
        lic = (common.DATA / "actors" / "LICENSE-PETRARCH2.txt").read_text(encoding="utf-8")
        self.assertIn("Copyright (c) 2014 Open Event Data Alliance", lic)
        self.assertIn("Permission is hereby granted", lic)

    def test_hand_picked_people(self):
        # HAMID_KARZAI_ # CountryInfo.txt, +KARZAI_, +PRESIDENT_KARZAI_, [AFGGOV >011222]
        karzai = self.p["Hamid Karzai"]
        self.assertEqual(karzai["country"], "Afghanistan")
        self.assertIn("AFGGOV >011222", karzai["roles"].split(";"))
        self.assertNotIn("Karzai", karzai["aliases"].split(";"))  # a bare surname
        self.assertNotIn("President Karzai", karzai["aliases"])  # a title
        # BAN_KI-MOON in the KOR block and in the UN block
        ban = self.p["Ban Ki-moon"]
        self.assertEqual(ban["country"], "South Korea")
        self.assertIn("IGOUNO >20070101", ban["roles"])
        # NIKITA_KHRUSHCHEV_ with spelling variants
        self.assertIn("Nikita Kruschev", self.p["Nikita Khrushchev"]["aliases"].split(";"))
        # HAMAS_ +KHALED_MESHAAL: a person of the record, not an alias of Hamas
        self.assertEqual(self.p["Khaled Meshaal"]["country"], "Palestine")
        # UNITED_STATES_MILITARY_ ... +JOHN_KIRBY [USAMIL]
        self.assertEqual(self.p["John Kirby"]["roles"], "USAMIL")
        # KOFI_ANNAN_ [IGOUNO ...]: no country code
        self.assertEqual(self.p["Kofi Annan"]["country"], "")

    def test_hand_picked_organizations(self):
        ana = self.o["Afghan National Security Forces"]
        self.assertEqual((ana["type"], ana["country"], ana["aliases"]),
                         ("GovernmentBody", "Afghanistan", "ANSF"))
        self.assertNotIn("Afghan National Army Soldiers", self.o)  # a description
        qassam = self.o["Izz ad-Din al Qassam Brigades"]
        self.assertEqual((qassam["type"], qassam["country"]), ("Organization", "Palestine"))
        self.assertIn("Al-Qassam", qassam["aliases"].split(";"))
        self.assertEqual(self.o["Federal Emergency Management Agency"]["aliases"], "FEMA")
        self.assertEqual(self.o["Center for American Progress"]["type"], "Organization")
        # the record also lists CENTCOM, the Pentagon and a spokesman: no alias soup
        self.assertNotIn("United States Military", self.o)
        for r in self.orgs:
            self.assertNotIn("John Kirby", r["aliases"].split(";"))
        # Hamas and the Taliban are in our gazetteer: the hand-written entry wins
        self.assertNotIn("Hamas", self.o)

    def test_no_place_names_and_no_country_aliases(self):
        for r in self.people + self.orgs:
            for form in [r["name"], *common.split_list(r["aliases"])]:
                self.assertNotEqual(name_key(form), "kabul")
                self.assertNotEqual(name_key(form), "afghanistan")

    def test_invariants(self):
        k = know()
        countries = set(k.gaz.country_by_code.values())
        seen: dict[str, str] = {}
        for r in self.people + self.orgs:
            self.assertIn(r["country"], countries | {""}, r["name"])
            self.assertIn(r.get("type", "Person"), ENTITY_TYPES - {"Country", "Place", "Facility"})
            forms = [r["name"], *common.split_list(r["aliases"])]
            for f in forms:
                self.assertFalse(k.gaz.lookup(f), f"{f} is in the gazetteer")
                key = name_key(f)
                self.assertNotIn(key, seen, f"{f}: also a form of {seen.get(key)}")
                seen[key] = r["name"]
            if "roles" in r:
                for a in forms:
                    self.assertGreater(len(a.split()), 1, f"one-word person form {a}")
        keys = [(name_key(r["name"]), r["name"]) for r in self.people]
        self.assertEqual(keys, sorted(keys), "people.tsv is sorted")


class ActorReport(unittest.TestCase):
    def test_rules_are_logged(self):
        _, rows = table("scripts/data/report/actors-dropped.tsv")
        got = {(r["rule"], r["form"]) for r in rows}
        self.assertIn(("geo_block", "KABUL_"), got)  # a city listed as Afghanistan
        self.assertIn(("descriptive", "AFGHAN_NATIONAL_ARMY_SOLDIERS"), got)
        self.assertIn(("single_word_person", "Khodaidad"), got)
        self.assertIn(("single_word_alias", "Karzai"), got)
        self.assertIn(("in_gazetteer", "Hamas"), got)
        _, places = table("scripts/data/report/place-candidates.tsv")
        self.assertIn(("Kabul", "AFG"), {(r["form"], r["code"]) for r in places})


class Identifiers(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.header, cls.rows = table("data/identifiers.tsv")
        cls.by_key = {(r["name"], r["type"]): r for r in cls.rows}

    def test_header_and_provenance(self):
        self.assertEqual(self.header, ["name", "type", "iso3", "wikidata", "checked", "source"])
        h = head_comments("data/identifiers.tsv")
        self.assertIn("convert_identifiers.py", h)
        self.assertIn("CC0", h)

    def test_hand_picked_rows(self):
        # wikidata/countries.tsv: AFG AF Afghanistan Q889 700 yes
        r = self.by_key[("Afghanistan", "Country")]
        self.assertEqual((r["iso3"], r["wikidata"], r["checked"]), ("AFG", "Q889", "yes"))
        # NLD Q29999, verified = no (Kingdom of the Netherlands vs Q55)
        r = self.by_key[("Netherlands", "Country")]
        self.assertEqual((r["wikidata"], r["checked"]), ("Q29999", "no"))
        # our name, not the resource's: CIV "Cote d'Ivoire" is our Ivory Coast
        self.assertEqual(self.by_key[("Ivory Coast", "Country")]["iso3"], "CIV")
        # a territory joined with a Place of places.tsv
        self.assertEqual(self.by_key[("Hong Kong", "Place")]["iso3"], "HKG")
        # organizations.tsv: North Atlantic Treaty Organization (NATO) Q7184 yes
        r = self.by_key[("North Atlantic Treaty Organization", "Organization")]
        self.assertEqual((r["wikidata"], r["checked"]), ("Q7184", "yes"))
        # United Nations World Food Programme Q204344 no -> our World Food Programme
        self.assertEqual(self.by_key[("World Food Programme", "Organization")]["wikidata"], "Q204344")
        # Kosovo: no id in the resource, so no row
        self.assertNotIn("Kosovo", {r["name"] for r in self.rows})

    def test_every_id_comes_from_the_resources(self):
        _, wc = common.read_tsv(common.WIKIDATA / "countries.tsv")
        _, wo = common.read_tsv(common.WIKIDATA / "organizations.tsv")
        known = {r[3] for r in wc} | {r[1] for r in wo}
        gaz = common.Gazetteer()
        for r in self.rows:
            self.assertRegex(r["wikidata"], r"^Q[0-9]+$")
            self.assertIn(r["wikidata"], known)
            self.assertIn(r["checked"], ("yes", "no"))
            self.assertTrue(any(n == r["name"] and t == r["type"] for _, n, t in gaz.lookup(r["name"])),
                            f"{r['name']} {r['type']} is not a gazetteer entry")
        self.assertEqual(len({r["wikidata"] for r in self.rows}), len(self.rows), "one row per id")
        self.assertEqual(sum(1 for r in self.rows if r["type"] == "Country"), 196)
        self.assertEqual(sum(1 for r in self.rows if r["source"].endswith("organizations.tsv")), 39)

    def test_org_forms(self):
        self.assertEqual(convert_identifiers.org_forms("G7 (Group of Seven)")[:3],
                         ["G7 (Group of Seven)", "G7", "Group of Seven"])
        self.assertIn("UN World Food Programme",
                      convert_identifiers.org_forms("United Nations World Food Programme"))


class RoleNouns(unittest.TestCase):
    def test_rows(self):
        header, rows = table("data/role_nouns.tsv")
        self.assertEqual(header, ["noun", "plural", "type", "code"])
        got = {r["noun"]: r for r in rows}
        # LAWYER [~JUD]; REBEL_GROUP [~REB]; NEWSPAPER; OPPOSITION_PARTY; FOREIGN_MINISTRY
        self.assertEqual((got["lawyer"]["type"], got["lawyer"]["plural"]), ("Person", "lawyers"))
        self.assertEqual(got["rebel group"]["type"], "Organization")
        self.assertEqual(got["newspaper"]["type"], "Media")
        self.assertEqual(got["news agency"]["type"], "Media")
        self.assertEqual(got["opposition party"]["type"], "PoliticalParty")
        self.assertEqual(got["foreign ministry"]["type"], "GovernmentBody")
        self.assertEqual(got["rebel army"]["type"], "Organization")  # not a state's army
        self.assertEqual(got["policeman"]["plural"], "policemen")  # !PERSON! substitution
        for bad in ("humvee", "f-16", "attack helicopter", "police post", "carmaker"):
            self.assertNotIn(bad, got)
        _, titles = common.read_tsv(common.DATA / "titles.tsv")
        title_set = {t[0] for t in titles}
        self.assertFalse({n for n, r in got.items() if r["type"] == "Person"} & title_set)

    def test_proposed_titles(self):
        header, rows = table("scripts/data/proposed-titles.tsv")
        self.assertEqual(header, ["title", "relation", "scope", "plural", "code", "source"])
        got = {r["title"]: r for r in rows}
        r = got["minister of budget"]  # !MINIST! OF_BUDGET [~GOV]
        self.assertEqual((r["relation"], r["scope"], r["plural"]),
                         ("HOLDS_OFFICE", "country", "ministers of budget"))
        self.assertEqual(got["rebel leader"]["relation"], "LEADS")
        self.assertEqual(got["government spokesman"]["scope"], "body")
        self.assertNotIn("rebel", got)  # a role noun, not a title
        self.assertNotIn("farmer", got)

    def test_plural_rules(self):
        self.assertEqual(convert_agents.plural_of("chief of staff"), "chiefs of staff")
        self.assertEqual(convert_agents.plural_of("militia"), "militias")
        self.assertEqual(convert_agents.plural_of("secretary"), "secretaries")
        self.assertEqual(convert_agents.plural_of("businessman"), "businessmen")


class NonActors(unittest.TestCase):
    def test_rows(self):
        header, rows = table("data/non_actors.tsv")
        self.assertEqual(header, ["phrase", "category"])
        got = {r["phrase"]: r["category"] for r in rows}
        self.assertEqual(got["World Cup"], "sports_event")
        self.assertEqual(got["Second World War"], "war")
        self.assertEqual(got["World War II"], "war")
        self.assertEqual(got["Nobel Prize"], "award")
        self.assertEqual(got["West Nile Virus"], "disease")
        self.assertEqual(got["ATP Hardcourt Tournament"], "sports_event")
        # people, clubs, organizations and places of the discard list are actors elsewhere
        for actor in ("Serena Williams", "Rick Lazio", "Salman Rushdie", "Manchester United",
                      "FIFA", "Beatles", "Osaka District Court", "Everest", "World Trade Center",
                      "Film Festival", "1914"):
            self.assertNotIn(actor, got)
        gaz = common.Gazetteer()
        for phrase in got:
            self.assertFalse(gaz.lookup(phrase), phrase)

    def test_category_rule(self):
        self.assertEqual(convert_discards.category(["WORLD", "WAR", "II"]), ("war", "war"))
        self.assertEqual(convert_discards.category(["BOWL", "OUT"]), ("", ""))
        self.assertTrue(convert_discards.is_generic(["FILM", "FESTIVAL"], "festival"))
        self.assertFalse(convert_discards.is_generic(["WORLD", "CUP"], "cup"))


class Freshness(unittest.TestCase):
    """Each converter, run now, gives the bytes that are in the repository."""

    def check(self, files: dict[str, str]):
        for rel_path, text in files.items():
            on_disk = (common.ROOT / rel_path).read_text(encoding="utf-8")
            self.assertEqual(on_disk, text, f"{rel_path} is stale: run scripts/data/regenerate.sh")

    def test_identifiers(self):
        self.check(convert_identifiers.build())

    def test_actors(self):
        files, log = ca.build()
        self.check(files)
        # the rule table of data/README.md gives each rule's count
        readme = (common.DATA / "README.md").read_text(encoding="utf-8")
        table = dict(re.findall(r"^\| `(\w+)` \| .* \| ([\d,]+) \|$", readme, re.M))
        self.assertEqual({k: int(v.replace(",", "")) for k, v in table.items()},
                         dict(log.counts), "data/README.md's counts of the actor rules")

    def test_agents(self):
        self.check(convert_agents.build())

    def test_discards(self):
        self.check(convert_discards.build())

    def test_format(self):
        for rel_path in ("data/identifiers.tsv", "data/actors/people.tsv",
                         "data/actors/organizations.tsv", "data/role_nouns.tsv",
                         "data/non_actors.tsv"):
            text = (common.ROOT / rel_path).read_text(encoding="utf-8")
            lines = text.split("\n")
            self.assertTrue(lines[0].startswith("# "), rel_path)
            body = [l for l in lines if l and not l.startswith("#")]
            width = len(body[0].split("\t"))
            for l in body:
                self.assertEqual(len(l.split("\t")), width, f"{rel_path}: {l!r}")
                self.assertFalse(re.search(r"(^|\t| );|;( |\t|$)", l), f"{rel_path}: {l!r}")


if __name__ == "__main__":
    unittest.main()
