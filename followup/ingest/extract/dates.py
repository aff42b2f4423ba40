"""Dates and date ranges in English and Spanish text, as ISO partial dates.

A mention keeps the precision the text gives: "May 19, 2019" is `2019-05-19`, "October 2016"
is `2016-10`, "in 2008" is `2008` (see `followup.dates`). A range ("May 19–24, 2019",
"del 19 al 24 de mayo de 2019", "2015–2016") is one mention with an `end`.

A bare four-digit number is taken as a year only where the words around it say so ("in 2008",
"desde 2006", "(2017)"), because reports are full of numbers that are not years: resolution
numbers, figures, the session years inside mandate symbols (which are skipped entirely).
"""

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache

from followup.ingest.extract.mandates import mandate_spans
from followup.ingest.extract.masks import overlaps, url_spans

ENGLISH_MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
}
ENGLISH_ABBREVIATIONS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
SPANISH_MONTHS = {
    "enero": 1,
    "febrero": 2,
    "marzo": 3,
    "abril": 4,
    "mayo": 5,
    "junio": 6,
    "julio": 7,
    "agosto": 8,
    "septiembre": 9,
    "setiembre": 9,
    "octubre": 10,
    "noviembre": 11,
    "diciembre": 12,
}
# Years taken alone, with the words that make a number a year.
PLAIN_YEARS = (1950, 2100)
# Full dates reach back further: a report may cite when a convention entered into force.
FULL_DATE_YEARS = (1900, 2100)
_ENGLISH_CONTEXT = (
    r"in|since|during|by|until|till|before|after|from|of|for|through|throughout|"
    r"between|early|late|around|circa|as\s+of|end\s+of|beginning\s+of"
)
_SPANISH_CONTEXT = (
    r"en|desde|durante|hasta|antes\s+de|despu[eé]s\s+de|de|del|para|entre|hacia|"
    r"a\s+partir\s+de|a\s+fines\s+de|a\s+finales\s+de|a\s+principios\s+de|a\s+mediados\s+de"
)
_UNDETERMINED = re.compile(
    r"\b(?:to\s+be\s+(?:determined|confirmed|defined)|tbd|tbc|por\s+(?:determinar|"
    r"definir|confirmar)|a\s+(?:determinar|definir|confirmar))\b",
    re.IGNORECASE,
)

_YEAR = r"(?:19\d\d|20\d\d|2100)(?!\d|[.,]\d)"
_DAY = r"[0-3]?\d(?!\d)"
_ORDINAL = r"(?:st|nd|rd|th|º|°|\.º)?"
_TO = r"\s*(?:[-–—]|\s(?:to|through|until|till|and)\s)\s*"
_AL = r"\s*(?:[-–—]|\s(?:al|a|y|hasta)\s)\s*(?:el\s+)?"
_DE = r"\s+(?:de(?:l)?\s+)?"
_RANGE_GAP = re.compile(r"\s*(?:[-–—]|to|through|until|till|al|a|hasta)\s*", re.IGNORECASE)
_BETWEEN_GAP = re.compile(r"\s+(?:and|y)\s+", re.IGNORECASE)
_BETWEEN = re.compile(r"(?:between|entre)\s+(?:el\s+)?$", re.IGNORECASE)
_SPACE = re.compile(r"\s+")
_FOUR_DIGITS = re.compile(r"\d{4}")
# A number followed by a plural noun counts things: "more than 2000 people", "de 2000 personas".
_COUNTED = re.compile(
    r"\s+(?!(?:as|is|was|has|its|his|this|thus|los|las|sus|les|más|pues)\b)"
    r"[a-záéíóúñ]+s\b|\s+(?:people|children|men|women)\b"
)


@dataclass(frozen=True)
class DateMention:
    start: str  # ISO partial date: "2019-05-19", "2019-05" or "2019"
    end: str | None  # the end of a range, None for a single date
    text: str
    span: tuple[int, int]


# A rule turns one match into mentions: (first, last) characters, start, end.
_Found = tuple[int, int, str, str | None]
_Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], Iterator[_Found]]]


def find_dates(text: str, language: str) -> list[DateMention]:
    """Dates and ranges in order. `language` ("en", "es") picks the month names; any other
    value reads both."""
    if not _FOUR_DIGITS.search(text):
        return []  # every date this module reads has a four-digit year
    candidates: list[_Found] = []
    for pattern, rule in _rules(language):
        for match in pattern.finditer(text):
            candidates.extend(rule(match))
    skipped = mandate_spans(text) + url_spans(text)
    chosen: list[_Found] = []
    # The earliest, then the longest, wins where candidates overlap.
    for found in sorted(candidates, key=lambda item: (item[0], item[0] - item[1])):
        if chosen and found[0] < chosen[-1][1]:
            continue
        if overlaps(skipped, found[0], found[1]):
            continue
        chosen.append(found)
    return [
        DateMention(start, end, text[first:last], (first, last))
        for first, last, start, end in _join_ranges(text, chosen)
    ]


