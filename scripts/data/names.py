"""Writing dictionary phrases (`HAMID_KARZAI_`, `AL-QASSAM_BRIGADES`) as names in normal case.

The PETRARCH dictionaries are in capitals. News writes "Hamid Karzai", "Ban Ki-moon",
"Izz ad-Din al-Qassam Brigades", "Robert McNamara", "Miguel d'Escoto", "NATO", "U.S.".
`case_words` applies these conventions:

- every word is capitalised (`KARZAI` -> `Karzai`), each part of a hyphenated word too
  (`BOUTROS-GHALI` -> `Boutros-Ghali`);
- name particles and function words are lower case inside a name (`al`, `bin`, `ibn`, `de`,
  `van`, `von`, `da`, `of`, `the`, `and` ...) and capitalised at its start (`Al-Qassam ...`);
  an Arabic article joined by a hyphen keeps the hyphen (`AL-QASSAM` -> `al-Qassam`);
- `Mc` + capital always (`MCNAMARA` -> `McNamara`); `Mac` + capital only for the common
  Scottish and Irish surnames listed in MAC_NAMES (`Macron`, `Machado` stay as they are);
- an apostrophe after `O`, `D` or `L` starts a new capital (`O'Brien`, `D'Alema`; lower
  `d'`/`l'` inside a name: `Miguel d'Escoto`); after other letters it does not (`People's`);
- acronyms and initials stay in capitals: words with dots (`U.S.`, `R.K.`), Roman numerals,
  and for organizations the words `is_acronym` recognises;
- Korean given names (people of KOR/PRK) lower-case the syllable after the hyphen
  (`BAN_KI-MOON` -> `Ban Ki-moon`), as Korean names are romanised.
"""

from __future__ import annotations

import re

# particles written in lower case inside a person's name (not `Le`, `La`: Le Pen, La Russa)
NAME_PARTICLES = {
    "al", "el", "bin", "bint", "ibn", "ben", "de", "del", "della", "der", "den", "di", "da",
    "das", "dos", "do", "du", "van", "von", "ter", "ten", "y", "ul", "ud", "ur",
    "ad", "ag", "ould", "wa", "zu", "af", "av",
}
# function words written in lower case inside an organization's name
FUNCTION_WORDS = {
    "of", "the", "and", "for", "in", "on", "at", "to", "by", "with", "a", "an", "or",
    "against", "from", "into", "de", "la", "le", "les", "des", "du", "del", "della", "di",
    "da", "do", "dos", "das", "e", "et", "y", "al", "el", "fi", "wa", "li", "il", "und",
    "für", "der", "die", "das", "van", "voor", "en", "och", "og", "för", "ul", "ud", "ur",
    "bin", "ibn", "bint",
}
ROMAN = re.compile(r"^(?=[MDCLXVI])M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
MAC_NAMES = {
    "macarthur", "macaulay", "macdonald", "macdougall", "macduff", "macfarlane", "macgregor",
    "macinnes", "macintosh", "macintyre", "mackay", "mackenzie", "mackinnon", "maclachlan",
    "maclaren", "maclean", "macleod", "macmillan", "macnamara", "macneil", "macpherson",
    "macqueen", "macrae", "macaskill", "macmaster", "macneill", "macnaughton",
}
VOWELS = set("AEIOUYaeiouy")


def letters(word: str) -> str:
    return "".join(c for c in word if c.isalpha())


def is_initial(word: str) -> bool:
    """`N.`, `R.K.`, `J`: initials of a person's name."""
    return bool(re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]?", word)) or (
        len(word) == 1 and word.isalpha()
    )


def is_dotted_acronym(word: str) -> bool:
    """`U.S.`, `U.N.`, `U.S.A.`: letters separated by dots."""
    return bool(re.fullmatch(r"(?:[A-Za-z]\.){2,}[A-Za-z]?\.?", word))


