"""Countries named in a text, as ISO 3166-1 alpha-3 codes.

Names come from pycountry (short, common and official names, in English and in Spanish)
plus a small table of the variants real documents use ("St. Kitts and Nevis", "EE.UU.",
"Brasil"). Only names count: a demonym ("Mexican") or a city ("Tijuana") says where
something happened, not which country a report names, and guessing would put words in the
reporter's mouth.

All names are compiled once into a single regular expression shaped as a trie, so the
longest name wins where names nest ("Dominican Republic" over "Dominica", "Papua New Guinea"
over "Guinea", "United Mexican States" over "United States") and a text is scanned once.
Place names that contain a country's name without naming it ("New Mexico", "Port of Spain")
are in the same trie, mapped to no country, so they win over the name inside them.
"""

import gettext
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

import pycountry

from followup.ingest.extract.masks import overlaps, url_spans

# Variants pycountry lacks: usual English and Spanish names, abbreviations, long forms.
ALIASES: dict[str, tuple[str, ...]] = {
    "USA": (
        "United States of America",
        "USA",
        "U.S.A.",
        "U.S.",
        "EE.UU.",
        "EE. UU.",
        "EEUU",
        "Estados Unidos de Norteamérica",
    ),
    "MEX": ("Méjico",),
    "GBR": ("Great Britain", "UK", "U.K.", "Gran Bretaña"),
    "BHS": ("The Bahamas", "Commonwealth of The Bahamas", "Mancomunidad de las Bahamas"),
    "KNA": (
        "Federation of Saint Kitts and Nevis",
        "Saint Christopher and Nevis",
        "Saint Kitts-Nevis",
        "Federación de San Cristóbal y Nieves",
    ),
    "VCT": ("San Vicente y Granadinas",),
    "DMA": ("Mancomunidad de Dominica",),
    "BOL": ("Estado Plurinacional de Bolivia", "Republic of Bolivia"),
    "URY": ("Oriental Republic of Uruguay",),
    "BRA": ("República Federativa del Brasil",),
    "GUY": (
        "Co-operative Republic of Guyana",
        "Cooperative Republic of Guyana",
        "República Cooperativa de Guyana",
    ),
    "SUR": ("Suriname", "Surinam"),
    "NLD": ("The Netherlands", "Holanda"),
    "GMB": ("The Gambia",),
    "TUR": ("Turkey", "Turquia"),
    "CZE": ("Czech Republic",),
    "CPV": ("Cape Verde",),
    "CIV": ("Ivory Coast", "Costa de Marfil"),
    "SWZ": ("Swaziland", "Suazilandia"),
    "MMR": ("Burma",),
    "RUS": ("Russia", "Rusia"),
    "KOR": ("Korea", "Republic of Korea", "Corea", "República de Corea"),
    "PRK": ("Democratic People's Republic of Korea",),
    "COD": (
        "Democratic Republic of the Congo",
        "DR Congo",
        "República Democrática del Congo",
    ),
    "COG": ("Congo-Brazzaville",),
    "PSE": ("Palestine", "State of Palestine", "Palestina", "Estado de Palestina"),
    "VAT": ("Holy See", "Vatican", "Vatican City", "Santa Sede", "Vaticano", "Ciudad del Vaticano"),
    "TWN": ("Taiwan", "Taiwán"),
    "MKD": ("Macedonia",),
    "DZA": ("Argelia",),
    "TUN": ("Túnez",),
    "QAT": ("Qatar",),
    "SAU": ("Arabia Saudita",),
    "NER": ("Níger",),
    "MDA": ("Moldavia",),
    "FSM": ("Micronesia",),
    "TZA": ("Tanzania",),
    "VNM": ("Vietnam", "Viet Nam"),
    "TLS": ("East Timor", "Timor-Leste"),
    "BRN": ("Brunei",),
    "MAC": ("Macau",),
    "ROU": ("Rumania",),
    "VGB": ("British Virgin Islands",),
    "VIR": ("U.S. Virgin Islands", "United States Virgin Islands"),
    "FLK": ("Falkland Islands", "Islas Malvinas", "Malvinas"),
    "BES": ("Bonaire", "Caribbean Netherlands", "Caribe Neerlandés"),
    "SXM": ("Sint Maarten",),
    "BMU": ("Bermuda",),
    "MUS": ("Isla Mauricio",),
    "GLP": ("Guadeloupe",),
}

# Names that read as a country but name something else, matched so they win over the
# country inside them: places in other countries, and parts of a country.
NOT_COUNTRIES = (
    "New Mexico",
    "Nuevo México",
    "New Jersey",
    "Nueva Jersey",
    "Jersey City",
    "New Guinea",
    "Nueva Guinea",
    "Nueva Granada",
    "Port of Spain",
    "Puerto España",
    "Mexico City",
    "Ciudad de México",
    "Panama City",
    "Ciudad de Panamá",
    "Guatemala City",
    "Ciudad de Guatemala",
    "Belize City",
    "Ciudad de Belice",
    "Kuwait City",
    "Gulf of Mexico",
    "Golfo de México",
    "Northern Ireland",
    "Irlanda del Norte",
    "Niger Delta",
    "Delta del Níger",
    "Colombia Británica",
)