def parse_calendar_date(text: str) -> tuple[str | None, str]:
    """The date of a work plan's calendar cell and the cell's text as written (spaces
    normalized): "OCTOBER 20, 2016" → "2016-10-20", "DECEMBER 2016" → "2016-12", and None
    for "Date to be determined" or a cell with no date. A range gives its start."""
    written = _SPACE.sub(" ", text).strip()
    for language in ("en", "es"):
        mentions = find_dates(written, language)
        if mentions:
            return mentions[0].start, written
    alone = re.fullmatch(r"\s*(" + _YEAR + r")\s*", written)
    if alone and not _UNDETERMINED.search(written):
        return alone.group(1), written
    return None, written


def _join_ranges(text: str, found: list[_Found]) -> list[_Found]:
    """Two dates joined by "to", a dash or "al" ("March 2008-September 2011"), or by "and"
    after "between", are one range."""
    joined: list[_Found] = []
    for item in found:
        if joined:
            first, last, start, end = joined[-1]
            gap = text[last : item[0]]
            is_range = _RANGE_GAP.fullmatch(gap) or (
                _BETWEEN_GAP.fullmatch(gap) and _BETWEEN.search(text[:first])
            )
            if is_range and end is None and item[3] is None and start < item[2]:
                joined[-1] = (first, item[1], start, item[2])
                continue
        joined.append(item)
    return joined


def _month_pattern(language: str) -> str:
    """English names capitalized as English writes them ("may" is a verb, "Mar" starts "Mar
    del Plata" but never precedes a day or a year); Spanish names in any case, since Spanish
    writes months in lower case."""
    names: list[str] = []
    if language != "es":
        for name in ENGLISH_MONTHS:
            names += [name.capitalize(), name.upper()]
        for name in ENGLISH_ABBREVIATIONS:
            names += [name.capitalize() + r"\.?", name.upper() + r"\.?"]
    if language != "en":
        names += [f"(?i:{name})" for name in SPANISH_MONTHS]
    names.sort(key=len, reverse=True)
    return r"(?<!\w)(?:" + "|".join(names) + r")(?![\w/])"


def _month(match: re.Match[str], group: str) -> int:
    name = match.group(group).lower().rstrip(".")
    return (ENGLISH_MONTHS | ENGLISH_ABBREVIATIONS | SPANISH_MONTHS)[name]


def _day(match: re.Match[str], group: str) -> int:
    return int(match.group(group))


def _iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    """The ISO text of a real date in range, None for "February 30" or a year out of range."""
    low, high = FULL_DATE_YEARS if month else PLAIN_YEARS
    if not low <= year <= high:
        return None
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        date(year, month, day)
    except ValueError:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _date(match: re.Match[str]) -> Iterator[_Found]:
    """A day or a month, or a range of days within a month or across two ("May 30 to June 2,
    2019"), from groups y, m or mo, d, and d2 and m2 for a range's end."""
    groups = match.groupdict()
    year = int(groups["y"])
    month = int(groups["mo"]) if groups.get("mo") else _month(match, "m")
    day = _day(match, "d") if groups.get("d") else None
    start = _iso(year, month, day)
    end = None
    if groups.get("d2"):
        end_month = _month(match, "m2") if groups.get("m2") else month
        end = _iso(year, end_month, _day(match, "d2"))
        if end is None or start is None or end <= start:
            return
    if start:
        yield match.start(), match.end(), start, end


def _year_range(match: re.Match[str]) -> Iterator[_Found]:
    start = int(match.group("y"))
    if match.group("y2"):
        end = int(match.group("y2"))
    else:  # "2016-17"
        end = start // 100 * 100 + int(match.group("yy"))
    first, last = _iso(start), _iso(end)
    if first and last and start < end <= start + 100:
        yield match.start("y"), match.end(), first, last


def _context_years(match: re.Match[str]) -> Iterator[_Found]:
    """Each year of "in 2009 and 2010" or "(2007 and 2008)" on its own; not a count of
    things ("de 2000 personas")."""
    if _COUNTED.match(match.string, match.end()):
        return
    offset = match.start("chain")
    for year in re.finditer(_YEAR, match.group("chain")):
        iso = _iso(int(year.group()))
        if iso:
            yield offset + year.start(), offset + year.end(), iso, None


def _between_years(match: re.Match[str]) -> Iterator[_Found]:
    first, last = _iso(int(match.group("y"))), _iso(int(match.group("y2")))
    if first and last and first < last:
        yield match.start("y"), match.end(), first, last


