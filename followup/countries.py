"""Countries by ISO 3166-1 alpha-3 code, the only way countries are written in data and APIs.

Names come from pycountry (the ISO data and its translations), shortened to the common name
where ISO has one ("Bolivia", not "Bolivia, Plurinational State of").
"""

import gettext
from functools import cache

import pycountry
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from followup.i18n import collation_key, current_content_language


class CountryError(ValidationError):
    pass


@cache
def _translation(language: str) -> gettext.NullTranslations:
    if language == "en":
        return gettext.NullTranslations()
    return gettext.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True
    )


def normalize_code(code: str) -> str:
    """The code in upper case if it is an ISO 3166-1 alpha-3 code; CountryError otherwise."""
    cleaned = code.strip().upper()
    if (
        len(cleaned) != 3
        or not cleaned.isalpha()
        or pycountry.countries.get(alpha_3=cleaned) is None
    ):
        raise CountryError(
            _("“%(code)s” is not an ISO 3166-1 alpha-3 country code (such as MEX or CAN).")
            % {"code": code.strip()},
            code="unknown_country",
        )
    return cleaned


def country_name(code: str, language: str | None = None) -> str:
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return code
    name = getattr(country, "common_name", None) or country.name
    return _translation(language or current_content_language()).gettext(name)


def country_choices(language: str | None = None) -> list[tuple[str, str]]:
    """(code, name) for every country, sorted by name in the given language."""
    choices = [(c.alpha_3, country_name(c.alpha_3, language)) for c in pycountry.countries]
    return sorted(choices, key=lambda choice: collation_key(choice[1]))
