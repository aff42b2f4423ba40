"""How the Program's reports mark their headings, judged one block at a time.

Exports from Word lose the paragraph styles, so a heading shows only in its text: a label
("IV.", "B.", "E.1", "2.", "iii.", "A)", "PANEL 3"), a phrase the reports use for their parts
("Activities carried out", "Recomendaciones", "Report by the …"), or capitals. Each is only a
candidate (a `Cue`): numbered list items look the same, and `segment` decides in context.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass

from followup.ingest.blocks import Block

INDENTED = "indented"  # a line that began with a TAB: in Word exports, a table cell
FOOTNOTE = "footnote"

# Longest text a heading holds after its label. Capital letters, roman numerals and "E.1"
# number sections far more often than list items, so they may run longer (004's mandates
# are headed by a resolution's symbol and full title).
STRONG_LIMIT = 200
WEAK_LIMIT = 130
# A text only this lenient test passes (final period, longer) is a heading only where it
# continues a sequence of headings already open ("II." after the heading "I.").
RELAXED_LIMIT = 250
KEYWORD_LIMIT = 100
ACTOR_LIMIT = 170
CAPS_LIMIT = 120

# A line ending in one of these words, or the next starting with one, is the same phrase
# broken over two lines ("… OF IRREGULAR MIGRANTS" / "AND THE ROLE OF …").
_ENGLISH_CONNECTORS = {"a", "an", "and", "by", "for", "in", "of", "on", "or", "the", "to", "with"}
_SPANISH_CONNECTORS = {"al", "con", "de", "del", "e", "el", "en", "la", "las", "los", "o", "y"}
CONNECTORS = frozenset(_ENGLISH_CONNECTORS | _SPANISH_CONNECTORS | {"para", "por", "sobre"})

_LABEL = re.compile(
    r"""^(?:
        (?P<compound>[A-Z])\.(?P<minor>\d{1,2})\.?
      | (?P<decimal>\d{1,2}(?:\.\d{1,2}){1,2})\.?
      | \((?P<paren>\d{1,3}|[A-Za-z]|[IVXLCDM]{2,7}|[ivxlcdm]{2,7})\)
      | (?P<plain>\d{1,3}|[A-Za-z]|[IVXLCDM]{2,7}|[ivxlcdm]{2,7})(?P<punct>[.)])
      | (?P<series>(?i:panel|mesa|session|sesi[oó]n|chapter|cap[ií]tulo|part|parte
                      |section|secci[oó]n))
        \s+(?P<series_no>\d{1,2}|[IVX]{1,5})\b[.:]?
    )(?=\s|$)""",
    re.VERBOSE,
)
_ROMAN = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
# The parts every kind of document has; they always open a top-level section.
_PART = re.compile(
    r"(?i:introduction|introducci[oó]n|background|antecedentes|conclusions?"
    r"|conclusi[oó]n(?:es)?|annex(?:es)?|anexos?|appendix|ap[eé]ndices?|appendices"
    r"|(?:executive\s+)?summary|resumen(?:\s+ejecutivo)?|preface|foreword|pr[oó]logo"
    r"|presentaci[oó]n|bibliography|bibliograf[ií]a|references|referencias)\b"
)
_PART_REST_LIMIT = 60
# One implementer's report inside a compilation: "Report by the …", "Informe de la …".
_ACTOR = re.compile(
    r"(?i:(?:(?:annual|activity|final|progress)\s+)?reports?\s+(?:by|of|from|submitted\s+by"
    r"|presented\s+by)|informe\s+(?:anual\s+|final\s+)?(?:del?|presentado\s+por|sobre))\s+\S"
)
# A meeting between two bodies, named by their acronyms: "CAM-IACHR Meeting",
# "Reunión CAM-CIDH", "Joint CAM/CIM session".
_ACRONYMS = r"[A-Z]{2,}(?:\s*[-–/]\s*[A-Z]{2,})+"
_MEETING = re.compile(
    rf"(?:(?i:joint)\s+)?{_ACRONYMS}\s+(?:(?i:joint)\s+)?(?i:meeting|session|dialogue"
    rf"|consultation)\b|(?i:reuni[oó]n|sesi[oó]n|di[aá]logo|encuentro)\s+(?:(?i:conjunta)\s+)?"
    rf"(?:(?i:de\s+la|del|de)\s+)?{_ACRONYMS}\b"
)
# The parts of one implementer's report and of a forum's results, in English and Spanish;
# a year or a qualifier may come first ("2008 ACTIVITIES", "Upcoming and planned activities").
_SUBSECTION = re.compile(
    r"""(?:(?:19|20)\d\d\s+)?
    (?:(?i:other|upcoming|main|new|future|planned|specific|general|otras|nuevas|principales
        |pr[oó]ximas)\s+(?:(?i:and|y)\s+\w+\s+)?)*
    (?i:activit(?:y|ies)|actividad(?:es)?|best\s+practices|good\s+practices
      |buenas\s+pr[aá]cticas|mejores\s+pr[aá]cticas|proposals?|propuestas?|recommendations?
      |recomendaci(?:ón|on|ones)|mandates?|mandatos?|objectives?|objetivos?|calendar
      |calendario|challenges|desaf[ií]os|retos|lessons\s+learned|lecciones\s+aprendidas
      |achievements|logros)\b""",
    re.VERBOSE,
)
# Lines in capitals that are not headings: dates of a calendar, a document's symbol.
_MONTHS = (
    r"january|february|march|april|may|june|july|august|september|october|november|december"
    r"|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre"
    r"|noviembre|diciembre"
)
_DATE_LINE = re.compile(
    rf"(?i:(?:\d{{1,2}}\s+(?:de\s+)?)?(?:{_MONTHS})(?:\s+\d{{1,2}})?,?\s+(?:de\s+)?\d{{4}})"
)
_SYMBOL = re.compile(r"\b[A-Z]{2,}/[A-Z]")
_SENTENCE_BREAK = re.compile(r"[a-z]{3}[.!?]\s+[A-Z]")
_LONG_SENTENCE = 80


@dataclass(frozen=True)
class Label:
    """The number a block starts with, resolved to its numbering style."""

    family: str  # "roman.", "letter)", "arabic.", "(letter_lower)", "compound", "panel", …
    number: int  # place in its sequence; "E.1" and "1.2" as major * 100 + minor
    title: str  # the text after the label
    strong: bool  # capitals, "E.1", "1.2", "PANEL 3": section numbers more than list numbers

    @property
    def outline(self) -> bool:
        return self.family == "compound" or self.family.startswith("decimal")


@dataclass(frozen=True)
class Cue:
    """What makes a block a candidate heading, before its context is weighed."""

    family: str  # the numbering style, or the kind of phrase or typography
    number: int | None  # None when unnumbered
    text: str  # the heading as written, label included, continuation lines joined
    extent: int  # blocks the text spans: a label alone on its line takes the next as its title
    relaxed: bool = False  # heading only where it continues an open sequence
    part: bool = False  # Introduction, Annex…: always a top-level section
    level: int = 0  # the reader's level, 0 without evidence


def full_text(block: Block) -> str:
    """The block's text with its list label put back: "I. Introduction:", "b. PAHO …"."""
    text = " ".join(block.text.split())
    if block.list_label and not is_bullet(block):
        return f"{block.list_label} {text}".strip()
    return text


