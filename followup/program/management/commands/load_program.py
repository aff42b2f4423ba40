from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from followup.program.services import load_program


class Command(BaseCommand):
    help = (
        "Load the Program registry shipped with Follow-up (versions, objectives, actors, "
        "mandates, activities, vocabularies). Safe to run any number of times."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--update",
            action="store_true",
            help="Also bring records that were edited since back to the shipped text "
            "(each change is kept in the history).",
        )

    def handle(self, *args: Any, update: bool, **options: Any) -> None:
        report = load_program(update=update)
        self.stdout.write(report.summary())
        if report.differing and not update:
            self.stdout.write(
                self.style.WARNING(
                    "Some records differ from the shipped data and were kept as they are; "
                    "run with --update to restore the shipped text."
                )
            )
