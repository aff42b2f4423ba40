"""Mandate symbols cited in a text, with where each is and whether it is a resolution or a
declaration; the parsing itself is `program.symbols`, the one authority on symbols."""

from dataclasses import dataclass

from followup.program.symbols import MandateSymbol, find_symbol_spans


@dataclass(frozen=True)
class MandateMention:
    symbol: str  # canonical: "AG/RES. 2883 (XLVI-O/16)"
    kind: str  # "resolution" or "declaration"
    mandate: MandateSymbol
    text: str  # as written: "AG/RES. 2816 (XLIV-OR/14)"
    span: tuple[int, int]


def find_mandates(text: str) -> list[MandateMention]:
    """Every well-formed symbol in order, repeats included (each is a place it is cited)."""
    return [
        MandateMention(
            symbol=symbol.canonical,
            kind="declaration" if symbol.is_declaration else "resolution",
            mandate=symbol,
            text=text[start:end],
            span=(start, end),
        )
        for symbol, start, end in find_symbol_spans(text)
    ]


def mandate_spans(text: str) -> list[tuple[int, int]]:
    """Where symbols are, so dates and figures skip their numbers and session years."""
    return [(start, end) for _, start, end in find_symbol_spans(text)]
