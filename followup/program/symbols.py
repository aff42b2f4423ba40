"""Mandate symbols: one canonical spelling for every variant found in real documents.

OAS resolutions are cited as `AG/RES. 2816 (XLIV-O/14)`: body, kind, number, then the session
in parentheses (Roman numeral, O for a regular or E for a special session, two-digit year).
Documents also write `XLIV-OR/14`, drop the dot after RES, add "No.", change case or spacing.
`parse_symbol` maps all of those to the canonical form and refuses anything else with a sentence
naming what is wrong, so an import never invents a mandate from a typo.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

# Bodies whose resolutions and declarations the Program cites. The Permanent Council numbers
# its sessions by meeting ("CP/RES. 1078 (2106/17)"); the others by Roman-numbered session.
BODIES = ("AG", "CP", "CIDI", "CIM")
KINDS = ("RES", "DEC")
# The General Assembly held its first regular session in 1971 and one a year since, so the
# Roman numeral of a regular session fixes its year: a mismatch is a typo, not a new mandate.
AG_FIRST_REGULAR_SESSION_YEAR = 1970

_ROMAN = re.compile(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
_DASHES = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-"})

_HEAD = re.compile(r"(?P<body>[A-Z]+)\s*/\s*(?P<kind>[A-Z]+)\.?\s*")
_NUMBER = re.compile(r"(?:N[O°º]\.?\s*)?(?P<number>\d+)\s*")
_SESSION = re.compile(
    r"\(\s*(?:(?P<roman>[A-Z]+)\s*-\s*(?P<type>[A-Z]+)|(?P<meeting>\d+))"
    r"\s*/\s*(?P<year>\d{2}|\d{4})\s*\)"
)
# Loose shape used to spot candidate symbols in running text before parsing them strictly.
_CANDIDATE = re.compile(
    r"\b(?:AG|CP|CIDI|CIM)\s*/\s*(?:RES|DEC)\.?\s*(?:N[O°º]\.?\s*)?\d+\s*\([^)]{3,20}\)",
    re.IGNORECASE,
)


class SymbolError(ValueError):
    """The text is not a mandate symbol; the message says why, for the person who typed it."""


@dataclass(frozen=True)
class MandateSymbol:
    body: str
    kind: str
    number: int
    session: str  # canonical text inside the parentheses: "XLVI-O/16" or "2106/17"
    year: int

    @property
    def canonical(self) -> str:
        return f"{self.body}/{self.kind}. {self.number} ({self.session})"

    @property
    def slug(self) -> str:
        return re.sub(r"[^a-z0-9]+", "-", self.canonical.lower()).strip("-")

    @property
    def is_declaration(self) -> bool:
        return self.kind == "DEC"

    def __str__(self) -> str:
        return self.canonical


def roman_to_int(numeral: str) -> int:
    """Value of a well-formed Roman numeral; SymbolError for anything else."""
    if not numeral or not _ROMAN.fullmatch(numeral):
        raise SymbolError(_("“%(numeral)s” is not a Roman numeral.") % {"numeral": numeral})
    total = 0
    for current, following in zip(numeral, [*numeral[1:], ""], strict=True):
        value = _ROMAN_VALUES[current]
        total += -value if following and _ROMAN_VALUES[following] > value else value
    return total


def _normalize(text: str) -> str:
    text = text.translate(_DASHES).replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text).strip().rstrip(",;:").strip().upper()


def _four_digit_year(digits: str) -> int:
    if len(digits) == 4:
        return int(digits)
    # OAS symbols go back to 1970; two digits from 70 on are the 1900s.
    year = int(digits)
    return 1900 + year if year >= 70 else 2000 + year


def parse_symbol(text: str) -> MandateSymbol:
    """Parse one symbol in any accepted variant; raise SymbolError saying what is wrong."""
    original = text.strip()
    text = _normalize(text)
    if not text:
        raise SymbolError(_("A mandate symbol is required, as in AG/RES. 2883 (XLVI-O/16)."))

    head = _HEAD.match(text)
    if not head:
        raise SymbolError(
            _("“%(text)s” does not start with a body and kind, as in AG/RES. or AG/DEC.")
            % {"text": original}
        )
    body, kind = head["body"], head["kind"]
    if body not in BODIES:
        raise SymbolError(
            _("“%(body)s” is not a body whose mandates the Program cites (%(bodies)s).")
            % {"body": body, "bodies": ", ".join(BODIES)}
        )
    if kind not in KINDS:
        raise SymbolError(
            _("“%(kind)s” is not a kind of mandate; expected RES. or DEC.") % {"kind": kind}
        )

    number = _NUMBER.match(text, head.end())
    if not number:
        raise SymbolError(_("The number of the %(kind)s is missing.") % {"kind": kind})
    if int(number["number"]) == 0:
        raise SymbolError(_("A mandate number cannot be zero."))

    session = _SESSION.match(text, number.end())
    if not session:
        raise SymbolError(
            _("The session in parentheses is missing or malformed, as in (XLVI-O/16).")
        )
    if session.end() != len(text):
        raise SymbolError(
            _("Unexpected text after the session: “%(rest)s”.")
            % {"rest": original[session.end() :].strip() or text[session.end() :]}
        )

    year = _four_digit_year(session["year"])
    if session["meeting"]:
        label = f"{int(session['meeting'])}/{year % 100:02d}"
    else:
        label = _session_label(body, session["roman"], session["type"], year)
    return MandateSymbol(body, kind, int(number["number"]), label, year)


def _session_label(body: str, roman: str, session_type: str, year: int) -> str:
    ordinal = roman_to_int(roman)
    # "OR" (ordinaria/regular) appears in some documents for what is canonically "O".
    kind = {"O": "O", "OR": "O", "E": "E"}.get(session_type)
    if kind is None:
        raise SymbolError(
            _("The session type must be O (regular) or E (special); got “%(type)s”.")
            % {"type": session_type}
        )
    if body == "AG" and kind == "O" and ordinal + AG_FIRST_REGULAR_SESSION_YEAR != year:
        raise SymbolError(
            _(
                "The General Assembly's regular session %(roman)s was held in %(expected)s, "
                "not %(year)s."
            )
            % {"roman": roman, "expected": ordinal + AG_FIRST_REGULAR_SESSION_YEAR, "year": year}
        )
    return f"{roman}-{kind}/{year % 100:02d}"


def find_symbols(text: str) -> list[MandateSymbol]:
    """Every well-formed symbol cited in running text, in order, without repeats."""
    found: list[MandateSymbol] = []
    for match in _CANDIDATE.finditer(text):
        try:
            symbol = parse_symbol(match.group())
        except SymbolError:
            continue
        if symbol not in found:
            found.append(symbol)
    return found


def find_symbol_spans(text: str) -> list[tuple[MandateSymbol, int, int]]:
    """Every well-formed symbol with the characters [start, end) it occupies, repeats kept,
    so extractors can cite where a mandate is named and skip its numbers."""
    found: list[tuple[MandateSymbol, int, int]] = []
    for match in _CANDIDATE.finditer(text):
        try:
            symbol = parse_symbol(match.group())
        except SymbolError:
            continue
        found.append((symbol, match.start(), match.end()))
    return found