def is_bullet(block: Block) -> bool:
    label = block.list_label
    return bool(label) and not any(character.isalnum() for character in label)


def is_caps(text: str) -> bool:
    letters = [character for character in text if character.isalpha()]
    return len(letters) >= 4 and all(character.isupper() for character in letters)


def ends_phrase_open(text: str) -> bool:
    """Whether `text` stops on a word that needs more ("… FORUM ON THE"); a colon closes it."""
    words = text.split()
    return bool(words) and words[-1].casefold() in CONNECTORS


def starts_with_connector(text: str) -> bool:
    """Whether `text` goes on from a line before ("AND THE ROLE …", "on Human Rights"); in
    mixed case only a small connector does ("In accordance with …" starts a sentence)."""
    words = text.split(maxsplit=1)
    if not words or words[0].casefold() not in CONNECTORS:
        return False
    return is_caps(text) or words[0].islower()


def title_grade(text: str, limit: int) -> int:
    """2 when `text` reads as a title within `limit`, 1 when only the lenient test passes
    (a final period, or up to RELAXED_LIMIT), 0 when it reads as running text."""
    text = text.strip()
    if not text or len(text) > RELAXED_LIMIT:
        return 0
    first = next((character for character in text if character.isalnum()), "")
    if first.islower() or text[-1] in ",;" or ends_phrase_open(text):  # "2008 activities" is fine
        return 0
    if len(text) > _LONG_SENTENCE and _SENTENCE_BREAK.search(text):
        return 0  # two sentences: a paragraph, however short
    if len(text) <= limit and not text.endswith("."):
        return 2
    return 1


# ---------------------------------------------------------------- labels


