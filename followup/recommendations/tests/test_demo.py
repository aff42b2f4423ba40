"""The demo loader: the forum's recommendations and the work plan through the importer, then
illustrative follow-up that the progress pages and the review queue can show."""

import pytest
from django.core.management import call_command

from followup.accounts.services import create_demo_secretariat
from followup.meetings.demo import INFORMAL_TITLE, load_meetings_demo
from followup.meetings.models import CalendarRow, Meeting
from followup.recommendations import demo
from followup.recommendations.models import FollowUp, Recommendation
from followup.reporting.demo import load_reporting_demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def secretariat(settings):
    settings.DEMO = True
    user, _password = create_demo_secretariat()
    load_reporting_demo(by_secretariat=user)
    return user


@pytest.mark.corpus
def test_the_forum_and_the_work_plan_come_in_through_the_importer(corpus, secretariat):
    loaded = demo.load_recommendations_demo(by=secretariat)

    assert loaded.imported == [demo.WORK_PLAN_FILE, demo.FORUM_FILE]
    panels = set(Recommendation.objects.values_list("group", flat=True))
    assert len(panels) == 6
    assert Recommendation.objects.count() == 46
    assert all(r.all_member_states for r in Recommendation.objects.all())
    assert CalendarRow.objects.filter(date="2016-10-20").exists()
    assert CalendarRow.objects.filter(date="2016-10").exists()


@pytest.mark.corpus
def test_follow_up_covers_each_review_state_and_says_it_is_illustrative(corpus, secretariat):
    demo.load_recommendations_demo(by=secretariat)

    statuses = set(FollowUp.objects.values_list("status", flat=True))
    assert statuses == {"draft", "submitted", "published"}
    assert not FollowUp.objects.exclude(narrative=demo.ILLUSTRATIVE).exists()
    drafts = FollowUp.objects.filter(status="draft")
    assert set(drafts.values_list("addressee__slug", flat=True)) == {"cri"}


@pytest.mark.corpus
def test_loading_twice_adds_nothing(corpus, secretariat):
    demo.load_recommendations_demo(by=secretariat)
    counts = (Recommendation.objects.count(), FollowUp.objects.count())

    again = demo.load_recommendations_demo(by=secretariat)

    assert again.imported == []
    assert again.follow_ups == 0
    assert (Recommendation.objects.count(), FollowUp.objects.count()) == counts


def test_without_the_corpus_generated_recommendations_stand_in(secretariat, monkeypatch, tmp_path):
    monkeypatch.setenv("FOLLOWUP_CORPUS", str(tmp_path))

    loaded = demo.load_recommendations_demo(by=secretariat)

    assert loaded.imported == []
    texts = list(Recommendation.objects.values_list("text", flat=True))
    assert len(texts) == len(demo.GENERATED)
    assert all(text.startswith("Generated demo recommendation") for text in texts)
    assert FollowUp.objects.filter(status="published").exists()


def test_load_demo_prints_the_recommendations_line(secretariat, capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("FOLLOWUP_CORPUS", str(tmp_path))

    call_command("load_demo")

    assert "Recommendations: 3; follow-ups created:" in capsys.readouterr().out


@pytest.mark.corpus
def test_meetings_are_planned_from_the_work_plan_and_one_finding_is_an_entry(corpus, secretariat):
    demo.load_recommendations_demo(by=secretariat)

    load_meetings_demo(by=secretariat)
    load_meetings_demo(by=secretariat)  # twice: nothing more

    planned = Meeting.objects.filter(calendar_rows__isnull=False).order_by("date")
    assert [m.date for m in planned] == ["2016-10", "2016-10-20", "2016-11-03"]
    informal = Meeting.objects.get(title=INFORMAL_TITLE)
    assert informal.kind == Meeting.Kind.INFORMAL
    assert [entry.report.actor.slug for entry in informal.entries.all()] == ["iin"]


@pytest.mark.corpus
def test_recommendations_are_tagged_with_the_themes_their_text_names(corpus, secretariat):
    demo.load_recommendations_demo(by=secretariat)

    tagged = Recommendation.objects.filter(text__icontains="trafficking in persons")
    assert tagged.exists()
    for recommendation in tagged:
        slugs = set(recommendation.themes.values_list("slug", flat=True))
        assert "trafficking-smuggling" in slugs
