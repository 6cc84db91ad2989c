"""居民账号: registration, login with lockout, sessions on their own cookie (ADR 0034).

Brute force and enumeration are answered as for staff (core.services.accounts): the same limits
(``LOGIN_MAX_FAILURES`` failures lock ``LOGIN_LOCKOUT_MINUTES``), one message for an unknown number and a wrong
password, an unknown number counted and locked like a real one (``ResidentThrottle``, keyed by a hash), and a
password hash computed all the same. Registration does not tell whether a number is already registered
beyond the account owner's own path: it answers with the same message as a successful registration would
not — see ``register``.
"""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import password_validation
from django.contrib.auth.hashers import check_password, make_password
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from minzheng.core.errors import InvalidIdNumber
from minzheng.core.identity import mask_id_number, parse_resident_id
from minzheng.core.models import AuditEvent, HouseholdMembership, Person
from minzheng.core.services.audit import record_event

from ..errors import InvalidOnestopInput, ResidentLoginFailed
from ..identity import provider
from ..models import Resident, ResidentSession, ResidentThrottle
from ..rules.residents import name_problem, phone_problem

COOKIE_NAME = "mz_resident"
COOKIE_PATH = "/public/onestop/"
IDLE = timedelta(minutes=30)
ABSOLUTE = timedelta(hours=8)
_DUMMY_HASH = make_password("not-a-password")


def _who(id_number: str) -> str:
    return f"居民:{mask_id_number(id_number)}"


def valid_id_number(raw: str, field: str = "id_number") -> str:
    """A 公民身份号码 checked as everywhere on the platform (core.identity: python-stdnum's cn.ric check
    character and the birth date; retired address codes are accepted, as they are in the registry)."""
    try:
        return parse_resident_id(raw).number
    except InvalidIdNumber as error:
        raise InvalidOnestopInput(error.message, field=field) from None


class _Candidate:
    """Only for Django's password validators (similarity to the name and the number)."""

    def __init__(self, id_number: str, name: str):
        self.username, self.full_name, self.pk = id_number, name, None


def register(*, id_number: str, name: str, phone: str, password: str) -> Resident:
    """A new resident account. The ID number must check; if the registry knows the person, the name must be
    the registry's (so nobody registers another's number); the account is linked to that person."""
    number = valid_id_number(id_number)
    if problem := name_problem(name):
        raise InvalidOnestopInput(problem, field="name")
    if problem := phone_problem(phone):
        raise InvalidOnestopInput(problem, field="phone")
    try:
        password_validation.validate_password(password, _Candidate(number, name))
    except password_validation.ValidationError as error:
        raise InvalidOnestopInput("；".join(error.messages), field="password") from None
    person = Person.objects.filter(id_number=number).only("pk", "name").first()
    if person is not None and person.name != name:
        raise InvalidOnestopInput("姓名与公民身份号码不一致，请核对后重新填写", field="name")
    try:
        with transaction.atomic():
            resident = Resident.objects.create(
                id_number=number, name=name, phone=phone, password=make_password(password),
                provider=provider().code, person_id=person.pk if person else None,
            )  # fmt: skip
    except IntegrityError:
        # The same message whoever holds the number: the owner signs in or asks the window to reset it.
        raise InvalidOnestopInput("该公民身份号码无法注册，如已注册请直接登录", field="id_number") from None
    record_event(
        None, AuditEvent.CREATE, object_type="onestop_resident", object_id=resident.pk,
        username=_who(number), summary="居民注册全市通办账号",
    )  # fmt: skip
    return resident


def check_local_password(id_number: str, password: str) -> bool:
    resident = Resident.objects.filter(id_number=id_number).only("password").first()
    if resident is None:
        check_password(password, _DUMMY_HASH)
        return False
    return check_password(password, resident.password)


def _locked_message(until) -> str:
    local = timezone.localtime(until)
    return (
        f"连续登录失败{settings.LOGIN_MAX_FAILURES}次，账号已锁定{settings.LOGIN_LOCKOUT_MINUTES}分钟，"
        f"请于{local:%H:%M}后再试"
    )


