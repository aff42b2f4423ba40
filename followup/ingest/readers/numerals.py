"""A list counter shown the way a document's numbering says: 3, c, C, iii, III."""

_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


def roman(number: int) -> str:
    if not 0 < number < 4000:
        return str(number)
    digits = []
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        digits.append(letters * count)
    return "".join(digits)


def letter(number: int) -> str:
    """a…z, then aa…zz as Word and LibreOffice count on."""
    if number < 1:
        return str(number)
    return chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)


def numeral(number: int, style: str) -> str:
    """`style` is one of "1", "a", "A", "i", "I" (OpenDocument's and HTML's notation)."""
    if style == "a":
        return letter(number)
    if style == "A":
        return letter(number).upper()
    if style == "i":
        return roman(number)
    if style == "I":
        return roman(number).upper()
    return str(number)
