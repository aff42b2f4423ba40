import json
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from followup.program.export import export_program

EXPORTS = {"program": export_program}


class Command(BaseCommand):
    help = "Export data from Follow-up. `followup export program --json` writes the registry."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("what", choices=sorted(EXPORTS), help="What to export.")
        parser.add_argument(
            "--json", dest="as_json", action="store_true", help="Write JSON (the only format)."
        )
        parser.add_argument(
            "--output", "-o", type=Path, help="Write to this file instead of standard output."
        )

    def handle(
        self, *args: Any, what: str, as_json: bool, output: Path | None, **options: Any
    ) -> None:
        if not as_json:
            raise CommandError("Choose a format: --json is the only one for now.")
        document = EXPORTS[what]()
        text = _dumps(document)
        if output is None:
            sys.stdout.write(text)
            return
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as error:
            raise CommandError(f"Cannot write {output}: {error.strerror}.") from None
        self.stderr.write(f"Wrote {output}")


def _dumps(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