def _cap(part: str) -> str:
    """`KARZAI` -> `Karzai`, `ERDOĞAN` -> `Erdoğan`, `MCNAMARA` -> `McNamara`,
    `O'BRIEN` -> `O'Brien`, `PEOPLE'S` -> `People's`."""
    if not part:
        return part
    low = part.lower()
    if "/" in low:
        return "/".join(_cap(x) for x in part.split("/"))  # Party/Front
    if "'" in low or "\u2019" in low:
        q = "'" if "'" in low else "\u2019"
        head, _, tail = low.partition(q)
        if len(head) == 1 and head in "odl" and tail:
            return head.upper() + q + _cap(tail)
        return _cap(head) + q + tail
    if low.startswith("mc") and len(low) > 3 and low[2].isalpha():
        return "Mc" + low[2].upper() + low[3:]
    if low in MAC_NAMES:
        return "Mac" + low[3].upper() + low[4:]
    return low[0].upper() + low[1:]


def case_word(word: str, *, first: bool, person: bool, acronym: bool, korean: bool,
              last: bool = False) -> str:
    """One word of a name in normal case (see the module comment)."""
    if is_dotted_acronym(word) or (person and is_initial(word)):
        return word.upper()
    if acronym:
        return word
    if ROMAN.match(word) and len(word) <= 4 and not first and word not in ("I", "DI", "MI"):
        return word  # Pius XII, Elizabeth II
    if re.search(r"\d", word):
        return word  # 17 November, G8
    low = word.lower()
    small = NAME_PARTICLES if person else FUNCTION_WORDS
    if "-" in word:
        parts = word.split("-")
        out = []
        for i, p in enumerate(parts):
            pl = p.lower()
            if i == 0 and pl in ("al", "el", "ad", "ud", "ul", "ur", "as", "an", "ar", "at", "az", "ash", "ath") and len(parts) > 1:
                out.append(pl.capitalize() if first else pl)
            elif i > 0 and korean and person:
                out.append(pl)
            elif i > 0 and parts[i - 1].lower() == "co":
                out.append(pl)  # Co-operation
            elif i > 0 and pl in ("based", "led", "backed", "owned", "run", "style"):
                out.append(pl)
            elif i > 0 and pl in ("e", "i", "ul", "ud", "ur", "al", "el", "ad", "ed", "o", "y", "wa", "ol"):
                out.append(pl)  # Mazar-i-Sharif, Hezb-e-Islami, Jamaat-ud-Dawa
            else:
                out.append(_cap(p))
        return "-".join(out)
    if not first and low in small:
        if len(low) == 1 and last:
            return word.upper()  # `Triple A`
        return low
    if not first and person and (low.startswith("d'") or low.startswith("l'")) and len(low) > 2:
        return low[:2] + _cap(low[2:])
    return _cap(word)


def case_words(words: list[str], *, person: bool, acronyms: set[str] | None = None,
               korean: bool = False) -> str:
    """A list of dictionary words as a name in normal case.

    `acronyms`: upper-case words that are to stay in capitals (for organizations)."""
    acronyms = acronyms or set()
    out = []
    for i, w in enumerate(words):
        out.append(
            case_word(w, first=(i == 0), person=person, acronym=(w.upper() in acronyms),
                      korean=korean, last=(i == len(words) - 1))
        )
    return " ".join(out)


def initials(words: list[str], skip: set[str]) -> list[str]:
    """Ways of reading a phrase's initials: all words, content words only, hyphen parts split.

    `ISLAMIC_ARMY_OF_ADEN-ABYAN` gives IAOA, IAA, IAOAA, IAAA."""
    outs = set()
    for split_hyphen in (False, True):
        ws = []
        for w in words:
            ws.extend([p for p in w.split("-") if p] if split_hyphen else [w])
        ws = [letters(w) for w in ws if letters(w)]
        if not ws:
            continue
        outs.add("".join(w[0] for w in ws).upper())
        content = [w for w in ws if w.lower() not in skip]
        if content:
            outs.add("".join(w[0] for w in content).upper())
    return sorted(outs)


def looks_like_acronym(word: str) -> bool:
    """A single word that is written in capitals when it stands alone as a name: dotted
    (`U.N.`), with a digit or slash (`DHKP/C`), or without a vowel (`NTSB`), or of at most
    four letters (`ANSF`, `IAEA`, `ETA`)."""
    if is_dotted_acronym(word):
        return True
    lw = letters(word)
    if not lw:
        return False
    if "/" in word or "&" in word:
        return True
    if not (set(lw) & VOWELS):
        return True
    return len(lw) <= 4