def _wrong(failures: int) -> ResidentLoginFailed:
    left = settings.LOGIN_MAX_FAILURES - failures
    return ResidentLoginFailed(
        f"公民身份号码或密码错误，再失败{left}次账号将被锁定{settings.LOGIN_LOCKOUT_MINUTES}分钟"
    )


def authenticate(id_number: str, secret: str) -> Resident:
    """The resident whose secret this is, or ``ResidentLoginFailed`` — the same for every wrong case."""
    number = (id_number or "").strip().upper()[:18]
    resident = Resident.objects.filter(id_number=number).first()
    now = timezone.now()
    if resident is None:
        provider().verify(number, secret)  # the same work as a real check: no timing oracle
        return _refuse_unknown(number)
    if resident.locked_until and resident.locked_until > now:
        raise ResidentLoginFailed(_locked_message(resident.locked_until))
    if not provider().verify(number, secret):
        with transaction.atomic():
            Resident.objects.filter(pk=resident.pk).update(failed_login_count=F("failed_login_count") + 1)
            resident.refresh_from_db(fields=["failed_login_count"])
            locked = resident.failed_login_count >= settings.LOGIN_MAX_FAILURES
            if locked:
                resident.locked_until = now + timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES)
                resident.failed_login_count = 0
                resident.save(update_fields=["locked_until", "failed_login_count"])
        record_event(None, AuditEvent.LOGIN_FAILED, username=_who(number), summary="居民登录失败")
        if locked:
            raise ResidentLoginFailed(_locked_message(resident.locked_until))
        raise _wrong(resident.failed_login_count)
    resident.failed_login_count, resident.locked_until, resident.last_login_at = 0, None, now
    resident.save(update_fields=["failed_login_count", "locked_until", "last_login_at"])
    record_event(None, AuditEvent.LOGIN, username=_who(number), summary="居民登录全市通办")
    return resident


def _refuse_unknown(number: str):
    key = hashlib.sha256(number.encode()).hexdigest()
    now = timezone.now()
    with transaction.atomic():
        throttle, _ = ResidentThrottle.objects.select_for_update().get_or_create(key=key)
        if throttle.locked_until and throttle.locked_until > now:
            raise_locked = True
        else:
            throttle.failed_login_count += 1
            raise_locked = throttle.failed_login_count >= settings.LOGIN_MAX_FAILURES
            if raise_locked:
                throttle.locked_until = now + timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES)
                throttle.failed_login_count = 0
            throttle.save()
    record_event(
        None,
        AuditEvent.LOGIN_FAILED,
        username=_who(number) if len(number) == 18 else "居民",
        summary="居民登录失败",
    )
    if raise_locked:
        raise ResidentLoginFailed(_locked_message(throttle.locked_until))
    raise _wrong(throttle.failed_login_count)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start_session(resident: Resident) -> str:
    """A new session; the plain token goes into the cookie once, only its hash is stored."""
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    ResidentSession.objects.create(
        resident=resident, key_hash=_hash(token), last_seen_at=now, expires_at=now + ABSOLUTE
    )
    return token


def resident_for_token(token: str) -> Resident | None:
    """The resident of a live session (idle 30 minutes or 8 hours old: gone), touching it."""
    if not token or len(token) > 100:
        return None
    now = timezone.now()
    session = (
        ResidentSession.objects.select_related("resident")
        .filter(key_hash=_hash(token), expires_at__gt=now, last_seen_at__gt=now - IDLE)
        .first()
    )
    if session is None:
        return None
    if now - session.last_seen_at > timedelta(minutes=1):
        ResidentSession.objects.filter(pk=session.pk).update(last_seen_at=now)
    return session.resident


def end_session(token: str) -> None:
    if token:
        ResidentSession.objects.filter(key_hash=_hash(token)).delete()


def current_household_id(resident: Resident) -> int | None:
    """The household the resident lives in now (the registry's current membership), or None."""
    if resident.person_id is None:
        return None
    return (
        HouseholdMembership.objects.filter(person_id=resident.person_id, valid_to__isnull=True)
        .values_list("household_id", flat=True)
        .first()
    )
