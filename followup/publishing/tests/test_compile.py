"""Compiling, versioning and publishing the annual report; the command line."""

import contextlib
import hashlib
import io
from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation

from followup.publishing import services
from followup.publishing.document import NothingToCompile
from followup.publishing.models import Compilation, CompileRequest
from followup.reporting.tests.factories import CycleFactory, focal_point_of, secretariat_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("needs_chromium")]


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
    client, compiled_cycle, secretariat, django_capture_on_commit_callbacks
):
    client.force_login(secretariat)
    client.post(
        reverse("publishing:manage", args=[compiled_cycle.slug]),
        {"text_en": "This report covers 2019–2020.", "text_es": "Este informe abarca 2019–2020."},
    )

    # The tests' task backend runs the queued compilation when the request commits.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("publishing:compile", args=[compiled_cycle.slug]), follow=True
        )
    version = Compilation.objects.get(cycle=compiled_cycle)
    page = client.get(reverse("publishing:manage", args=[compiled_cycle.slug])).content.decode()
    client.post(reverse("publishing:publish", args=[version.pk]))

    assert "The new version is being compiled" in response.content.decode()
    assert CompileRequest.objects.get().compilation == version
    assert "being compiled (asked for" not in page
    assert 'http-equiv="refresh"' not in page
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


def test_a_compilation_request_is_queued_and_shown_until_the_worker_runs_it(
    client, compiled_cycle, secretariat, django_capture_on_commit_callbacks
):
    client.force_login(secretariat)
    with django_capture_on_commit_callbacks() as queued:
        client.post(reverse("publishing:compile", args=[compiled_cycle.slug]))
    waiting = client.get(reverse("publishing:manage", args=[compiled_cycle.slug])).content.decode()
    again = client.post(reverse("publishing:compile", args=[compiled_cycle.slug]), follow=True)

    assert len(queued) == 1  # the task is handed to the worker only once the request commits
    assert not Compilation.objects.exists()
    assert "A new version is being compiled" in waiting
    assert '<meta http-equiv="refresh" content="5">' in waiting
    assert "already under way" in again.content.decode()
    assert CompileRequest.objects.count() == 1

    queued[0]()  # the worker runs the task

    request = CompileRequest.objects.get()
    assert request.status == CompileRequest.Status.DONE
    assert request.compilation.number == 1
    assert request.finished_at is not None


def test_a_request_the_worker_has_done_is_not_compiled_twice(
    compiled_cycle, secretariat, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        request = services.request_compilation(compiled_cycle, by=secretariat, language="en")

    services.run_compile_request(request.pk)  # the same task delivered a second time

    assert Compilation.objects.filter(cycle=compiled_cycle).count() == 1


def test_a_failed_compilation_is_shown_in_the_requesters_language(
    client, compiled_cycle, secretariat, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.CHROMIUM = str(tmp_path / "no-chromium")
    client.force_login(secretariat)

    with translation.override("es"):
        compile_url = reverse("publishing:compile", args=[compiled_cycle.slug])
        manage_url = reverse("publishing:manage", args=[compiled_cycle.slug])

    with django_capture_on_commit_callbacks(execute=True):
        client.post(compile_url)
    page = client.get(manage_url)

    request = CompileRequest.objects.get()
    assert request.status == CompileRequest.Status.FAILED
    assert request.language == "es"
    assert "no se encontró Chromium" in request.error
    assert request.error in page.content.decode()
    assert not Compilation.objects.exists()


def test_a_lost_request_no_longer_blocks_a_new_one(compiled_cycle, secretariat):
    stale = CompileRequest.objects.create(cycle=compiled_cycle, requested_by=secretariat)
    CompileRequest.objects.filter(pk=stale.pk).update(
        requested_at=stale.requested_at - CompileRequest.STALE_AFTER
    )

    fresh = services.request_compilation(compiled_cycle, by=secretariat, language="en")

    assert fresh.pk != stale.pk


def test_an_empty_cycle_is_refused_before_anything_is_queued(secretariat):
    cycle = CycleFactory(label="2043–2044")

    with pytest.raises(NothingToCompile):
        services.request_compilation(cycle, by=secretariat, language="en")
    assert not CompileRequest.objects.exists()


def test_only_the_secretariat_requests_a_compilation(compiled_cycle):
    with pytest.raises(PermissionDenied):
        services.request_compilation(compiled_cycle, by=focal_point_of("iin"), language="en")


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


def test_the_database_queue_and_its_worker_carry_out_a_request(
    compiled_cycle, secretariat, settings, django_capture_on_commit_callbacks
):
    # The production backend: the request waits in the database until `db_worker` runs it.
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }
    with django_capture_on_commit_callbacks(execute=True):
        request = services.request_compilation(compiled_cycle, by=secretariat, language="en")
    request.refresh_from_db()
    assert request.status == CompileRequest.Status.QUEUED

    # The worker claims a task in an exclusive transaction of its own, which SQLite cannot
    # open inside the test's transaction, and closes old connections between tasks, which
    # would close the test's own on PostgreSQL; everything else is the real worker.
    worker = "django_tasks_db.management.commands.db_worker"
    with (
        mock.patch(f"{worker}.exclusive_transaction", return_value=contextlib.nullcontext()),
        mock.patch(f"{worker}.close_old_connections"),
    ):
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    request.refresh_from_db()
    assert request.status == CompileRequest.Status.DONE
    assert request.compilation.files.count() == 6
