"""The index follows every write of the domain apps: after each change made through the real
services, what `search_document` and `search_tag` hold (and what the engine finds) is exactly
what a fresh `rebuild()` would hold.

Changes are indexed when the transaction commits; tests run inside one, so they wrap the
writes in `django_capture_on_commit_callbacks(execute=True)` to run the commit hooks, except
where they show that `search()` reads its own writes without them.
"""

import pytest
from django.db import transaction

from followup.meetings.models import CalendarRow, WorkPlan
from followup.program.models import Mandate, OperativeParagraph, ProgramActivity, Theme
from followup.recommendations.models import Recommendation, Source
from followup.reporting import services
from followup.search import concepts, index
from followup.search.models import SearchDocument
from followup.search.queries import SearchRequest, search

pytestmark = pytest.mark.django_db

Row = tuple[str, int, bool, frozenset[tuple[str, str]], str, str]


def index_state() -> set[Row]:
    """Every document as (kind, object id, public, tags, titles, texts)."""
    return {
        (
            document.kind,
            document.object_id,
            document.public,
            frozenset((tag.facet, tag.value) for tag in document.tags.all()),
            repr(sorted(document.titles.items())),
            repr(document.texts),
        )
        for document in SearchDocument.objects.prefetch_related("tags")
    }


def found(text: str) -> set[tuple[str, int]]:
    results = search(SearchRequest(text=text, per_page=100, include_unpublished=True))
    return {(hit.kind, hit.object_id) for hit in results.hits}


def assert_index_matches_rebuild(*probes: str) -> None:
    """The live index equals a rebuilt one, and the engine finds the same for `probes`."""
    live, live_found = index_state(), {text: found(text) for text in probes}

    index.rebuild()

    assert index_state() == live
    assert {text: found(text) for text in probes} == live_found


def document(kind: str, object_id: int) -> SearchDocument | None:
    return SearchDocument.objects.filter(kind=kind, object_id=object_id).first()


def tags(kind: str, object_id: int, facet: str) -> set[str]:
    doc = document(kind, object_id)
    assert doc is not None
    return set(doc.tags.filter(facet=facet).values_list("value", flat=True))


# --- Report entries ----------------------------------------------------------------------------


