"""Figures in English and Spanish text: a number and what it counts.

"70 professionals trained" is (70, "professionals trained"), "61 million" is 61000000, "3% of
the world's population" is (3, "% of the world's population"), "five meetings" is
(5, "meetings"), "US$ 1.5 million" is (1500000, "US$"). `what` is the short noun phrase after
the number; when the number ends its clause ("…reaching 61 million.") it is taken from
"the number of …" earlier in the sentence.

Reports are full of numbers that count nothing: years and dates, resolution numbers and the
session years inside mandate symbols, list labels ("1.", "(2)"), article and paragraph
numbers ("Article 58", "paragraphs 18 to 22"), names ("Working Group 2", "COVID-19"). Those
are skipped. "One" is skipped too: in both languages it is far more often an article or a
pronoun ("one of the aims", "una reunión") than a count.
"""

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from followup.ingest.extract.dates import find_dates
from followup.ingest.extract.mandates import mandate_spans
from followup.ingest.extract.masks import overlaps, url_spans

ENGLISH_NUMBERS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
}
SPANISH_NUMBERS = {
    "dos": 2,
    "tres": 3,
    "cuatro": 4,
    "cinco": 5,
    "seis": 6,
    "siete": 7,
    "ocho": 8,
    "nueve": 9,
    "diez": 10,
    "once": 11,
    "doce": 12,
    "trece": 13,
    "catorce": 14,
    "quince": 15,
    "dieciséis": 16,
    "dieciseis": 16,
    "diecisiete": 17,
    "dieciocho": 18,
    "diecinueve": 19,
    "veinte": 20,
}
SCALES = {
    "hundred": 10**2,
    "thousand": 10**3,
    "million": 10**6,
    "millions": 10**6,
    "billion": 10**9,
    "billions": 10**9,
    "trillion": 10**12,
    "mil": 10**3,
    "millón": 10**6,
    "millon": 10**6,
    "millones": 10**6,
    "mil millones": 10**9,
    "miles de millones": 10**9,
    "billón": 10**12,
    "billones": 10**12,
}


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


MAX_WHAT_WORDS = 6  # the head noun phrase: "labor ministry officials", not the clause

# Words that end the noun phrase after a number: function words and the verbs that follow a
# subject ("70 professionals received training" counts professionals).
_STOP_WORDS = _words(
    """
    of in on at for to from with by and or but as that which who whom whose where when while
    were was is are be been being have has had will would can could should may might must
    shall do does did the a an its their his her this these those than per about into over
    under between among within during including such so not also received participated
    attended took held made through across worldwide abroad annually respectively each
    currently mainly mostly only already still directly recently primarily particularly
    especially approximately actualmente principalmente
    i.e. e.g. etc according up out there here it they them we
    de del en a al con para por y e o u ni que cual cuales quien quienes cuyo cuya donde
    cuando fueron fue son es ser sido han ha había habían será serán el la los las lo un una
    unos unas sus su este esta estos estas ese esa esos esas se como entre sobre durante
    desde hasta más menos recibieron participaron según sin también
    """
)
# Words that may stand before a number without making it a label ("Over 100 organizations").
_NOT_LABELS = _words(
    """
    in on at for of by from with to during over about some nearly almost approximately around
    more less only just total roughly up under between since until another the these those
    all its their our and or some another every each
    al más menos cerca unos unas casi aproximadamente alrededor solo sólo entre desde hasta
    en con para por de del los las el la sus estos estas otros otras hay y o
    """
)
# Words after which a number is a reference, not a count; "paragraphs 18 to 22" names two.
_REFERENCE = re.compile(
    r"(?i:\b(?:paragraphs?|p[aá]rrafos?|articles?|art[ií]culos?|art\.|resolutions?|"
    r"resoluci[oó]n|resoluciones|res\.|dec\.|decisions?|decisi[oó]n|no\.|n[º°]\.?|núm\.|"
    r"numbers?|n[uú]meros?|rev\.|doc\.|pages?|p[aá]ginas?|pp?\.|chapters?|cap[ií]tulos?|"
    r"sections?|secci[oó]n|annex(?:es)?|anexos?|items?|incisos?|numerales?|"
    r"grupos?|panels?|paneles|objectives?|objetivos?|goals?|metas?|sessions?|"
    r"sesi[oó]n|phases?|fases?|stages?|etapas?|editions?|edici[oó]n|versions?|versi[oó]n|"
    r"volumes?|vol\.|steps?|pasos?|tables?|tablas?|figures?|figuras?|cuadros?|boxes|"
    r"recuadros?|principles?|principios?|laws?|ley|decrees?|decretos?|groups?|"
    r"recommendations?|recomendaci[oó]n|recomendaciones|operative)\s*)$"
)
_CHAIN = re.compile(r"\s*(?:to|and|or|through|,|-|–|y|e|o|u|al|a)\s*", re.IGNORECASE)
_LABEL = re.compile(
    r"(?:^|\n|\|)[ \t]*(?:\(?\d{1,3}[.)](?!\d)[ \t]*)+|\(\d{1,3}\)|(?<![\w.(])\d{1,3}\)"
)
_CAPITALIZED_BEFORE = re.compile(r"(?<![\w’'])([A-Z][\w’'-]*)\s+$")
_QUANTITY_BEFORE = re.compile(
    r"(?i:\b(?:over|more\s+than|some|about|nearly|almost|approximately|around|at\s+least|"
    r"total\s+of|up\s+to|más\s+de|cerca\s+de|unos|unas|alrededor\s+de|casi|aproximadamente|"
    r"al\s+menos|total\s+de|hasta)\s+)$"
)
_RATIO_BEFORE = re.compile(r"(?i:\b(?:one|uno|una)\s+(?:in|out\s+of|de\s+cada)\s+)$")
_MULTIPLIERS = frozenset({"times", "veces", "fold"})
_WORD = re.compile(r"[^\W\d_][\w’'.-]*")
_SPACES = re.compile(r"[ \t\u00a0]+")
_GERUND = re.compile(r"\w{3,}(?:ing|ando|iendo)$")
_PARTICIPLE = re.compile(r"\w{3,}(?:ed|ados|idos|adas|idas)$")
_PLURAL = re.compile(r"\w{2,}s$")
_PRETERITE = re.compile(r"\w{3,}ó$")
_SENTENCE_ENDS = (". ", "; ", ": ", "! ", "? ")


