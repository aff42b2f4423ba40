"""Compiling, versioning and publishing the annual report; the command line."""

import hashlib
import io

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import CommandError, call_command
from django.urls import reverse

from followup.publishing import services
from followup.publishing.document import NothingToCompile
from followup.publishing.models import Compilation
from followup.reporting.tests.factories import CycleFactory, focal_point_of, secretariat_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def secretariat():
    return secretariat_user()


def test_compile_stores_a_numbered_version_with_every_format_and_checksums(
    compiled_cycle, secretariat
):
    first = services.compile_cycle(compiled_cycle, by=secretariat)
    second = services.compile_cycle(compiled_cycle, by=secretariat)

    assert (first.number, second.number) == (1, 2)
    assert sorted((f.language, f.format) for f in first.files.all()) == [
        ("en", "docx"),
        ("en", "html"),
        ("en", "pdf"),
        ("es", "docx"),
        ("es", "html"),
        ("es", "pdf"),
    ]
    for stored in first.files.all():
        with stored.file.open("rb") as handle:
            assert hashlib.sha256(handle.read()).hexdigest() == stored.sha256
    assert {source[1] for source in first.sources} == {"iin", "iachr", "dps"}
    assert first.compiled_by == secretariat


def test_the_same_data_gives_byte_identical_docx_and_html(compiled_cycle, secretariat):
    first = services.compile_cycle(compiled_cycle, by=secretariat)
    second = services.compile_cycle(compiled_cycle, by=secretariat)

    checksums = {(f.language, f.format): f.sha256 for f in first.files.all()}
    again = {(f.language, f.format): f.sha256 for f in second.files.all()}
    for key in [("en", "docx"), ("es", "docx"), ("en", "html"), ("es", "html")]:
        assert checksums[key] == again[key], key


def test_compile_is_for_the_secretariat(compiled_cycle):
    with pytest.raises(PermissionDenied):
        services.compile_cycle(compiled_cycle, by=focal_point_of("iin"))


def test_a_cycle_without_accepted_reports_is_refused_and_stores_nothing(secretariat):
    cycle = CycleFactory(label="2040–2041")

    with pytest.raises(NothingToCompile):
        services.compile_cycle(cycle, by=secretariat)
    assert not Compilation.objects.filter(cycle=cycle).exists()


def test_only_published_versions_are_public(client, compiled_cycle, secretariat):
    draft = services.compile_cycle(compiled_cycle, by=secretariat)
    html = draft.files.get(language="en", format="html")

    assert client.get(reverse("publishing:public", args=[compiled_cycle.slug])).status_code == 404
    assert client.get(reverse("publishing:download", args=[html.pk])).status_code == 404
    services.publish_compilation(draft, by=secretariat)
    page = client.get(reverse("publishing:public", args=[compiled_cycle.slug]))
    shown = client.get(reverse("publishing:download", args=[html.pk]))
    docx = client.get(
        reverse("publishing:download", args=[draft.files.get(language="es", format="docx").pk])
    )

    assert page.status_code == 200
    assert shown.status_code == 200
    assert shown["Content-Type"] == "text/html; charset=utf-8"
    assert "default-src 'none'" in shown["Content-Security-Policy"]
    assert docx["Content-Disposition"].startswith("attachment;")
    assert f"annual-report-{compiled_cycle.slug}-v1-es.docx" in docx["Content-Disposition"]
    shown.close()
    docx.close()


def test_the_secretariat_compiles_and_publishes_from_the_cycle_page(
    client, compiled_cycle, secretariat
):
    client.force_login(secretariat)
    client.post(
        reverse("publishing:manage", args=[compiled_cycle.slug]),
        {"text_en": "This report covers 2019–2020.", "text_es": "Este informe abarca 2019–2020."},
    )

    response = client.post(reverse("publishing:compile", args=[compiled_cycle.slug]), follow=True)
    version = Compilation.objects.get(cycle=compiled_cycle)
    client.post(reverse("publishing:publish", args=[version.pk]))

    assert "Version 1 compiled from 3 accepted reports." in response.content.decode()
    html = version.files.get(language="es", format="html")
    with html.file.open("rb") as handle:
        assert "Este informe abarca 2019–2020." in handle.read().decode()
    version.refresh_from_db()
    assert version.published_at is not None


def test_compiling_an_empty_cycle_from_the_page_explains_why(client, secretariat):
    cycle = CycleFactory(label="2041–2042")
    client.force_login(secretariat)

    response = client.post(reverse("publishing:compile", args=[cycle.slug]), follow=True)

    assert "The cycle 2041–2042 has no accepted report to compile yet." in response.content.decode()


@pytest.mark.parametrize("persona", ["anonymous", "focal point"])
def test_the_annual_report_pages_are_for_the_secretariat(client, compiled_cycle, persona):
    if persona == "focal point":
        client.force_login(focal_point_of("iin"))
    expected = 302 if persona == "anonymous" else 403

    assert (
        client.get(reverse("publishing:manage", args=[compiled_cycle.slug])).status_code == expected
    )
    assert (
        client.post(reverse("publishing:compile", args=[compiled_cycle.slug])).status_code
        == expected
    )


def test_command_writes_the_requested_format(compiled_cycle, tmp_path):
    target = tmp_path / "informe.docx"

    call_command(
        "compile",
        compiled_cycle.slug,
        "--format",
        "docx",
        "--lang",
        "es",
        "-o",
        str(target),
        stderr=io.StringIO(),
    )

    assert target.read_bytes()[:2] == b"PK"


@pytest.fixture
def out(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def test_command_refuses_an_unknown_cycle_naming_the_known_ones(compiled_cycle, out):
    message = r"No reporting cycle “nope”\. Known cycles: 2019-2020\."
    with pytest.raises(CommandError, match=message):
        call_command(
            "compile", "nope", "--format", "html", "--lang", "en", "-o", str(out / "x.html")
        )
    assert list(out.iterdir()) == []


def test_command_refuses_a_cycle_without_accepted_reports(out):
    CycleFactory(label="2042–2043", slug="2042-2043")

    with pytest.raises(CommandError, match="has no accepted report to compile yet"):
        call_command(
            "compile", "2042-2043", "--format", "pdf", "--lang", "en", "-o", str(out / "x.pdf")
        )
    assert list(out.iterdir()) == []


def test_command_refuses_an_unwritable_path_and_leaves_no_partial_file(compiled_cycle, out):
    missing = out / "no" / "such" / "folder" / "report.html"

    with pytest.raises(CommandError, match="Cannot write to"):
        call_command(
            "compile", compiled_cycle.slug, "--format", "html", "--lang", "en", "-o", str(missing)
        )
    with pytest.raises(CommandError, match="is a folder"):
        call_command(
            "compile", compiled_cycle.slug, "--format", "html", "--lang", "en", "-o", str(out)
        )
    assert list(out.iterdir()) == []


def test_command_via_the_console_script_exits_non_zero(compiled_cycle, tmp_path, capsys):
    from followup.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main(
            [
                "followup",
                "compile",
                "nope",
                "--format",
                "html",
                "--lang",
                "en",
                "-o",
                str(tmp_path / "x"),
            ]
        )

    assert exit_info.value.code != 0
    assert "No reporting cycle “nope”." in capsys.readouterr().err
