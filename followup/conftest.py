"""Fixtures shared by every app's tests."""

from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.utils import translation

from followup.accounts.services import sync_roles
from followup.program.services import load_program

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The shipped registry and the role groups, loaded once into the test database."""
    with django_db_blocker.unblock():
        load_program()
        sync_roles()


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"the Program's corpus is not at {CORPUS} (../shared/corpus)")
    return CORPUS


@pytest.fixture(autouse=True)
def _media_in_a_temporary_folder(settings, tmp_path):
    """Uploaded files land in the test's own folder, never in var/."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the default language: a request to a Spanish page activates
    Spanish for the thread, which would otherwise leak into the next test's messages."""
    translation.activate(django_settings.LANGUAGE_CODE)
    yield
    translation.activate(django_settings.LANGUAGE_CODE)
