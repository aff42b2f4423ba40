import pytest
from django.utils import translation

from followup.publishing.document import NothingToCompile, build_annual_report, describe_dates
from followup.reporting.tests.factories import CycleFactory

pytestmark = pytest.mark.django_db


def test_sections_follow_the_programs_order_of_actors(compiled_cycle):
    report = build_annual_report(compiled_cycle, language="en")

    # OAS organs first, in the order of their activities in the Program (the IACHR has some,
    # the DPS none), then specialized organizations; drafts and submitted reports are left out.
    assert [s.slug for s in report.sections] == ["iachr", "dps", "iin"]
    assert [s.number for s in report.sections] == [1, 2, 3]


def test_carried_out_entries_are_grouped_by_activity_then_theme(compiled_cycle):
    report = build_annual_report(compiled_cycle, language="en")

    iachr, dps, iin = report.sections
    assert [g.heading.split(".")[0] for g in iachr.carried_out] == ["IACHR b", "IACHR e"]
    assert [g.heading for g in dps.carried_out] == ["Trafficking in persons and migrant smuggling"]
    assert [g.heading for g in iin.carried_out][-1] == "Other activities"
    assert [e.title for e in iachr.planned] == ["Report on forced migration"]
    assert [e.title for e in iachr.best_practices] == ["Hearings on human mobility"]
    assert [e.title for e in iachr.proposals] == ["A regional observatory"]


def test_entries_keep_their_language_dates_countries_and_figures(compiled_cycle):
    report = build_annual_report(compiled_cycle, language="es")

    iachr, dps, _iin = report.sections
    visit = iachr.carried_out[1].entries[0]
    assert (visit.title, visit.language, visit.when) == (
        "Visita de trabajo a Costa Rica",
        "es",
        "19 de mayo de 2019 – 24 de mayo de 2019",
    )
    assert dps.carried_out[0].entries[0].figures == ("70 professionals trained",)
    assert dps.carried_out[0].entries[0].countries == ("Honduras",)
    assert report.labels.carried_out == "Actividades realizadas"


def test_annex_and_summary_tables(compiled_cycle):
    report = build_annual_report(
        compiled_cycle, language="en", annex_base="https://followup.example.org"
    )

    (annex,) = report.annex
    assert annex.actor == "Inter-American Children's Institute"
    assert annex.language == "Español"
    assert annex.address.startswith("https://followup.example.org/en/files/reports/")
    themes, groups, countries = report.tables
    assert ("Trafficking in persons and migrant smuggling", 1) in themes.rows
    assert dict(countries.rows) == {"Honduras": 1, "United States": 1}
    assert groups.rows == (("Refugees and asylum seekers", 1),)


def test_the_document_is_dated_by_its_data_not_the_clock(compiled_cycle):
    report = build_annual_report(compiled_cycle, language="en")

    assert report.date.isoformat() == "2020-06-30"
    assert build_annual_report(compiled_cycle, language="en") == report


def test_a_cycle_without_accepted_reports_has_nothing_to_compile():
    cycle = CycleFactory(label="2040–2041")

    with pytest.raises(NothingToCompile, match="The cycle 2040–2041 has no accepted report"):
        build_annual_report(cycle, language="en")


@pytest.mark.parametrize(
    ("starts", "ends", "english"),
    [
        ("2019", "", "2019"),
        ("2016-10", "", "October 2016"),
        ("2016-10-20", "", "Oct. 20, 2016"),
        ("2019-05", "2019-06", "May 2019 – June 2019"),
        ("", "", ""),
    ],
)
def test_describe_dates_keeps_precision(starts, ends, english):
    with translation.override("en"):
        assert describe_dates(starts, ends) == english
