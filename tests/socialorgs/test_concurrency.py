"""Codes issued by concurrent decisions are distinct and valid (the registry's counter is row-locked)."""

import threading
from datetime import date

import pytest
from django.core.management import call_command
from django.db import connection, connections  # noqa: F401  (connection: read by the skipif condition)
from stdnum.cn import uscc

from minzheng.socialorgs.models import Organisation
from minzheng.socialorgs.services import registration as reg
from tests.core.factories import make_divisions, make_user

from .factories import received


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif("connection.vendor != 'postgresql'", reason="concurrent writers need PostgreSQL")
def test_concurrent_approvals_get_distinct_codes():
    make_divisions()
    call_command("load_policy", verbosity=0)
    caseworker = make_user("caseworker", "210602000000", username="c_jb")
    reviewers = [make_user("reviewer", "210602000000", username=f"c_sh{n}") for n in range(4)]
    apps = [received(caseworker) for _ in range(16)]
    errors = []

    def decide(n):
        try:
            for app in apps[n::4]:
                reg.decide(reviewers[n], app, approve=True, decided_on=date.today(), note="")
        except Exception as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=decide, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    codes = list(Organisation.objects.values_list("uscc", flat=True))
    assert len(codes) == 16 == len(set(codes)) and all(uscc.is_valid(c) for c in codes)
