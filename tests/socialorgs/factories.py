"""Plain factory functions for 社会组织 tests: they go through the real services."""

import itertools
from datetime import date, timedelta
from decimal import Decimal

from minzheng.socialorgs.services import registration as reg
from tests.core.factories import valid_id

_n = itertools.count(1)


def particulars(**over) -> reg.Particulars:
    n = next(_n)
    values = {
        "name": f"丹东市元宝区第{n}围棋协会",
        "address": "元宝区七道街道1号",
        "purpose": "推广围棋运动",
        "business_scope": "培训、比赛、交流",
        "activity_area": "元宝区",
        "legal_rep_name": "王某",
        "legal_rep_id_number": valid_id(),
        "funds": Decimal(50000),
        "supervisor": "元宝区体育局",
        "supervisor_approved_on": date.today() - timedelta(days=10),
        "individual_members": 60,
        "unit_members": 0,
        "full_time_staff": 2,
    }
    values.update(over)
    return reg.Particulars(**values)


def received(caseworker, kind="association", form="legal_person", received_on=None, **over):
    received_on = received_on or date.today() - timedelta(days=5)
    over.setdefault("supervisor_approved_on", received_on - timedelta(days=10))
    return reg.receive_establishment(
        caseworker,
        org_kind=kind,
        org_form=form,
        particulars=particulars(**over),
        received_on=received_on,
    )


def registered(caseworker, reviewer, **over):
    """Registered 30 days after receipt (today when received recently)."""
    app = received(caseworker, **over)
    on = min(app.received_on + timedelta(days=30), date.today())
    return reg.decide(reviewer, app, approve=True, decided_on=on, note="").organisation
