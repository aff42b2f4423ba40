"""Work plans, calendar rows and meetings made directly (the service tests make them through
the services instead), and the personas of the permission tests."""

import factory
from django.contrib.auth.models import AnonymousUser

from followup.meetings.models import CalendarRow, Meeting, WorkPlan
from followup.reporting.tests.factories import focal_point_of, reviewer_user, secretariat_user


class WorkPlanFactory(factory.django.DjangoModelFactory[WorkPlan]):
    class Meta:
        model = WorkPlan

    title = factory.Sequence(lambda n: f"Work plan of the CAM, edition {n}")
    period_start = "2016"
    period_end = "2017"


class CalendarRowFactory(factory.django.DjangoModelFactory[CalendarRow]):
    class Meta:
        model = CalendarRow

    work_plan = factory.SubFactory(WorkPlanFactory)
    date = "2016-12"
    date_text = "DECEMBER 2016"
    activity = factory.Sequence(lambda n: f"Participation in a CIDI meeting on migration, {n}")
    order = factory.Sequence(lambda n: n)


class MeetingFactory(factory.django.DjangoModelFactory[Meeting]):
    class Meta:
        model = Meeting

    kind = Meeting.Kind.THEMATIC
    title = factory.Sequence(lambda n: f"Thematic meeting on migration and health, {n}")
    date = "2016-11-03"


PERSONAS = {
    "anonymous": AnonymousUser,
    "focal point": lambda: focal_point_of("iin"),
    "reviewer": reviewer_user,
    "secretariat": secretariat_user,
}
