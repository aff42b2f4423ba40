from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from followup.accounts.roles import FOCAL_POINT
from followup.accounts.services import create_demo_secretariat
from followup.knowledge.demo import load_demo_resources
from followup.meetings.demo import load_meetings_demo
from followup.program.services import load_program
from followup.recommendations.demo import load_recommendations_demo
from followup.reporting.demo import load_reporting_demo
from followup.search.index import rebuild as rebuild_index
from followup.statistics.demo import load_statistics_demo


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
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    "\nDemo secretariat account created (shown once, write it down):\n"
                    f"  user:     {user.username}\n  password: {password}\n"
                    f"  sign in:  http://127.0.0.1:8000{reverse('accounts:login')}\n"
                )
            )
        demo = load_reporting_demo(by_secretariat=user)
        self.stdout.write(demo.summary())
        self.stdout.write(load_demo_resources(user).summary())
        self.stdout.write(load_recommendations_demo(by=user).summary())
        self.stdout.write(load_meetings_demo(by=user).summary())
        self.stdout.write(load_statistics_demo(by=user).summary())
        # The signals index what the loaders saved; a rebuild also covers rows loaded raw.
        indexed = sum(rebuild_index().values())
        self.stdout.write(f"Search index: {indexed} documents.")
        if not demo.accounts:
            return
        lines = ["\nDemo reporting accounts created (shown once, write them down):"]
        for account, account_password in demo.accounts:
            role = (
                f"focal point of {account.actor.upper()}"
                if account.role == FOCAL_POINT
                else account.role
            )
            lines.append(f"  user: {account.username:<10} password: {account_password}  ({role})")
        lines.append(f"  sign in: http://127.0.0.1:8000{reverse('accounts:login')}\n")
        self.stdout.write(self.style.SUCCESS("\n".join(lines)))
