from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation

from followup.publishing.document import NothingToCompile
from followup.publishing.services import FORMATS, CompileError, render, write_atomically
from followup.reporting.models import ReportingCycle


class Command(BaseCommand):
    help = (
        "Compile a cycle's annual report from its accepted reports: "
        "followup compile 2019-2020 --format docx --lang es -o informe.docx"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("cycle", help="The cycle's period or web address, such as 2019-2020.")
        parser.add_argument("--format", dest="fmt", choices=FORMATS, required=True)
        parser.add_argument("--lang", dest="language", choices=["en", "es"], required=True)
        parser.add_argument("-o", "--output", type=Path, required=True, help="Where to write it.")

    def handle(
        self, *args: Any, cycle: str, fmt: str, language: str, output: Path, **options: Any
    ) -> None:
        found = (
            ReportingCycle.objects.filter(slug=cycle).first()
            or ReportingCycle.objects.filter(label=cycle).first()
        )
        if found is None:
            known = ", ".join(ReportingCycle.objects.values_list("slug", flat=True)) or "none"
            raise CommandError(f"No reporting cycle “{cycle}”. Known cycles: {known}.")
        if output.is_dir():
            raise CommandError(
                f"{output} is a folder; give a file name, such as {output}/report.{fmt}."
            )
        # Messages come in the report's language, like the document itself.
        with translation.override(language):
            try:
                content = render(found, fmt=fmt, language=language)
                write_atomically(content, output)
            except (NothingToCompile, CompileError) as error:
                raise CommandError(str(error)) from None
        self.stderr.write(f"Wrote {output} ({len(content):,} bytes).")