@dataclass(frozen=True)
class FigureMention:
    value: int | float
    what: str  # what the number counts: "professionals trained", "% of the population"
    text: str
    span: tuple[int, int]


def find_figures(text: str, language: str) -> list[FigureMention]:
    """Numbers that count something, in order. `language` ("en", "es") decides which mark
    separates thousands ("2,000" or "2.000") and which number words are read."""
    skipped = (
        [mention.span for mention in find_dates(text, language)]
        + mandate_spans(text)
        + url_spans(text)
        + [match.span() for match in _LABEL.finditer(text)]
    )
    found: list[FigureMention] = []
    reference_end = -1
    for match in _pattern(language).finditer(text):
        start, end = match.span()
        before = text[max(0, start - 40) : start]
        if _REFERENCE.search(before) or (
            reference_end >= 0 and _CHAIN.fullmatch(text[reference_end:start])
        ):
            reference_end = end
            continue
        if overlaps(skipped, match.start(), match.end()) or _is_label(match, before):
            continue
        figure = _figure(text, match, language)
        if figure is not None:
            found.append(figure)
    return found


def _is_label(match: re.Match[str], before: str) -> bool:
    if match.group("word"):
        return bool(_RATIO_BEFORE.search(before))
    capitalized = _CAPITALIZED_BEFORE.search(before)
    if capitalized and capitalized.group(1).lower() not in _NOT_LABELS:
        return True  # "Working Group 2", "PANEL 1", "Agenda 2030"
    digits = match.group("digits")
    plain = not (match.group("currency") or match.group("scale") or match.group("percent"))
    # A bare year-like number is a year ("the 1963 Vienna Convention") unless the words
    # before it make it a quantity ("over 2000 people").
    return (
        plain
        and re.fullmatch(r"(?:19|20)\d\d|2100", digits) is not None
        and not _QUANTITY_BEFORE.search(before)
    )


def _figure(text: str, match: re.Match[str], language: str) -> FigureMention | None:
    value = _value(match, language)
    after = match.end()
    currency = match.group("currency")
    if match.group("percent"):
        phrase = _phrase_after_of(text, after, language, keep_of=True)
        what = "%" + (" " + phrase if phrase else "")
    else:
        phrase = _phrase_after_of(text, after, language, keep_of=False) or _noun_phrase(text, after)
        if phrase.split(" ")[0].lower() in _MULTIPLIERS:
            return None
        what = (currency.replace(" ", "") if currency else "") or phrase
        if not what and match.group("scale"):
            what = _counted_earlier(text, match.start(), language)
    if not what:
        return None
    return FigureMention(value, what, match.group().strip(), match.span())


def _value(match: re.Match[str], language: str) -> int | float:
    if match.group("word"):
        number = Decimal((ENGLISH_NUMBERS | SPANISH_NUMBERS)[match.group("word").lower()])
    else:
        number = _decimal(match.group("digits"), language)
    scale = match.group("scale")
    if scale:
        number *= SCALES[re.sub(r"\s+", " ", scale.lower())]
    return int(number) if number == number.to_integral_value() else float(number)


def _decimal(digits: str, language: str) -> Decimal:
    if language == "es":
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", digits):
            digits = digits.replace(".", "")
        return Decimal(digits.replace(",", "."))
    return Decimal(digits.replace(",", ""))


