"""The `followup` command: Django's manage.py for this project, with friendlier command names.

`followup load-program` and `followup load_program` are the same command: Django names
commands after Python modules, which cannot hold hyphens, while people type them.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "followup.settings")
    from django.core.management import execute_from_command_line

    args = list(sys.argv if argv is None else argv)
    if len(args) > 1 and not args[1].startswith("-"):
        args[1] = args[1].replace("-", "_")
    execute_from_command_line(args)


if __name__ == "__main__":
    main()