# pycountry names that are also common words or given names in running text: "Reunión"
# (a meeting), "Mauricio", "Guadalupe", "San Martín". Their long forms still count.
AMBIGUOUS = frozenset(
    {"Reunión", "Mauricio", "Guadalupe", "San Martín", "Saint Martin", "San Bartolomé", "Islas BES"}
)

_SPACE = re.compile(r"\s+")
_DASH = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2013": "-", "\u2014": "-", "’": "'"})
_STRIP_PARENTHESES = re.compile(r"\s*\([^)]*\)")
_Trie = dict[str, "_Trie"]  # a letter to the rest of the names; "" marks a name's end
_LINKING_WORDS = frozenset({"and", "of", "the", "y", "de", "del", "la", "las", "los", "e"})


@dataclass(frozen=True)
class CountryMention:
    code: str  # ISO 3166-1 alpha-3
    start: int
    end: int
    text: str  # as written

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


def find_countries(text: str) -> list[CountryMention]:
    """Every country named in the text, in order, repeats included."""
    pattern, codes = _matcher()
    urls = url_spans(text)
    found = []
    for match in pattern.finditer(text):
        code = codes.get(_key(match.group()))
        if code and not overlaps(urls, match.start(), match.end()):
            found.append(CountryMention(code, match.start(), match.end(), match.group()))
    return found


def country_codes(text: str) -> list[str]:
    """The codes of the countries named, each once, in the order first named."""
    return list(dict.fromkeys(mention.code for mention in find_countries(text)))


def _key(name: str) -> str:
    """Spacing, dashes and apostrophes as written do not change which country is named."""
    return _SPACE.sub(" ", name.translate(_DASH)).strip()


def _strip_accents(name: str) -> str:
    decomposed = unicodedata.normalize("NFD", name)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


def _variants(name: str) -> Iterator[str]:
    """The ways one name is written: with or without accents, "St." for "Saint", "&" for
    "and", in capitals (headings), with its linking words capitalized (title case)."""
    forms = {name, _strip_accents(name)}
    for form in list(forms):
        if form.startswith("Saint "):
            forms |= {"St. " + form[6:], "St " + form[6:]}
    for form in list(forms):
        if " and " in form:
            forms.add(form.replace(" and ", " & "))
    for form in list(forms):
        yield form
        yield form.upper()
        words = form.split(" ")
        if any(word in _LINKING_WORDS for word in words[1:]):
            yield " ".join(word[:1].upper() + word[1:] for word in words)


def _pycountry_names() -> Iterator[tuple[str, str]]:
    spanish = gettext.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=["es"], fallback=True
    )
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            english = getattr(country, attribute, None)
            if not english:
                continue
            for name in (english, spanish.gettext(english)):
                # "Korea, Republic of" is a catalogue's inverted order, never running text.
                if "," in name:
                    continue
                name = _STRIP_PARENTHESES.sub("", name).strip()
                # "the State of Eritrea" and "Estado plurinacional de Bolivia" as written
                name = name.removeprefix("the ")
                if name and name not in AMBIGUOUS:
                    yield name, country.alpha_3


def _names() -> Iterator[tuple[str, str | None]]:
    yield from _pycountry_names()
    for code, aliases in ALIASES.items():
        for alias in aliases:
            yield alias, code
    for place in NOT_COUNTRIES:
        yield place, None


@cache
def _matcher() -> tuple[re.Pattern[str], dict[str, str | None]]:
    codes: dict[str, str | None] = {}
    for name, code in _names():
        for variant in _variants(name):
            key = _key(variant)
            # A place that is no country wins over a country of the same spelling.
            if codes.get(key, "") is not None:
                codes[key] = code
    # Word boundaries by hand: "\b" fails after a final dot ("U.S.") and would let
    # "Dominica" match inside "Dominican".
    pattern = r"(?<!\w)" + _trie_pattern(codes) + r"(?!\w)"
    return re.compile(pattern), codes


def _trie_pattern(words: Iterable[str]) -> str:
    """One regular expression for many literal words, branching letter by letter: at each
    branch the longer word is tried first, so the longest name at a position wins."""
    trie: _Trie = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _node_pattern(trie)


def _node_pattern(node: _Trie) -> str:
    branches = [_atom(char) + _node_pattern(child) for char, child in node.items() if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return "(?:" + body + ")?" if "" in node else body


def _atom(char: str) -> str:
    if char == " ":
        return r"\s+"
    if char == "-":
        return "[-\u2010\u2011\u2013\u2014]"
    if char == "'":
        return "['’]"
    return re.escape(char)