def test_editing_an_entry_replaces_its_title_countries_and_themes(
    desk, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        entry = desk.entry("iin", "Course on child rights", countries=["MEX"], themes=["education"])
    report = desk.report("iin")

    with django_capture_on_commit_callbacks(execute=True):
        services.save_entry(
            report,
            {"title": "Remittances survey", "countries": ["GTM", "HND"], "themes": []},
            by=desk.by,
            entry=entry,
        )

    assert document("entry", entry.pk).titles == {"en": "Remittances survey"}
    assert tags("entry", entry.pk, "country") == {"GTM", "HND"}
    assert tags("entry", entry.pk, "theme") == set()
    assert ("entry", entry.pk) in found("remittances")
    assert ("entry", entry.pk) not in found("child rights")
    assert_index_matches_rebuild("remittances", "child rights", "Honduras", "Mexico")


def test_saving_one_entry_reindexes_that_entry_only(desk, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = desk.entry("iin", "Course on child rights")
        desk.entry("iin", "Survey of remittances")
    index.flush()

    # Saving an entry also saves its report (the revision goes up): that must not re-index
    # the report's other entries, whose visibility is unchanged.
    services.save_entry(desk.report("iin"), {"title": "Course"}, by=desk.by, entry=first)

    assert dict(index._dirty()) == {"entry": {first.pk}}
    index.flush()
    assert_index_matches_rebuild("course", "remittances")


def test_replacing_figures_reindexes_their_text(desk, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        entry = desk.entry("iin", "Course")
        services.save_entry(
            desk.report("iin"), {"figures": [(70, "judges trained")]}, by=desk.by, entry=entry
        )

    assert ("entry", entry.pk) in found("judges")
    assert_index_matches_rebuild("judges")


def test_publishing_returning_and_reopening_set_who_finds_an_entry(
    desk, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        entry = desk.entry("cim", "Study on migrant domestic workers")
    report = desk.report("cim")
    by = desk.by

    def public() -> bool:
        doc = document("entry", entry.pk)
        assert doc is not None
        return doc.public

    with django_capture_on_commit_callbacks(execute=True):
        services.submit_report(report, by=by)
        services.return_report(report, by=by, comment="Add figures.")
    assert not public()

    with django_capture_on_commit_callbacks(execute=True):
        services.submit_report(report, by=by)
        services.accept_report(report, by=by)
    assert not public()

    with django_capture_on_commit_callbacks(execute=True):
        services.publish_report(report, by=by)
    assert public()
    assert entry.pk in desk.found("domestic workers")
    assert_index_matches_rebuild("domestic workers")

    with django_capture_on_commit_callbacks(execute=True):
        services.close_cycle(desk.cycle, by=by)
        services.reopen_report(desk.report("cim"), by=by)
    assert not public()
    assert entry.pk not in desk.found("domestic workers")
    assert_index_matches_rebuild("domestic workers")


def test_deleting_and_restoring_an_entry(desk, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        entry = desk.entry("iin", "Protocol for returned children")
    entry.refresh_from_db()

    with django_capture_on_commit_callbacks(execute=True):
        services.delete_entry(entry, by=desk.by)
    assert document("entry", entry.pk) is None
    assert ("entry", entry.pk) not in found("protocol")
    assert_index_matches_rebuild("protocol")

    entry.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        services.restore_entry(entry, by=desk.by)
    assert ("entry", entry.pk) in found("protocol")
    assert_index_matches_rebuild("protocol")


def test_theme_changes_from_either_side_retag_the_entry(desk, django_capture_on_commit_callbacks):
    health, education = Theme.objects.get(slug="health"), Theme.objects.get(slug="education")
    with django_capture_on_commit_callbacks(execute=True):
        entry = desk.entry("iin", "Clinic visits", themes=["health"])

    with django_capture_on_commit_callbacks(execute=True):
        entry.themes.add(education)
    assert tags("entry", entry.pk, "theme") == {str(health.pk), str(education.pk)}

    with django_capture_on_commit_callbacks(execute=True):
        health.entries.remove(entry)
    assert tags("entry", entry.pk, "theme") == {str(education.pk)}

    with django_capture_on_commit_callbacks(execute=True):
        health.entries.add(entry)
    assert tags("entry", entry.pk, "theme") == {str(health.pk), str(education.pk)}
    assert_index_matches_rebuild("salud", "educación")


def test_clearing_a_themes_entries_untags_them(desk, django_capture_on_commit_callbacks):
    health = Theme.objects.get(slug="health")
    with django_capture_on_commit_callbacks(execute=True):
        entry = desk.entry("iin", "Clinic visits", themes=["health"])

    with django_capture_on_commit_callbacks(execute=True):
        health.entries.clear()

    assert tags("entry", entry.pk, "theme") == set()


@pytest.fixture
def fresh_concepts():
    """Tests that change registry terms roll them back, but the concept table is cached per
    process: start and end with an empty cache."""
    concepts.clear_cache()
    yield
    concepts.clear_cache()


def test_deleting_a_theme_untags_its_records(
    desk, django_capture_on_commit_callbacks, fresh_concepts
):
    theme = Theme.objects.create(slug="tmp-theme", label_en="Temporary", label_es="Temporal")
    with django_capture_on_commit_callbacks(execute=True):
        entry = desk.entry("iin", "Clinic visits", themes=["tmp-theme"])

    with django_capture_on_commit_callbacks(execute=True):
        theme.delete()

    assert tags("entry", entry.pk, "theme") == set()


def test_a_renamed_theme_is_searchable_by_its_new_label_at_once(
    desk, django_capture_on_commit_callbacks, fresh_concepts
):
    with django_capture_on_commit_callbacks(execute=True):
        entry = desk.entry("iin", "Clinic visits", themes=["health"])
    desk.publish("iin")
    assert desk.found("wellbeing") == []

    theme = Theme.objects.get(slug="health")
    theme.label_en = "Wellbeing"
    theme.save()

    assert desk.found("wellbeing") == [entry.pk]


# --- Other sources -----------------------------------------------------------------------------


def test_recommendations_follow_edits_and_deletion(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        recommendation = Recommendation.objects.create(
            source=Source.objects.create(title="IACHR, Report on detention"),
            text="End the detention of children.",
        )
    key = ("recommendation", recommendation.pk)
    assert key in found("detention")

    with django_capture_on_commit_callbacks(execute=True):
        recommendation.text = "Guarantee access to consular assistance."
        recommendation.save()
    assert key in found("consular")
    assert key not in found("children")
    assert_index_matches_rebuild("consular", "children")

    with django_capture_on_commit_callbacks(execute=True):
        recommendation.delete()
    assert document(*key) is None
    assert key not in found("consular")
    assert_index_matches_rebuild("consular")


def test_editing_a_mandate_paragraph_reindexes_the_mandate(django_capture_on_commit_callbacks):
    mandate = Mandate.objects.get(slug="ag-res-2883-xlvi-o-16")
    paragraph = mandate.paragraphs.first()
    assert ("mandate", mandate.pk) not in found("apatridia")

    with django_capture_on_commit_callbacks(execute=True):
        paragraph.text_es += " Prevenir la apatridia."
        paragraph.save()

    assert ("mandate", mandate.pk) in found("statelessness")
    assert_index_matches_rebuild("apatridia")

    with django_capture_on_commit_callbacks(execute=True):
        OperativeParagraph.objects.create(
            mandate=mandate, number="99", order=99, text_en="Consider remittances.", text_es="."
        )
    assert ("mandate", mandate.pk) in found("remittances")
    assert_index_matches_rebuild("remittances", "apatridia")


def test_activity_tags_follow_its_themes(django_capture_on_commit_callbacks):
    activity = ProgramActivity.objects.get(code="2016-paho-c")
    stateless = Theme.objects.get(slug="discrimination-xenophobia")

    with django_capture_on_commit_callbacks(execute=True):
        activity.themes.add(stateless)

    assert str(stateless.pk) in tags("activity", activity.pk, "theme")
    assert ("activity", activity.pk) in found("xenophobia")
    assert_index_matches_rebuild("xenophobia")


def test_calendar_rows_follow_their_work_plan_and_mandates(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        plan = WorkPlan.objects.create(title="Work plan 2021")
        row = CalendarRow.objects.create(work_plan=plan, date="2021-10", activity="IACHR hearing")

    with django_capture_on_commit_callbacks(execute=True):
        plan.title = "Work plan on statelessness"
        plan.save()
        row.mandates.add(Mandate.objects.get(slug="cim-res-252-xxxiv-o-08"))

    assert ("calendar", row.pk) in found("statelessness")
    assert ("calendar", row.pk) in found("CIM/RES. 252")
    assert_index_matches_rebuild("statelessness", "252")


# --- Transactions ------------------------------------------------------------------------------


def test_search_reads_its_own_writes_before_commit(desk):
    entry = desk.entry("iin", "Course on child rights")
    services.save_entry(
        desk.report("iin"), {"title": "Remittances survey"}, by=desk.by, entry=entry
    )
    # Nothing committed: the index still holds what was there before…
    assert document("entry", entry.pk) is None

    # …but this thread's search indexes what it changed first.
    assert ("entry", entry.pk) in found("remittances")
    assert document("entry", entry.pk).titles == {"en": "Remittances survey"}
    assert_index_matches_rebuild("remittances")


def test_a_rolled_back_edit_leaves_the_index_as_the_database(
    desk, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        entry = desk.entry("iin", "Course on child rights")

    def edit_then_fail() -> None:
        with transaction.atomic():
            services.save_entry(
                desk.report("iin"), {"title": "Remittances survey"}, by=desk.by, entry=entry
            )
            raise RuntimeError("rolled back")

    with pytest.raises(RuntimeError, match="rolled back"):
        edit_then_fail()

    assert ("entry", entry.pk) not in found("remittances")
    assert ("entry", entry.pk) in found("child rights")
    assert_index_matches_rebuild("remittances", "child rights")