@dataclass(frozen=True)
class _RawLabel:
    family: str  # for a single letter that is also a roman numeral, the letter's family
    number: int
    title: str
    strong: bool
    upper: bool = False
    token: str = ""  # the letter, when it is also a roman numeral ("I", "v", "c")

    @property
    def ambiguous(self) -> bool:
        return bool(self.token)


def _roman_value(token: str) -> int:
    values = [_ROMAN_VALUES[character] for character in token.upper()]
    return sum(-v if v < w else v for v, w in zip(values, [*values[1:], 0], strict=True))


def _raw_label(text: str) -> _RawLabel | None:
    match = _LABEL.match(text)
    if match is None:
        return None
    title = text[match.end() :].lstrip(" \t–—-:")
    groups = match.groupdict()
    if groups["compound"]:
        number = (ord(groups["compound"]) - 64) * 100 + int(groups["minor"])
        return _RawLabel("compound", number, title, strong=True)
    if groups["decimal"]:
        parts = [int(part) for part in groups["decimal"].split(".")]
        return _RawLabel(f"decimal{len(parts)}", parts[-2] * 100 + parts[-1], title, strong=True)
    if groups["series"]:
        # One document names its series in one language: "PANEL" and "Panel" are one style.
        token = groups["series_no"]
        number = int(token) if token.isdigit() else _roman_value(token)
        return _RawLabel(f"series:{groups['series'].casefold()}", number, title, strong=True)
    paren = groups["paren"] is not None
    if paren:
        return _token_label(groups["paren"], "", True, title)
    return _token_label(groups["plain"], groups["punct"], False, title)


def _token_label(token: str, punct: str, paren: bool, title: str) -> _RawLabel | None:
    def family(name: str) -> str:
        return f"({name})" if paren else f"{name}{punct}"

    if token.isdigit():
        return _RawLabel(family("arabic"), int(token), title, strong=False)
    upper = token.isupper()
    if len(token) > 1:  # two to seven letters: only a roman numeral
        if _ROMAN.fullmatch(token.upper()) is None:
            return None
        name = "roman" if upper else "roman_lower"
        return _RawLabel(family(name), _roman_value(token), title, strong=upper, upper=upper)
    name = "letter" if upper else "letter_lower"
    ambiguous = token.upper() in _ROMAN_VALUES
    return _RawLabel(
        family(name),
        ord(token.lower()) - 96,
        title,
        strong=upper,
        upper=upper,
        token=token if ambiguous else "",
    )


def resolve_labels(blocks: Sequence[Block]) -> list[Label | None]:
    """Each block's label, with "I.", "V.", "c.", "i." read as letters or roman numerals by
    what comes before and after them ("I." after "H." is a letter unless "II." follows)."""
    raws = [None if is_bullet(block) else _raw_label(full_text(block)) for block in blocks]
    # For "I."/"i.": whether the next capital (small) letter-or-numeral label is "II." ("ii.").
    two_follows: list[tuple[bool, bool]] = [(False, False)] * len(raws)
    upcoming = {True: False, False: False}
    for position in range(len(raws) - 1, -1, -1):
        two_follows[position] = (upcoming[True], upcoming[False])
        raw = raws[position]
        if raw is not None and ("roman" in raw.family or "letter" in raw.family):
            upcoming[raw.upper] = "roman" in raw.family and raw.number == 2
    last: dict[str, int] = {}
    labels: list[Label | None] = []
    for position, raw in enumerate(raws):
        if raw is None:
            labels.append(None)
            continue
        family, number = raw.family, raw.number
        if raw.ambiguous:
            follows = two_follows[position][0 if raw.upper else 1]
            family, number = _disambiguate(raw, last, two_follows=follows)
        last[family] = number
        labels.append(Label(family, number, raw.title, raw.strong))
    return labels


def _disambiguate(raw: _RawLabel, last: dict[str, int], *, two_follows: bool) -> tuple[str, int]:
    letter_family = raw.family
    roman_family = letter_family.replace("letter", "roman")
    roman = _roman_value(raw.token)
    previous_letter = last.get(letter_family)
    if roman == 1:
        if previous_letter == 8 and not two_follows:
            return letter_family, raw.number
        return roman_family, 1
    if previous_letter == raw.number - 1:
        return letter_family, raw.number
    if last.get(roman_family) == roman - 1 or roman <= 10:
        return roman_family, roman
    return letter_family, raw.number


# ---------------------------------------------------------------- cues


