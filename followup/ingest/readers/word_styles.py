"""What a Word document's styles.xml and numbering.xml say about its paragraphs.

Styles give names, heading levels (outline levels or the name) and bold; numbering gives
list labels. Word counts each list instance (`w:num`) on its own, restarting deeper levels
when a shallower one advances; that is what `Numbering.label` reproduces.
"""

import re
from dataclasses import dataclass, field
from typing import Any

from followup.ingest.readers.labels import BULLET
from followup.ingest.readers.numerals import numeral

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def w(name: str) -> str:
    return f"{{{W}}}{name}"


VAL = w("val")
_FALSE = frozenset({"0", "false", "off"})
_MAX_CHAIN = 20  # basedOn chains are short; a longer one is a loop
_WORD_FORMATS = {
    "decimal": "1",
    "decimalZero": "1",
    "lowerLetter": "a",
    "upperLetter": "A",
    "lowerRoman": "i",
    "upperRoman": "I",
}
_PLACEHOLDER = re.compile(r"%([1-9])")


def toggle(element: Any) -> bool | None:
    """A `w:b`-like property: True, False, or None when absent."""
    if element is None:
        return None
    return element.get(VAL, "true").casefold() not in _FALSE


def value_of(parent: Any, name: str, default: str = "") -> str:
    """The `w:val` of `parent`'s child `w:<name>`, or `default` when there is none."""
    child = parent.find(w(name))
    return default if child is None else child.get(VAL, default)


def integer(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def numbering_of(properties: Any) -> tuple[str, int] | None:
    """(numId, level) of a `w:pPr`'s `w:numPr`; ("0", …) means numbering switched off."""
    if properties is None:
        return None
    num_pr = properties.find(w("numPr"))
    if num_pr is None:
        return None
    num_id = value_of(num_pr, "numId")
    if not num_id:
        return None
    level = integer(value_of(num_pr, "ilvl", "0")) or 0
    return num_id, min(max(level, 0), 8)


@dataclass(frozen=True)
class Style:
    name: str
    based_on: str = ""
    outline: int | None = None
    numbering: tuple[str, int] | None = None
    bold: bool | None = None


@dataclass
class Styles:
    paragraph: dict[str, Style] = field(default_factory=dict)
    character: dict[str, Style] = field(default_factory=dict)
    default_paragraph: str = ""

    def chain(self, style_id: str) -> list[Style]:
        """The style and those it is based on, nearest first."""
        found: list[Style] = []
        current = style_id or self.default_paragraph
        while current and len(found) < _MAX_CHAIN:
            style = self.paragraph.get(current)
            if style is None:
                break
            found.append(style)
            current = style.based_on
        return found

    def character_bold(self, style_id: str) -> bool | None:
        style = self.character.get(style_id)
        return style.bold if style else None


def read_styles(root: Any) -> Styles:
    styles = Styles()
    for element in root.iterfind(w("style")):
        style_id = element.get(w("styleId"), "")
        kind = element.get(w("type"), "paragraph")
        properties = element.find(w("pPr"))
        outline = None
        if properties is not None:
            outline = integer(value_of(properties, "outlineLvl", "") or None)
        run = element.find(w("rPr"))
        name = value_of(element, "name", style_id)
        style = Style(
            # Word stores its built-in names in lowercase ("heading 1") and shows them
            # capitalized, as custom names are written.
            name=name[:1].upper() + name[1:] if name.islower() else name,
            based_on=value_of(element, "basedOn"),
            outline=outline,
            numbering=numbering_of(properties),
            bold=toggle(run.find(w("b"))) if run is not None else None,
        )
        if kind == "paragraph":
            styles.paragraph[style_id] = style
            if element.get(w("default"), "").casefold() in ("1", "true", "on"):
                styles.default_paragraph = style_id
        elif kind == "character":
            styles.character[style_id] = style
    return styles


@dataclass(frozen=True)
class Level:
    format: str
    text: str
    start: int


@dataclass
class Numbering:
    abstract: dict[str, dict[int, Level]] = field(default_factory=dict)
    instances: dict[str, tuple[str, dict[int, int]]] = field(default_factory=dict)
    counters: dict[str, list[int | None]] = field(default_factory=dict)

    def label(self, num_id: str, level: int) -> str:
        """The label of the next paragraph numbered (`num_id`, `level`): "a.", "1.2.", "•"."""
        instance = self.instances.get(num_id)
        if instance is None:
            return ""
        abstract_id, starts = instance
        levels = self.abstract.get(abstract_id, {})
        definition = levels.get(level)
        if definition is None:
            return ""
        counts = self.counters.setdefault(num_id, [None] * 9)
        current = counts[level]
        counts[level] = starts.get(level, definition.start) if current is None else current + 1
        for deeper in range(level + 1, 9):
            counts[deeper] = None
        if definition.format == "bullet":
            return BULLET
        if definition.format == "none":
            return ""

        def shown(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            other = levels.get(index)
            if other is None:
                return ""
            value = counts[index]
            if value is None:
                value = starts.get(index, other.start)
            return numeral(value, _WORD_FORMATS.get(other.format, "1"))

        return _PLACEHOLDER.sub(shown, definition.text).strip()


def read_numbering(root: Any) -> Numbering:
    numbering = Numbering()
    for abstract in root.iterfind(w("abstractNum")):
        levels = {}
        for level in abstract.iterfind(w("lvl")):
            index = integer(level.get(w("ilvl")))
            if index is None or not 0 <= index <= 8:
                continue
            levels[index] = _level(level)
        numbering.abstract[abstract.get(w("abstractNumId"), "")] = levels
    for instance in root.iterfind(w("num")):
        abstract_id = instance.find(w("abstractNumId"))
        starts = {}
        for override in instance.iterfind(w("lvlOverride")):
            index = integer(override.get(w("ilvl")))
            start = override.find(w("startOverride"))
            if (
                index is not None
                and start is not None
                and (value := integer(start.get(VAL))) is not None
            ):
                starts[index] = value
        numbering.instances[instance.get(w("numId"), "")] = (
            abstract_id.get(VAL, "") if abstract_id is not None else "",
            starts,
        )
    return numbering


def _level(element: Any) -> Level:
    return Level(
        format=value_of(element, "numFmt", "decimal"),
        text=value_of(element, "lvlText"),
        start=integer(value_of(element, "start", "1")) or 1,
    )
