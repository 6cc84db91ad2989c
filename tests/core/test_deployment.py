"""deploy/ stays true to the code: the documented production settings pass ``check --deploy``, every command
the units and the nightly script name exists, and every nightly job of the platform is scheduled."""

import os
import re
import subprocess
import sys
from pathlib import Path

from django.core.management import get_commands

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"


def _example_settings(tmp_path) -> dict[str, str]:
    values = {}
    for line in (DEPLOY / "minzheng.env.example").read_text().splitlines():
        if line and not line.startswith("#"):
            key, _, value = line.partition("=")
            values[key] = value
    values["MINZHENG_SECRET_KEY"] = "x" * 20 + "kX7#pQ2@vL9$wR4%tY6^zN8&mB3*cF5!"  # 52 varied characters
    values["MINZHENG_VAR_DIR"] = str(tmp_path / "var")
    return values


def test_check_deploy_passes_with_the_documented_settings(tmp_path):
    env = {**os.environ, **_example_settings(tmp_path)}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # the browser tests' setting, never a deployment's
    done = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr + done.stdout
    assert "no issues" in done.stdout


def _nightly_jobs() -> list[str]:
    text = (DEPLOY / "bin" / "nightly").read_text()
    block = re.search(r"for job in \\\n(.*?); do", text, re.S).group(1)
    return [word.strip(" \\") for word in block.split() if word.strip(" \\")]


def test_every_command_the_deployment_runs_exists():
    commands = get_commands()
    named = set(_nightly_jobs())
    for unit in (DEPLOY / "systemd").glob("*.service"):
        named |= set(re.findall(r"manage\.py (\w+)", unit.read_text()))
    assert named - commands.keys() == set()


def test_every_daily_or_nightly_job_of_the_platform_is_in_the_nightly_script():
    jobs = {
        name
        for name, app in get_commands().items()
        if app.startswith("minzheng.") and re.search(r"_(daily|nightly)$", name)
    }
    assert jobs - set(_nightly_jobs()) == set()
    assert _nightly_jobs()[-1] == "verify_audit_chain"  # last: it proves the night's writes kept the chain


def test_nginx_accepts_what_the_application_accepts_and_overwrites_forwarded_for():
    from django.conf import settings

    site = (DEPLOY / "nginx" / "minzheng.conf").read_text()
    limit_mb = int(re.search(r"client_max_body_size (\d+)m;", site).group(1))
    assert limit_mb * 1024 * 1024 >= settings.MINZHENG_MAX_REQUEST_BYTES
    assert "proxy_set_header X-Forwarded-For $remote_addr;" in site
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in site
