"""Settings for the test suite: production settings with test-only keys filled in.

Tests run with DEBUG off, like production, so what they see is what a server serves.
"""

import os

os.environ.setdefault("FOLLOWUP_SECRET_KEY", "test-only-secret-key-" + "x" * 40)
os.environ.setdefault("FOLLOWUP_ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("FOLLOWUP_STATIC_MANIFEST", "0")
os.environ.setdefault("FOLLOWUP_SSL_REDIRECT", "0")

from followup.settings import *  # noqa: F403  (the test profile is the real one, amended)

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast; tests only
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Serve static files from the apps' folders, as in development: tests never run collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Tasks run at once, in the process that enqueues them, so tests see their outcome.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