def _phrase_after_of(text: str, position: int, language: str, *, keep_of: bool) -> str:
    """The noun phrase after "of": a count of "28 of its indicators" counts indicators, and a
    share keeps its "of the" ("3% of the population")."""
    of = _OF[language if language == "es" else "en"].match(text, position)
    if not of:
        return ""
    joined = re.sub(r"\s+", " ", of.group().strip())
    # "% of the world's population" stays within MAX_WHAT_WORDS with its "of the".
    limit = MAX_WHAT_WORDS - len(joined.split(" ")) if keep_of else MAX_WHAT_WORDS
    phrase = _noun_phrase(text, of.end(), limit)
    if not phrase:
        return ""
    return joined + " " + phrase if keep_of else phrase


_OF = {
    "en": re.compile(
        r"\s+of\s+(?:(?:the|its|their|these|those|all|his|her|our|all\s+the)\s+)?", re.IGNORECASE
    ),
    "es": re.compile(
        r"\s+de\s+(?:(?:los|las|sus|su|estos|estas|esos|esas|todos\s+los|todas\s+las|la|el)\s+)?",
        re.IGNORECASE,
    ),
}


def _noun_phrase(
    text: str, position: int, limit: int = MAX_WHAT_WORDS, *, verbs: bool = True
) -> str:
    """The words right after a number, up to the first function word or punctuation: a
    participle ends the phrase ("professionals trained") unless `verbs` is false, a gerund
    after a plural stops it ("professionals working in…"), and so does a Spanish preterite
    ("inmigrantes llegó"); "and" joins capitalized words ("Andean and Caribbean citizens")."""
    words: list[str] = []
    while len(words) < limit:
        space = _SPACES.match(text, position)
        if not space and words:
            break
        position = space.end() if space else position
        word = _WORD.match(text, position)
        if not word:
            break
        token = word.group().rstrip(".")
        lower = token.lower()
        if words and (
            (_GERUND.search(lower) and _PLURAL.search(words[-1]))
            or _PRETERITE.search(lower)
            or (not verbs and _PARTICIPLE.search(lower))
        ):
            break
        if lower in _STOP_WORDS and not (
            lower in ("and", "y")
            and words
            and words[-1][:1].isupper()
            and _capitalized_next(text, word.end())
        ):
            break
        words.append(token)
        position = word.start() + len(token)
        if word.group().endswith(".") or (len(words) > 1 and _PARTICIPLE.search(lower)):
            break
    while words and words[-1].lower() in ("and", "y"):
        words.pop()
    return " ".join(words)


def _capitalized_next(text: str, position: int) -> bool:
    space = _SPACES.match(text, position)
    following = _WORD.match(text, space.end()) if space else None
    return bool(following and following.group()[:1].isupper())


def _counted_earlier(text: str, position: int, language: str) -> str:
    """What a figure ending its clause counts, from "the number of immigrants … reaching 61
    million" or "el número de inmigrantes … alcanzó 61 millones" in the same sentence."""
    sentence_start = max(text.rfind(mark, 0, position) for mark in _SENTENCE_ENDS) + 1
    pattern = _COUNT_OF[language if language == "es" else "en"]
    counts = list(pattern.finditer(text, sentence_start, position))
    return _noun_phrase(text, counts[-1].end(), verbs=False) if counts else ""


_COUNT_OF = {
    "en": re.compile(r"(?i:\b(?:number|total|amount|stock)\s+of\s+(?:the\s+)?)"),
    "es": re.compile(r"(?i:\b(?:n[uú]mero|cantidad|total)\s+de\s+(?:los\s+|las\s+)?)"),
}


@cache
def _pattern(language: str) -> re.Pattern[str]:
    if language == "es":
        digits = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?(?!\d)|\d+,\d+|\d+\.\d{1,2}(?!\d)|\d+"
        words = SPANISH_NUMBERS
    elif language == "en":
        digits = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+\.\d+|\d+"
        words = ENGLISH_NUMBERS
    else:
        digits = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+\.\d+|\d+"
        # "once" is English too, and means no number there.
        words = ENGLISH_NUMBERS | {k: v for k, v in SPANISH_NUMBERS.items() if k != "once"}
    scales = sorted(SCALES, key=len, reverse=True)
    return re.compile(
        r"(?<![\w.,/:’'-])"
        r"(?:(?P<currency>US\$|U\.S\.\s?\$|USD|\$|€|EUR|£)\s?)?"
        r"(?P<number>(?P<digits>"
        + digits
        + r")|(?P<word>(?i:"
        + "|".join(sorted(words, key=len, reverse=True))
        + r")))"
        r"(?![\w/’'-]|[.,:]\d)"
        r"(?:\s+(?P<scale>(?i:" + "|".join(s.replace(" ", r"\s+") for s in scales) + r"))\b)?"
        r"(?P<percent>\s?%|\s+per\s?cent\b|\s+por\s+ciento\b)?"
    )
