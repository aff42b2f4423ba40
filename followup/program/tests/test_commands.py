import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from followup.accounts.models import User
from followup.cli import main

pytestmark = pytest.mark.django_db

WORK_PLAN_MANDATES = {
    "AG/RES. 2738 (XLII-O/12)",
    "AG/RES. 2816 (XLIV-O/14)",
    "AG/RES. 2881 (XLVI-O/16)",
    "AG/RES. 2883 (XLVI-O/16)",
    "AG/DEC. 88 (XLVI-O/16)",
}


@pytest.fixture
def exported(capsys):
    call_command("export", "program", "--json")
    return json.loads(capsys.readouterr().out)


def test_export_lists_the_35_member_states_with_iso_codes(exported):
    states = [actor for actor in exported["actors"] if actor["category"] == "member_state"]

    assert len(states) == 35
    assert all(len(state["country"]) == 3 and state["country"].isupper() for state in states)
    assert {"MEX", "USA", "KNA", "VCT", "TTO"} <= {state["country"] for state in states}


def test_export_lists_both_program_versions(exported):
    versions = {version["slug"]: version for version in exported["versions"]}

    assert set(versions) == {"2005", "2016"}
    assert versions["2005"]["adopted_by"] == "AG/RES. 2141 (XXXV-O/05)"
    assert versions["2016"]["adopted_by"] == "AG/RES. 2883 (XLVI-O/16)"
    assert versions["2016"]["is_current"] is True
    assert all(version["objectives"] for version in versions.values())


def test_export_lists_the_20_suggested_activities_of_2016_under_six_actors(exported):
    version = next(v for v in exported["versions"] if v["slug"] == "2016")
    lettered = [a for a in version["activities"] if a["actor"]]

    by_actor: dict[str, list[str]] = {}
    for activity in lettered:
        by_actor.setdefault(activity["actor"], []).append(activity["label"])
    assert len(lettered) == 20
    assert by_actor == {
        "gs": ["a", "b", "c"],
        "cam": ["a", "b", "c"],
        "iachr": ["a", "b", "c", "d", "e"],
        "cim": ["a", "b", "c"],
        "iin": ["a", "b"],
        "paho": ["a", "b", "c", "d"],
    }
    assert all("AG/RES. 2883 (XLVI-O/16)" in a["mandates"] for a in version["activities"])
    assert all(a["text"]["en"] and a["text"]["es"] for a in version["activities"])


def test_export_lists_the_work_plan_mandates_in_canonical_form(exported):
    symbols = {mandate["symbol"] for mandate in exported["mandates"]}

    assert symbols >= WORK_PLAN_MANDATES
    paragraphs = {
        m["symbol"]: [p["number"] for p in m["operative_paragraphs"]] for m in exported["mandates"]
    }
    assert paragraphs["AG/RES. 2816 (XLIV-O/14)"] == ["18", "19", "20", "21", "22"]
    assert paragraphs["AG/RES. 2881 (XLVI-O/16)"] == ["33", "34", "35", "36", "37"]


def test_export_includes_both_vocabularies_in_both_languages(exported):
    vocabularies = exported["vocabularies"]

    assert set(vocabularies) == {"themes", "population_groups"}
    for terms in vocabularies.values():
        assert terms
        assert all(term["label"]["en"] and term["label"]["es"] for term in terms)


def test_export_without_a_format_is_refused():
    with pytest.raises(CommandError, match=r"Choose a format: --json is the only one for now\."):
        call_command("export", "program")


def test_export_of_an_unknown_thing_is_refused():
    with pytest.raises(CommandError, match="invalid choice: 'nothing'"):
        call_command("export", "nothing", "--json")


def test_export_to_a_file(tmp_path):
    target = tmp_path / "program.json"

    call_command("export", "program", "--json", "--output", str(target), stderr=StringIO())

    assert len(json.loads(target.read_text(encoding="utf-8"))["versions"]) == 2


def test_export_to_an_unwritable_place_says_so(tmp_path):
    with pytest.raises(CommandError, match="Cannot write"):
        call_command("export", "program", "--json", "--output", str(tmp_path / "no" / "x.json"))


def test_load_program_command_reports_counts_and_is_idempotent():
    out = StringIO()

    call_command("load_program", stdout=out)

    assert "actors: 0 created, 0 updated, " in out.getvalue()


def test_cli_accepts_hyphenated_command_names(capsys):
    main(["followup", "load-program"])

    assert "Program activities: 0 created" in capsys.readouterr().out


def test_load_demo_refuses_outside_demo_mode(settings):
    settings.DEMO = False

    with pytest.raises(CommandError, match="only loaded in demo mode"):
        call_command("load_demo")


def test_load_demo_creates_the_secretariat_account_and_prints_its_password_once(settings):
    settings.DEMO = True
    first, second = StringIO(), StringIO()

    call_command("load_demo", stdout=first)
    call_command("load_demo", stdout=second)

    user = User.objects.get(username="secretariat")
    password = first.getvalue().split("password: ")[1].split()[0]
    assert user.check_password(password)
    assert user.is_staff
    assert not user.is_superuser
    assert user.has_perm("program.change_actor")
    assert "password" not in second.getvalue()
    assert "already exists" in second.getvalue()
