import pytest
from django.utils import translation

from followup.countries import CountryError
from followup.statistics.areas import area_name, is_region, normalize_area
from followup.statistics.breakdowns import (
    TOTAL,
    BreakdownError,
    breakdown_label,
    normalize_breakdown,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (" mex", "MEX"),
        ("xam", "XAM"),
        ("XWD", "XWD"),
    ],
)
def test_areas_are_countries_or_regions_in_upper_case(text, expected):
    assert normalize_area(text) == expected


def test_an_unknown_area_names_the_code_and_the_regions():
    with pytest.raises(CountryError) as raised:
        normalize_area(" qqq ")
    assert raised.value.messages == [
        "“qqq” is neither an ISO 3166-1 alpha-3 country code (such as MEX or CAN) nor a "
        "region code (XAM, XLC, XWD)."
    ]


def test_region_and_country_names_follow_the_language():
    assert is_region("XAM")
    assert not is_region("MEX")
    assert area_name("XAM") == "The Americas"
    with translation.override("es"):
        assert area_name("XAM") == "Las Américas"
        assert area_name("MEX") == "México"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", TOTAL),
        (" Total ", TOTAL),
        ("todos", TOTAL),
        ("Sex:Female", "sex:female"),
        ("sex:female; age:15-24", "age:15-24;sex:female"),
        ("age:65+", "age:65+"),
        ("origin:ven", "origin:VEN"),
    ],
)
def test_breakdowns_have_one_canonical_form(text, expected):
    assert normalize_breakdown(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "gender:female",
            "“gender:female” is not a breakdown: write dimension:value, with the dimension one "
            "of sex, age, origin (for example sex:female or age:15-24).",
        ),
        (
            "sex",
            "“sex” is not a breakdown: write dimension:value, with the dimension one of sex, "
            "age, origin (for example sex:female or age:15-24).",
        ),
        ("sex:x", "“x” is not a sex in a breakdown: write female or male."),
        ("age:young", "“young” is not an age group: write 15-24 or 65+."),
        # Other digits would make a key apart from "age:15-24".
        ("age:١٥-٢٤", "“١٥-٢٤” is not an age group: write 15-24 or 65+."),
        ("sex:female;sex:male", "The breakdown “sex:female;sex:male” gives sex twice."),
        (
            "origin:QQQ",
            "“QQQ” is not an ISO 3166-1 alpha-3 country code (such as MEX or CAN).",
        ),
    ],
)
def test_bad_breakdowns_name_the_faulty_part(text, message):
    with pytest.raises(BreakdownError) as raised:
        normalize_breakdown(text)
    assert raised.value.messages == [message]


def test_the_breakdown_cache_is_bounded():
    # Pages pass query strings here: any visitor could otherwise grow it without end.
    assert normalize_breakdown.cache_info().maxsize == 4096


def test_breakdown_labels_read_in_the_language_of_the_page():
    assert breakdown_label(TOTAL) == "Total"
    assert breakdown_label("age:15-24;sex:female") == "Age group: 15-24, Sex: female"
    with translation.override("es"):
        assert breakdown_label("origin:VEN;sex:male") == "País de origen: Venezuela, Sexo: hombres"