@cache
def _rules(language: str) -> list[_Rule]:
    key = language if language in ("en", "es") else ""
    month = _month_pattern(key)
    y, y2 = f"(?P<y>{_YEAR})", f"(?P<y2>{_YEAR})"
    d, d2 = f"(?P<d>{_DAY}){_ORDINAL}", f"(?P<d2>{_DAY}){_ORDINAL}"
    m, m0, m2 = f"(?P<m>{month})", f"(?P<m0>{month})", f"(?P<m2>{month})"
    before = r"(?<![\w.,/-])"
    chain = rf"(?P<chain>{_YEAR}(?:(?:\s*,\s*|\s+(?:and|or|y|e|o)\s+){_YEAR})*)"
    context = {"en": _ENGLISH_CONTEXT, "es": _SPANISH_CONTEXT}.get(
        key, f"{_ENGLISH_CONTEXT}|{_SPANISH_CONTEXT}"
    )
    rules: list[tuple[str, Callable[[re.Match[str]], Iterator[_Found]]]] = [
        # 2019-05-19, 2019/05/19
        (rf"{before}{y}(?P<sep>[-/.])(?P<mo>[01]?\d)(?P=sep)(?P<d>{_DAY})", _date),
        # 19/05/2019: day first, as both languages of the Americas' reports write it
        (rf"{before}(?P<d>{_DAY})(?P<sep>[/.-])(?P<mo>[01]?\d)(?P=sep){y}", _date),
        # 2015-2016, 2015–2016, 2016-17, 2019/2020
        (rf"{before}{y}\s*(?:[-–—]|/)\s*(?:{y2}|(?P<yy>\d\d)(?![\d/]))", _year_range),
        # between 2014 and 2018, from 2010 to 2011, entre 2014 y 2018, desde 2010 hasta 2011
        (
            rf"(?i:\b(?:between|from|entre|desde|de)\s+){y}"
            rf"(?i:\s+(?:and|to|through|until|y|a|al|hasta)\s+){y2}",
            _between_years,
        ),
        # in 2008, since 2006, with the exception of 2009 and 2010, en el año 2017, mid-2006;
        # not "of the 2030 Agenda", where the year names something
        (
            rf"(?i:\b(?:{context})\s+(?:the\s+year\s+|el\s+(?:año\s+)?|year\s+|año\s+|mid-)?"
            rf"|\bmid-){chain}",
            _context_years,
        ),
        # (2017), (2007 and 2008)
        (rf"\(\s*{chain}\s*\)", _context_years),
    ]
    if key != "es":
        rules += [
            # May 19–24, 2019; May 30 to June 2, 2019; February 24 and 25, 2009
            (rf"{m}\s+{d}(?i:{_TO})(?:{m2}\s+)?{d2},?\s+{y}", _date),
            # 19–24 May 2019; from 19 to 24 May 2019; 30 May to 2 June 2019
            (rf"{before}{d}(?:\s+{m0})?(?i:{_TO}){d2}\s+{m2},?\s+{y}", _day_first_range),
            # January-December 2008
            (rf"{m}(?i:{_TO}){m2},?\s+{y}", _month_range),
            # May 19, 2019; OCTOBER 20, 2016
            (rf"{m}\s+{d},?\s+{y}", _date),
            # 19 May 2019; 19th of May, 2019
            (rf"{before}{d}\s+(?:of\s+)?{m},?\s+{y}", _date),
            # October 2016; May of 2017
            (rf"{m},?\s+(?:of\s+)?{y}", _date),
        ]
    if key != "en":
        rules += [
            # del 19 al 24 de mayo de 2019; 30 de mayo al 2 de junio de 2019; 19 y 20 de mayo
            (
                rf"{before}{d}(?:\s+de\s+{m0})?(?i:{_AL}){d2}\s+de\s+{m2}(?i:{_DE}){y}",
                _day_first_range,
            ),
            # de enero a diciembre de 2008
            (rf"{m}(?i:\s+(?:a|al|hasta)\s+){m2}(?i:{_DE}){y}", _month_range),
            # 19 de mayo de 2019; 1º de mayo del 2019; 19 mayo 2019
            (rf"{before}{d}(?i:\s+(?:de\s+)?){m}(?i:{_DE}){y}", _date),
            # octubre de 2016; OCTUBRE 2016
            (rf"{m}(?i:{_DE}){y}", _date),
        ]
    return [(re.compile(pattern), rule) for pattern, rule in rules]


def _day_first_range(match: re.Match[str]) -> Iterator[_Found]:
    year = int(match.group("y"))
    end_month = _month(match, "m2")
    start_month = _month(match, "m0") if match.group("m0") else end_month
    start = _iso(year, start_month, _day(match, "d"))
    end = _iso(year, end_month, _day(match, "d2"))
    if start and end and start < end:
        yield match.start(), match.end(), start, end


def _month_range(match: re.Match[str]) -> Iterator[_Found]:
    year = int(match.group("y"))
    start, end = _iso(year, _month(match, "m")), _iso(year, _month(match, "m2"))
    if start and end and start < end:
        yield match.start(), match.end(), start, end
