"""Settings, read from the environment (see docs/operations.md for every variable).

Two profiles only: development/demo (FOLLOWUP_DEBUG=1, what `make run` sets) and production
(the default). Production refuses to start without a real secret key and allowed hosts, so a
half-configured server fails loudly instead of running insecurely.
"""

from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from followup.env import database_config, env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("FOLLOWUP_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("FOLLOWUP_DEBUG", default=False)
# Demo mode creates the demo accounts and prints their passwords; never on in production.
DEMO = env_bool("FOLLOWUP_DEMO", default=False)

_DEV_SECRET = "django-insecure-development-only-key-never-use-in-production"  # noqa: S105
SECRET_KEY = env_str("FOLLOWUP_SECRET_KEY", _DEV_SECRET if DEBUG else "")
if not SECRET_KEY:
    raise ImproperlyConfigured("FOLLOWUP_SECRET_KEY must be set when FOLLOWUP_DEBUG is off")
if not DEBUG and SECRET_KEY == _DEV_SECRET:
    raise ImproperlyConfigured("FOLLOWUP_SECRET_KEY is the development key; set a real one")

ALLOWED_HOSTS = env_list(
    "FOLLOWUP_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if DEBUG else []
)
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("FOLLOWUP_ALLOWED_HOSTS must list the site's host names")
CSRF_TRUSTED_ORIGINS = env_list("FOLLOWUP_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "simple_history",
    "rest_framework",
    "drf_spectacular",
    "django_tasks",
    "django_tasks_db",
    "followup.accounts",
    "followup.program",
    "followup.reporting",
    "followup.publishing",
    "followup.recommendations",
    "followup.meetings",
    "followup.statistics",
    "followup.ingest",
    "followup.knowledge",
    "followup.search",
    "followup.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Records the signed-in user on every history row written during a request.
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "followup.urls"
WSGI_APPLICATION = "followup.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "followup" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": database_config(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'followup.sqlite3'}"),
        conn_max_age=env_int("FOLLOWUP_DB_CONN_MAX_AGE", 0),
    )
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "reporting:workspace"
LOGOUT_REDIRECT_URL = "program:home"
# Sessions end after this long without a request (the expiry slides with each request).
SESSION_COOKIE_AGE = env_int("FOLLOWUP_SESSION_SECONDS", 8 * 60 * 60)
SESSION_SAVE_EVERY_REQUEST = True
# Failed sign-ins allowed per account and per address within the window, before a pause.
LOGIN_FAILURE_LIMIT = env_int("FOLLOWUP_LOGIN_FAILURE_LIMIT", 5)
LOGIN_FAILURE_WINDOW_SECONDS = env_int("FOLLOWUP_LOGIN_FAILURE_WINDOW", 15 * 60)

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("es", _("Spanish"))]
LOCALE_PATHS = [BASE_DIR / "followup" / "locale"]
TIME_ZONE = env_str("FOLLOWUP_TIME_ZONE", "America/New_York")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
# Site-wide assets live in the project package, which is not an app, so it is listed here.
STATICFILES_DIRS = [BASE_DIR / "followup" / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Hashed, compressed files need `collectstatic`, which production runs at deploy.
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if env_bool("FOLLOWUP_STATIC_MANIFEST", default=not DEBUG)
        else "django.contrib.staticfiles.storage.StaticFilesStorage",
    },
}

# Uploads: the largest file accepted (attachments, complete original reports).
UPLOAD_MAX_BYTES = env_int("FOLLOWUP_UPLOAD_MAX_BYTES", 20 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "followup.api.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.LimitOffsetPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env_str("FOLLOWUP_API_ANON_RATE", "120/minute"),
        "user": env_str("FOLLOWUP_API_USER_RATE", "600/minute"),
    },
    "EXCEPTION_HANDLER": "followup.api.errors.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Follow-up API",
    "DESCRIPTION": "The Inter-American Program on the rights of migrants: registry and reporting.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
}

EMAIL_BACKEND = env_str(
    "FOLLOWUP_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
DEFAULT_FROM_EMAIL = env_str("FOLLOWUP_FROM_EMAIL", "followup@localhost")

# Production hardening; `manage.py check --deploy` is clean with these (tested).
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("FOLLOWUP_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = env_int("FOLLOWUP_HSTS_SECONDS", 31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
if env_bool("FOLLOWUP_BEHIND_PROXY", default=False):
    # Only behind a proxy that sets this header itself; otherwise clients could forge it.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True
# The admin's history pages show and diff past versions but never restore one: a revert would
# bypass the services' rules (review status, revisions, one current scale) and write the past
# back over what was published since.
SIMPLE_HISTORY_REVERT_DISABLED = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("FOLLOWUP_LOG_LEVEL", "INFO")},
}

# Long work (compiling the annual report) is queued in the database and run by
# `followup db_worker`, so a web request never waits for it.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# The headless Chromium that prints the annual report's PDF (Debian's package by default).
CHROMIUM = env_str("FOLLOWUP_CHROMIUM", "/usr/bin/chromium")
