from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from followup.accounts.services import create_demo_secretariat
from followup.program.services import load_program


class Command(BaseCommand):
    help = "Demo mode only: load the registry and demo data, and create the demo accounts."

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEMO:
            raise CommandError(
                "Demo data is only loaded in demo mode (FOLLOWUP_DEMO=1), never in production."
            )
        self.stdout.write(load_program().summary())
        user, password = create_demo_secretariat()
        if password is None:
            self.stdout.write(f"Demo secretariat account '{user.username}' already exists.")
            return
        self.stdout.write(
            self.style.SUCCESS(
                "\nDemo secretariat account created (shown once, write it down):\n"
                f"  user:     {user.username}\n  password: {password}\n"
                "  sign in:  http://127.0.0.1:8000/admin/\n"
            )
        )
