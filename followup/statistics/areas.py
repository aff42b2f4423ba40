"""The areas an observation is about: a country by its ISO 3166-1 alpha-3 code, or one of a few
regions for the aggregates the Program's documents state ("61 million immigrants in the
Americas").

Regions take codes from the range ISO 3166-1 leaves to users (XAA–XZZ), so a region can never
collide with a country ISO assigns later, and every area is still written as three letters,
as the API's contract asks (see docs/architecture.md).
"""

from functools import cache

from django.utils.translation import gettext_lazy as _

from followup.countries import CountryError, country_name, normalize_code

REGIONS = {
    "XAM": _("The Americas"),
    "XLC": _("Latin America and the Caribbean"),
    "XWD": _("World"),
}


def is_region(code: str) -> bool:
    return code in REGIONS


@cache
def _normalized(cleaned: str) -> str:
    return cleaned if cleaned in REGIONS else normalize_code(cleaned)


def normalize_area(code: str) -> str:
    """The upper-case code of a country or region; CountryError naming the code otherwise.
    Cached: an import reads the same few codes a million times."""
    cleaned = code.strip().upper()
    try:
        return _normalized(cleaned)
    except CountryError:
        raise CountryError(
            _(
                "“%(code)s” is neither an ISO 3166-1 alpha-3 country code (such as MEX or "
                "CAN) nor a region code (%(regions)s)."
            )
            % {"code": code.strip(), "regions": ", ".join(REGIONS)},
            code="unknown_country",
        ) from None


def area_name(code: str) -> str:
    if code in REGIONS:
        return str(REGIONS[code])
    return country_name(code)
