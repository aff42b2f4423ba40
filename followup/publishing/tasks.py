"""Work the task worker (`followup db_worker`) does for the publishing app."""

from django_tasks import task

from followup.publishing import services


@task()
def compile_annual_report(request_id: int) -> None:
    services.run_compile_request(request_id)
