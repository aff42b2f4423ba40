"""`followup send-reminders`: run daily (cron) to remind focal points of reports due or late."""

import re
from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from followup.reporting.reminders import send_reminders

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _parse_day(text: str) -> date:
    try:
        if _DAY.fullmatch(text):
            return date.fromisoformat(text)
    except ValueError:
        pass
    raise CommandError(
        f"--today must be a date written YYYY-MM-DD, such as 2026-03-17; got “{text}”."
    )


class Command(BaseCommand):
    help = (
        "E-mail the focal points of unsubmitted reports of open cycles: 14 and 3 days before "
        "the deadline, then weekly after it. Run it once a day."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--today",
            metavar="YYYY-MM-DD",
            help="The day to act as (default: today in the site's time zone).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Say who would be reminded, and send nothing.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        today = _parse_day(options["today"]) if options["today"] else timezone.localdate()
        summary = send_reminders(today, dry_run=options["dry_run"])
        self.stdout.write(str(summary))