def block_cue(blocks: Sequence[Block], position: int, label: Label | None) -> Cue | None:
    """Whether the block at `position` could head a section, judged from it and the lines
    that complete its text; None for running text, list bullets, table cells and footnotes."""
    block = blocks[position]
    text = full_text(block)
    if block.kind == "heading":
        family, number = (label.family, label.number) if label else ("reader", None)
        return Cue(family, number, text, 1, level=block.level)
    if (
        block.kind == "table_row"
        or is_bullet(block)
        or block.style in (INDENTED, FOOTNOTE)
        or not text
    ):
        return None
    if label is not None:
        return _numbered_cue(blocks, position, label, text)
    return _unnumbered_cue(blocks, position, block, text)


def _numbered_cue(blocks: Sequence[Block], position: int, label: Label, text: str) -> Cue | None:
    limit = STRONG_LIMIT if label.strong else WEAK_LIMIT
    extent = 1
    if not label.title:  # "PANEL 6", "4.", "VI." alone: the next line is the title
        following = _continuation(blocks, position + 1)
        if following is None or title_grade(following, limit) != 2:
            return None
        text, extent = f"{text} {following}", 2
        grade = 2
    else:
        grade = title_grade(label.title, limit)
        if grade == 0:
            return None
    text, extent = _joined(blocks, position, text, extent)
    return Cue(label.family, label.number, text, extent, relaxed=grade == 1)


def _unnumbered_cue(blocks: Sequence[Block], position: int, block: Block, text: str) -> Cue | None:
    family = ""
    part = False
    if (match := _PART.match(text)) and len(text) - match.end() <= _PART_REST_LIMIT:
        family, part, limit = "part", True, KEYWORD_LIMIT
    elif _ACTOR.match(text):
        family, limit = "actor", ACTOR_LIMIT
    elif _MEETING.match(text):
        family, limit = "meeting", KEYWORD_LIMIT
    elif (match := _SUBSECTION.match(text)) and _reads_as_subsection(text, match.end()):
        family, limit = "subsection", KEYWORD_LIMIT
    elif _is_caps_heading(text):
        family, limit = "caps", CAPS_LIMIT
    elif block.bold:
        family, limit = "bold", WEAK_LIMIT
    if not family or title_grade(text, limit) != 2:
        return None
    text, extent = _joined(blocks, position, text, 1)
    return Cue(family, None, text, extent, part=part)


def is_date_line(text: str) -> bool:
    """Whether `text` is a date alone, as a calendar gives it ("OCTOBER 20, 2016", "mayo de
    2017"): never a heading, nor a title."""
    return _DATE_LINE.fullmatch(text.strip(" .,:")) is not None


def has_document_symbol(text: str) -> bool:
    """Whether `text` holds a document's symbol ("AG/RES. 2883", "OEA/Ser.W")."""
    return _SYMBOL.search(text) is not None


def _reads_as_subsection(text: str, end: int) -> bool:
    """Whether a line starting with a subsection's phrase is its heading ("Proposals for
    2009") and not a sentence ("PROPOSALS, some for which …": a comma after the phrase, or a
    word in capitals leading lowercase words)."""
    if text[end : end + 1] == ",":
        return False
    first = text.split(maxsplit=1)[0]
    return is_caps(text) or not (len(first) > 1 and first.isupper())


def _is_caps_heading(text: str) -> bool:
    if not is_caps(text) or len(text) > CAPS_LIMIT or text[0] in "[(":
        return False
    if has_document_symbol(text) or is_date_line(text):
        return False
    # Two words at least ("2008 ACTIVITIES"), or one that introduces what follows ("FUNCTIONS:").
    return len(text.split()) >= 2 or text.endswith(":")


def _continuation(blocks: Sequence[Block], position: int) -> str | None:
    """The text of the block at `position` if it can complete a heading: running text of one
    line, with no label of its own."""
    if position >= len(blocks):
        return None
    block = blocks[position]
    if block.kind != "paragraph" or block.list_label or block.style == FOOTNOTE:
        return None
    text = " ".join(block.text.split())
    if not text or _LABEL.match(text):
        return None
    return text


def _joined(blocks: Sequence[Block], position: int, text: str, extent: int) -> tuple[str, int]:
    """`text` with the following lines that continue its phrase ("… MIGRANTS" / "AND THE …")."""
    while True:
        following = _continuation(blocks, position + extent)
        if following is None or is_caps(following) != is_caps(text):
            return text, extent
        if not (ends_phrase_open(text) or starts_with_connector(following)):
            return text, extent
        if text.endswith(":") or len(following) > CAPS_LIMIT or following[-1] in ".,;":
            return text, extent
        text, extent = f"{text} {following}", extent + 1
