"""Bilingual content: fields stored once per language, read in the visitor's language.

Content is kept as explicit `<field>_en` / `<field>_es` columns rather than a translation
table: two languages are fixed by the Program, and explicit columns keep queries, admin forms,
exports and the API plain (see docs/architecture.md).
"""

import unicodedata
from typing import Any, overload

from django.utils.translation import get_language

CONTENT_LANGUAGES = ("en", "es")


def current_content_language() -> str:
    language = (get_language() or "en")[:2]
    return language if language in CONTENT_LANGUAGES else "en"


class Localized:
    """Descriptor reading `<name>_<lang>` in the active language, falling back to English.

    Declared on a model as `name = Localized("name")`; English is the fallback because every
    shipped record has it, while a Spanish text may still be pending review.
    """

    def __init__(self, field: str) -> None:
        self.field = field

    @overload
    def __get__(self, instance: None, owner: type[Any]) -> "Localized": ...
    @overload
    def __get__(self, instance: object, owner: type[Any]) -> str: ...
    def __get__(self, instance: object | None, owner: type[Any]) -> "Localized | str":
        if instance is None:
            return self
        value: str = getattr(instance, f"{self.field}_{current_content_language()}", "")
        return value or getattr(instance, f"{self.field}_en", "")


def collation_key(text: str) -> str:
    """Sort key that files accented letters with their base letter ("Él" beside "El"), so
    Spanish lists read in dictionary order without depending on the database's collation."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))
