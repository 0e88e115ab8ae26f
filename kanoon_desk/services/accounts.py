"""Desk set-up, log-in, users and roles, the office's details and the holiday table."""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from ..errors import (
    QT_TRANSLATE_NOOP,
    FieldChecks,
    NotFound,
    PermissionDenied,
    ServiceError,
    ValidationError,
)
from ..eventlog import SYSTEM_USER_ID, Actor, audit, system_actor
from ..ids import hlc_pack, new_id
from ..models import ROLES, AuditEntry, Event, Holiday, Office, User, utcnow
from ..persian import WorkingCalendar, format_jalali_date, normalize_text, to_ascii_digits
from ..projections.accounts import password_mark
from ..projections.kept_admin import admin_losses, held_changes
from ..store import Store

_hasher = PasswordHasher()

MSG_BAD_LOGIN = QT_TRANSLATE_NOOP("Errors", "نام کاربری یا گذرواژه درست نیست.")
MSG_DISABLED = QT_TRANSLATE_NOOP("Errors", "این کاربر غیرفعال است؛ با مدیر دفتر تماس بگیرید.")
MSG_NEED_ADMIN = QT_TRANSLATE_NOOP("Errors", "این کار فقط از مدیر سامانه دفتر برمی‌آید.")
MSG_REQUIRED = QT_TRANSLATE_NOOP("Errors", "این خانه را پر کنید.")
MSG_PASSWORD_SHORT = QT_TRANSLATE_NOOP("Errors", "گذرواژه دست‌کم ۸ نویسه باشد.")
MSG_PASSWORDS_DIFFER = QT_TRANSLATE_NOOP("Errors", "دو گذرواژه یکسان نیستند؛ دوباره بنویسید.")
MSG_USERNAME_TAKEN = QT_TRANSLATE_NOOP("Errors", "این نام کاربری پیش‌تر گرفته شده است.")
MSG_USERNAME_SHAPE = QT_TRANSLATE_NOOP("Errors", "نام کاربری فقط حروف لاتین، رقم، نقطه و خط زیر باشد.")
MSG_OFFICE_CODE = QT_TRANSLATE_NOOP("Errors", "کد دفتر ۱ تا ۸ رقم یا حرف لاتین باشد.")
MSG_ROLE_UNKNOWN = QT_TRANSLATE_NOOP("Errors", "نقش ناشناخته است.")
MSG_NO_ROLES = QT_TRANSLATE_NOOP("Errors", "دست‌کم یک نقش برگزینید.")
MSG_LAST_ADMIN = QT_TRANSLATE_NOOP("Errors", "آخرین مدیر سامانه را نمی‌توان غیرفعال یا بی‌نقش کرد.")
MSG_HAS_USERS = QT_TRANSLATE_NOOP("Errors", "این دفتر کاربر دارد؛ با یکی از کاربران دفتر وارد شوید.")
MSG_NO_LONGER_ADMIN = QT_TRANSLATE_NOOP(
    "Errors", "حساب شما دیگر فعال نیست یا نقش مدیر سامانه ندارد؛ از سامانه خارج شوید و دوباره وارد شوید.")
MSG_NO_ROLES_LOGIN = QT_TRANSLATE_NOOP(
    "Errors", "این کاربر هیچ نقشی ندارد (نقش‌هایش در دو میز جداگانه گرفته شد) و با آن کاری برنمی‌آید؛ از مدیر "
              "سامانه دفتر بخواهید در صفحه کاربران نقشی به او بدهد.")
MSG_NOT_YOURSELF_INACTIVE = QT_TRANSLATE_NOOP(
    "Errors", "نمی‌توانید خودتان را غیرفعال کنید؛ مدیر سامانه دیگری باید این کار را بکند.")
MSG_NOT_YOUR_OWN_ADMIN = QT_TRANSLATE_NOOP(
    "Errors", "نمی‌توانید نقش مدیر سامانه را از خودتان بگیرید؛ مدیر سامانه دیگری باید این کار را بکند.")


@dataclass(frozen=True)
class UserView:
    id: str
    username: str
    full_name: str
    roles: frozenset[str]
    active: bool
    office_code: str
    must_change_password: bool
    #: Kept an active admin though a change made at another desk took that away: it left the office
    #: with no active admin after a sync (`stand_in_admin`).
    kept_as_admin: bool = False
    #: Another account has this user name (made at two desks apart: a `username.duplicate` conflict
    #: until an admin resolves it); `login` takes the oldest of them, so the others cannot log in.
    name_shared: bool = False
    #: ... and this is one of the others (`name_shared`, not the oldest)
    name_taken_by_older: bool = False
    #: Steps recorded by this inactive user after their deactivation, at a desk that did not know of
    #: it yet (`work_after_deactivation`): they stand, and are theirs by name.
    late_steps: int = 0

    @property
    def no_roles(self) -> bool:
        """An active user left with no role (each of two desks apart took one of their two): they
        cannot log in (`MSG_NO_ROLES_LOGIN`) until an admin gives them one."""
        return self.active and not self.roles


def _view(u: User, stand_in: str | None = None, older: str | None = None, late: int = 0) -> UserView:
    shared = {"name_shared": older is not None, "name_taken_by_older": older not in (None, u.id)}
    if u.id == stand_in:
        return UserView(u.id, u.username, u.full_name, u.role_set | {"admin"}, True, u.office_code,
                        u.must_change_password, kept_as_admin=True, **shared)
    return UserView(u.id, u.username, u.full_name, u.role_set, u.active, u.office_code,
                    u.must_change_password, late_steps=late, **shared)


#: How long after a user's deactivation the users page looks for work they recorded at a desk that
#: did not know of it yet (desks work apart for days, not for months): the events of that span are read.
LATE_WORK_DAYS = 90


def work_after_deactivation(s: Session, now: datetime | None = None) -> dict[str, int]:
    """Inactive users deactivated in the last `LATE_WORK_DAYS` → how many steps they recorded after
    the deactivation by its stamp (HLC): at another desk, offline, before the sync told it. The work
    stands (events are never dropped) and is theirs by name; this says it happened."""
    since = hlc_pack(int(((now or utcnow()) - timedelta(days=LATE_WORK_DAYS)).timestamp() * 1000), 0)
    inactive = [u.id for u in s.scalars(select(User).where(User.active.is_(False)))]
    if not inactive:
        return {}
    # A deactivation held back for want of another admin (`stand_in_admin`) is in force from when
    # an admin was active again: the kept user's work before it was an admin's, not late.
    # The desk that made an admin active again knew at once, and the kept user's session there went on.
    held = held_changes(s)
    left: dict[str, int] = {}  # user id -> the stamp of the deactivation in force
    knew: dict[str, str] = {}  # user id -> the desk where their session went on past it
    for event_id, user_id, hlc, payload in s.execute(
            select(Event.id, Event.aggregate_id, Event.hlc, Event.payload)
            .where(Event.aggregate_id.in_(inactive), Event.type == "user.updated").order_by(Event.hlc, Event.id)):
        if "active" in payload:
            knew.pop(user_id, None)
            if payload["active"]:
                left.pop(user_id, None)
            elif event_id not in held:
                left[user_id] = hlc
            elif (release := held[event_id]) is not None:
                left[user_id], knew[user_id] = release.hlc, release.device_id
    left = {u: h for u, h in left.items() if h >= since}
    if not left:
        return {}
    late: dict[str, int] = {}
    for user_id, hlc, device in s.execute(select(Event.user_id, Event.hlc, Event.device_id).where(
            Event.hlc > min(left.values()), Event.user_id.in_(list(left)), Event.aggregate_type != "user")):
        if hlc > left[user_id] and device != knew.get(user_id):
            late[user_id] = late.get(user_id, 0) + 1
    return late


def stand_in_admin(s: Session) -> str | None:
    """The user who stays an active admin when the office has none left, or None while it has one.

    Each desk keeps its last active admin (`update_user`), but two desks apart can each take one
    of two admins away (deactivate, or take the role): after the sync nobody could manage the
    office's accounts, on any desk. Then the change that took the last admin away by (HLC, id) is
    held back: its user logs in and acts as an active admin until another admin is active again.
    Read from the events, not kept in a table, so every desk holding the same events names the
    same user, in whatever order they came."""
    users = {u.id: u for u in s.scalars(select(User))}
    if any(u.active and "admin" in u.role_set for u in users.values()):
        return None
    last = None
    for loss in admin_losses(s):
        last = loss.user_id
    return last if last in users else None


def require(actor: Actor, *roles: str) -> None:
    """Refuse unless the actor holds one of `roles` (services call this; the UI only hides)."""
    if not actor.has(*roles):
        raise PermissionDenied(QT_TRANSLATE_NOOP("Errors", "شما اجازه این کار را ندارید."))


def _require_acting_admin(s: Session, actor: Actor) -> None:
    """Account management asks the store, in its own transaction, whether the actor is still an
    active admin: a session holds the roles it logged in with (`require` reads only those, as it
    runs on every scan at the lending desk), and another admin may since have deactivated this
    one or taken the role away. Set-up and demo data (the system actor) are not a user's."""
    require(actor, "admin")
    if actor.user_id == SYSTEM_USER_ID:
        return
    me = s.get(User, actor.user_id)
    if me is None or not me.active or "admin" not in me.role_set:
        if me is not None and stand_in_admin(s) == me.id:
            return
        raise PermissionDenied(MSG_NO_LONGER_ADMIN)


def _required(value: str, field: str) -> str:
    value = normalize_text(value or "")
    if not value:
        raise ValidationError(MSG_REQUIRED, field)
    return value


def _check_username(username: str) -> str:
    username = (username or "").strip().lower()
    if not username:
        raise ValidationError(MSG_REQUIRED, "username")
    if not all(c.isascii() and (c.isalnum() or c in "._") for c in username) or len(username) > 64:
        raise ValidationError(MSG_USERNAME_SHAPE, "username")
    return username


def _check_password(password: str) -> str:
    if len(password or "") < 8:
        raise ValidationError(MSG_PASSWORD_SHORT, "password")
    return password


def _check_new_password(checks: FieldChecks, password: str, again: str | None) -> None:
    """A new password, and its repetition when the form asks for one (`again`, at "password2")."""
    checks.value(lambda: _check_password(password), "")
    if again is not None and again != password:
        checks.refuse(ValidationError(MSG_PASSWORDS_DIFFER, "password2"))


def _check_roles(roles: set[str] | frozenset[str] | list[str]) -> list[str]:
    roles = set(roles)
    if not roles:
        raise ValidationError(MSG_NO_ROLES, "roles")
    if not roles <= set(ROLES):
        raise ValidationError(MSG_ROLE_UNKNOWN, "roles")
    return sorted(roles)


def setup_desk(store: Store, *, office_code: str, office_name: str, admin_username: str,
               admin_full_name: str, admin_password: str, device_no: int = 1,
               office_kind: str = "office", province: str = "", admin_password_again: str | None = None) -> UserView:
    """First run: the desk's identity, its office and the first admin user, in one go. The office
    code is read as the centres' codes are: Persian digits (a Persian keyboard's) are digits.
    Every field refused is said at once (`FieldErrors`), the password's repetition too when the
    form gives it (`admin_password_again`)."""
    office_code = to_ascii_digits(office_code or "").strip().upper()
    checks = FieldChecks()
    if not (1 <= len(office_code) <= 8 and office_code.isascii() and office_code.isalnum()):
        checks.refuse(ValidationError(MSG_OFFICE_CODE, "office_code"))
    office_name = checks.value(lambda: _required(office_name, "office_name"), "")
    username = checks.value(lambda: _check_username(admin_username), "")
    full_name = checks.value(lambda: _required(admin_full_name, "full_name"), "")
    _check_new_password(checks, admin_password, admin_password_again)
    checks.raise_any()
    if office_kind not in ("office", "centre"):
        raise ValueError(office_kind)
    store.set_identity(office_code, device_no)
    return _first_admin(store, office_code, office_name, office_kind, province, username, full_name, admin_password)


def needs_first_admin(store: Store) -> bool:
    """A desk with an identity and no user at all: enrolled with a server whose office had none
    yet (its first desk), so nobody could log in. A desk holds its own office's users only."""
    if not store.is_initialised:
        return False
    with store.read() as s:
        return s.scalar(select(User.id).limit(1)) is None


def create_first_admin(store: Store, *, admin_username: str, admin_full_name: str, admin_password: str,
                       office_name: str = "", admin_password_again: str | None = None) -> UserView:
    """The office's first admin on an enrolled desk that has no user (`needs_first_admin`): the
    trust of a first run, and only then. The office's name is asked for when the office has no
    record yet (`get_office` is None); the user and the office record sync to the office's
    other desks like any event. Every field refused is said at once, as in `setup_desk`."""
    if not needs_first_admin(store):
        raise PermissionDenied(MSG_HAS_USERS, "username")
    office_code = store.identity.office_code
    checks = FieldChecks()
    if get_office(store, office_code) is None:
        office_name = checks.value(lambda: _required(office_name, "office_name"), "")
    username = checks.value(lambda: _check_username(admin_username), "")
    full_name = checks.value(lambda: _required(admin_full_name, "full_name"), "")
    _check_new_password(checks, admin_password, admin_password_again)
    checks.raise_any()
    return _first_admin(store, office_code, office_name, "office", "", username, full_name, admin_password)


def _first_admin(store: Store, office_code: str, office_name: str, office_kind: str, province: str,
                 username: str, full_name: str, password: str) -> UserView:
    actor = system_actor(office_code)
    with store.transaction() as s:
        if s.get(Office, office_code) is None:
            store.record(s, actor, "office.set", office_code,
                         {"name": office_name, "kind": office_kind, "province": province})
        user_id = new_id()
        store.record(s, actor, "user.created", user_id, {
            "office_code": office_code, "username": username, "full_name": full_name,
            "password_hash": _hasher.hash(password), "roles": list(ROLES)})
        user = s.get(User, user_id)
        assert user is not None
        return _view(user)


#: Wrong passwords in a row a user name may have before log-in with it waits (`login_wait`).
FREE_ATTEMPTS = 5
#: The wait after the first attempt beyond the free ones; it doubles with each further one ...
FIRST_WAIT = timedelta(seconds=30)
#: ... up to this.
LONGEST_WAIT = timedelta(minutes=15)
#: The audit actions the log-in throttle reads (the partial index `ix_audit_login` holds them).
#: Not "login.refused": the right password of an inactive account or one with no role, neither a
#: wrong guess nor a log-in.
LOGIN_ACTIONS = ("login.ok", "login.failed", "login.locked", "login.unlocked")

MSG_LOGIN_LOCKED = QT_TRANSLATE_NOOP(
    "Errors", "چند بار پشت سر هم گذرواژه نادرست نوشته شد؛ ورود با این نام کاربری تا %Ln دقیقه دیگر بسته است. "
              "اگر گذرواژه را فراموش کرده‌اید، مدیر سامانه دفتر می‌تواند گذرواژه تازه‌ای بدهد.")


@functools.cache
def _dummy_hash() -> str:
    """A hash to check a password against when the user name is unknown, so an unknown name
    takes as long to refuse as a wrong password (the time would otherwise tell it apart)."""
    return _hasher.hash("no such user: the time is spent all the same")


def _aware(at: datetime) -> datetime:
    return at if at.tzinfo is not None else at.replace(tzinfo=utcnow().tzinfo)


def login_wait(s: Session, username: str, now: datetime | None = None) -> timedelta:
    """How long log-in with `username` must still wait: nothing for the first `FREE_ATTEMPTS`
    wrong passwords in a row, then `FIRST_WAIT` after the last one, doubling with each further
    one up to `LONGEST_WAIT`. Counted from the audit chain (the store's own file), so it holds for
    an app started again, and by the name typed, so it neither needs nor tells whether such a user
    exists. A good log-in, or an admin's new password (`login.unlocked`), starts the count again."""
    now = now or utcnow()
    rows = s.execute(select(AuditEntry.action, AuditEntry.at)
                     .where(AuditEntry.username == username, text("audit.action LIKE 'login.%'"),
                            AuditEntry.action.in_(LOGIN_ACTIONS))
                     .order_by(AuditEntry.seq.desc()).limit(64)).all()
    failures = 0
    last_failure: datetime | None = None
    for action, at in rows:
        if action in ("login.ok", "login.unlocked"):
            break
        if action == "login.failed":
            failures += 1
            last_failure = last_failure or _aware(at)
    if failures < FREE_ATTEMPTS or last_failure is None:
        return timedelta(0)
    wait = min(FIRST_WAIT * 2 ** min(failures - FREE_ATTEMPTS, 16), LONGEST_WAIT)
    left: timedelta = last_failure + wait - now
    return max(timedelta(0), left)


def unknown_name(typed: str) -> str:
    """How the audit chain names a log-in attempt with a user name no user has: `?` and the
    first 16 hex digits of its SHA-256 (fits the column; the same typing, the same name)."""
    return "?" + hashlib.sha256(typed.encode("utf-8")).hexdigest()[:16]


MSG_PASSWORD_REPLACED = QT_TRANSLATE_NOOP(
    "Errors", "این گذرواژه پیش‌تر درست بود، اما همان هنگام در میز دیگری گذرواژه این کاربر عوض شد و پس از "
              "همگام‌سازی گذرواژه‌ای که دیرتر گذاشته شد به کار می‌رود. با آن وارد شوید؛ اگر آن را نمی‌دانید، از "
              "مدیر سامانه دفتر بخواهید گذرواژه تازه‌ای به شما بدهد.")


def _replaced_apart(s: Session, user_id: str, password: str) -> bool:
    """Whether `password` is one that a change made at another desk apart replaced (a
    `user.password_apart` conflict: the later change is in force on every desk), so that the user
    is told why it no longer opens the account rather than only that it is wrong."""
    from ..models import Conflict

    for c in s.scalars(select(Conflict).where(Conflict.kind == "user.password_apart", Conflict.aggregate_id == user_id)):
        newer = c.facts.get("summary", {}).get("newer")
        for event_id in c.facts.get("involved", []):
            ev = s.get(Event, event_id) if event_id != newer else None
            old_hash = ev.payload.get("password_hash") if ev is not None else None
            try:
                if isinstance(old_hash, str) and _hasher.verify(old_hash, password):
                    return True
            except (VerificationError, InvalidHashError):
                continue
    return False


def login(store: Store, username: str, password: str) -> Actor:
    """Check a password (argon2); every attempt, good or bad, is on the audit chain. After
    `FREE_ATTEMPTS` wrong passwords in a row log-in with that name waits (`login_wait`): the
    password is not even checked meanwhile, and the refusal says how long."""
    username = (username or "").strip().lower()
    # The refusal is raised after the transaction commits: raised inside, it rolled the audit
    # entry of the failed attempt back with it (failed log-ins were never on the chain).
    refusal: ServiceError | None = None
    with store.transaction() as s:
        # Two desks set up apart may both have a user of this name (a sync conflict): the
        # oldest account keeps the name until an admin resolves it.
        user = s.scalar(select(User).where(User.username == username).order_by(User.created_at, User.id).limit(1))
        # A name no user has is kept on the chain as a digest: it is often a password typed
        # into the user name's box (and its wait is counted under the digest all the same).
        name = user.username if user is not None else unknown_name(username)
        wait = login_wait(s, name)
        if wait > timedelta(0):
            audit(s, user_id="", username=name, action="login.locked")
            refusal = ValidationError(MSG_LOGIN_LOCKED, "password",
                                      {"n": max(1, -(-int(wait.total_seconds()) // 60))})
        else:
            ok = False
            try:
                ok = _hasher.verify(user.password_hash if user is not None else _dummy_hash(), password or "")
            except (VerificationError, InvalidHashError):
                ok = False
            kept = ok and user is not None and (not user.active or "admin" not in user.role_set) \
                and stand_in_admin(s) == user.id
            # The right password of an account that may not log in (inactive, or left with no
            # role) is refused with its reason, not counted as a wrong guess: counted, its user was
            # soon told to wait rather than why, and was still waiting once an admin let them in.
            refused = ok and user is not None and not kept and not (user.active and user.role_set)
            audit(s, user_id=user.id if user else "", username=name,
                  action="login.refused" if refused else "login.ok" if ok and user else "login.failed")
            if not ok and user is not None and _replaced_apart(s, user.id, password or ""):
                refusal = ValidationError(MSG_PASSWORD_REPLACED, "password")
            elif not ok or user is None:
                refusal = ValidationError(MSG_BAD_LOGIN, "password")
            elif kept:  # the office's admin until another is active again (`stand_in_admin`)
                actor = Actor(user.id, user.username, user.full_name, user.office_code, user.role_set | {"admin"})
            elif not user.active:
                refusal = PermissionDenied(MSG_DISABLED, "username")
            elif not user.role_set:  # every page would be empty and every action refused
                refusal = PermissionDenied(MSG_NO_ROLES_LOGIN, "username")
            else:
                actor = Actor(user.id, user.username, user.full_name, user.office_code, user.role_set)
    if refusal is not None:
        raise refusal
    return actor


MSG_SESSION_INACTIVE = QT_TRANSLATE_NOOP(
    "Errors", "حساب شما در میز دیگری غیرفعال شد و همگام‌سازی آن را به این میز آورد؛ جلسه کاری شما بسته شد. "
              "آنچه پیش از این ثبت کرده بودید می‌ماند.")
MSG_SESSION_ROLES = QT_TRANSLATE_NOOP(
    "Errors", "نقش‌های شما در میز دیگری تغییر کرد و همگام‌سازی آن را به این میز آورد؛ برای کار با نقش‌های تازه "
              "دوباره وارد شوید.")


def session_out_of_date(store: Store, actor: Actor) -> str | None:
    """Why a logged-in session no longer holds after a sync brought in a change made elsewhere (the
    user deactivated, or their roles changed: `require` reads the roles of the session, as a
    lending desk's every scan does), or None while it does. The app ends such a session."""
    if actor.user_id == SYSTEM_USER_ID:
        return None
    with store.read() as s:
        user = s.get(User, actor.user_id)
        if user is None:
            return None  # (a session of an account this store does not hold: nothing to compare)
        kept = stand_in_admin(s) == user.id
        if not user.active and not kept:
            return MSG_SESSION_INACTIVE
        roles = user.role_set | {"admin"} if kept else user.role_set
        return MSG_SESSION_ROLES if roles != actor.roles else None


def list_users(store: Store, actor: Actor) -> list[UserView]:
    require(actor, "admin")
    with store.read() as s:
        stand_in = stand_in_admin(s)
        late = work_after_deactivation(s)
        users = list(s.scalars(select(User).order_by(User.username, User.created_at, User.id)))
        count: dict[str, int] = {}
        oldest: dict[str, str] = {}
        for u in users:  # the account `login` takes for a name: the oldest
            count[u.username] = count.get(u.username, 0) + 1
            oldest.setdefault(u.username, u.id)
        return [_view(u, stand_in, oldest[u.username] if count[u.username] > 1 else None, late.get(u.id, 0))
                for u in users]


MSG_USER_CENTRE = QT_TRANSLATE_NOOP("Errors", "کاربر در همین دفتر یا یکی از مراکز فرهنگی هنری آن کار می‌کند.")


def create_user(store: Store, actor: Actor, *, username: str, full_name: str, password: str,
                roles: set[str] | list[str], must_change_password: bool = True,
                office_code: str = "", password_again: str | None = None) -> UserView:
    """A user of the admin's office; `office_code` places them at one of its cultural centres (a
    librarian who lends there: 1301 under 13). The event stays the office's own. Every field
    refused is said at once (`FieldErrors`), the password's repetition too when given."""
    require(actor, "admin")
    checks = FieldChecks()
    username = checks.value(lambda: _check_username(username), "")
    full_name = checks.value(lambda: _required(full_name, "full_name"), "")
    _check_new_password(checks, password, password_again)
    role_list = checks.value(lambda: _check_roles(roles), list[str]())
    checks.raise_any()
    works_at = (office_code or actor.office_code).strip().upper()
    with store.transaction() as s:
        _require_acting_admin(s, actor)
        if s.scalar(select(User.id).where(User.username == username)):
            raise ValidationError(MSG_USERNAME_TAKEN, "username")
        if works_at != actor.office_code:
            centre = s.get(Office, works_at)
            if centre is None or centre.kind != "centre" or not works_at.startswith(actor.office_code):
                raise ValidationError(MSG_USER_CENTRE, "office_code")
        user_id = new_id()
        store.record(s, actor, "user.created", user_id, {
            "office_code": works_at, "username": username, "full_name": full_name,
            "password_hash": _hasher.hash(password), "roles": role_list,
            "must_change_password": must_change_password}, subject=username)
        user = s.get(User, user_id)
        assert user is not None
        return _view(user)


def _active_admins(s: Session) -> int:
    """The office's active admins, the one kept as admin among them (`stand_in_admin`)."""
    return sum(1 for u in s.scalars(select(User).where(User.active.is_(True))) if "admin" in u.role_set) \
        or (1 if stand_in_admin(s) is not None else 0)


def update_user(store: Store, actor: Actor, user_id: str, *, full_name: str | None = None,
                roles: set[str] | list[str] | None = None, active: bool | None = None) -> UserView:
    """An admin corrects a user's name, roles or whether they may log in. Nobody deactivates
    themselves or takes their own admin role (another admin does), and the last active admin
    keeps both."""
    require(actor, "admin")
    payload: dict[str, object] = {}
    checks = FieldChecks()
    if full_name is not None:
        payload["full_name"] = checks.value(lambda: _required(full_name, "full_name"), "")
    if roles is not None:
        payload["roles"] = checks.value(lambda: _check_roles(roles), list[str]())
    checks.raise_any()
    if active is not None:
        payload["active"] = active
    with store.transaction() as s:
        user = s.get(User, user_id)
        _require_acting_admin(s, actor)
        if user is None:
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "کاربر پیدا نشد."))
        if user.id == actor.user_id and active is False:
            raise ValidationError(MSG_NOT_YOURSELF_INACTIVE, "active")
        if user.id == actor.user_id and roles is not None and "admin" not in set(roles):
            raise ValidationError(MSG_NOT_YOUR_OWN_ADMIN, "roles")
        losing_admin = "admin" in user.role_set and (
            active is False or (roles is not None and "admin" not in set(roles)))
        if losing_admin and _active_admins(s) <= 1:
            raise ValidationError(MSG_LAST_ADMIN, "roles")
        if "full_name" in payload:
            # the name this desk knew: a change made meanwhile at a desk apart is told (a conflict)
            payload["full_name_was"] = user.full_name
        if roles is not None:
            # What changed, besides the whole set (which a desk of an older version reads): a role
            # given at one desk and another taken at a desk apart both stand after the sync; the
            # whole set written last undid the other desk's change.
            wanted = set(roles)
            payload["roles_given"] = sorted(wanted - user.role_set)
            payload["roles_taken"] = sorted(user.role_set - wanted)
        store.record(s, actor, "user.updated", user_id, payload, subject=user.username)
        return _view(user)


def reset_password(store: Store, actor: Actor, user_id: str, new_password: str, *,
                   must_change: bool = True) -> None:
    """An admin sets a temporary password (the user changes it at next log-in)."""
    require(actor, "admin")
    _check_password(new_password)
    with store.transaction() as s:
        _require_acting_admin(s, actor)
        user = s.get(User, user_id)
        if user is None:
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "کاربر پیدا نشد."))
        store.record(s, actor, "user.updated", user_id,
                     {"password_hash": _hasher.hash(new_password), "must_change_password": must_change,
                      "password_was": password_mark(user.password_hash)}, subject=user.username)
        # the user waiting after wrong passwords may log in with the new one at once
        audit(s, user_id=user.id, username=user.username, action="login.unlocked", detail=f"by {actor.username}")


MSG_PASSWORD_SAME = QT_TRANSLATE_NOOP("Errors", "گذرواژه تازه همان گذرواژه کنونی است؛ گذرواژه دیگری برگزینید.")


def change_own_password(store: Store, actor: Actor, old_password: str, new_password: str) -> None:
    """The user's own new password, given the current one. The same password again is refused: a
    temporary one an admin set (and knows) would otherwise stay, with the prompt to change it gone.
    A wrong current password counts as a wrong log-in (on the audit chain, and the name waits
    after `FREE_ATTEMPTS` of them): the dialog is no way round the log-in's wait to guess it."""
    _check_password(new_password)
    refusal: ServiceError | None = None
    with store.transaction() as s:
        user = s.get(User, actor.user_id)
        if user is None:
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "کاربر پیدا نشد."))
        wait = login_wait(s, user.username)
        if wait > timedelta(0):
            audit(s, user_id=user.id, username=user.username, action="login.locked", detail="password change")
            refusal = ValidationError(MSG_LOGIN_LOCKED, "old_password",
                                      {"n": max(1, -(-int(wait.total_seconds()) // 60))})
        else:
            try:
                _hasher.verify(user.password_hash, old_password or "")
            except (VerificationError, InvalidHashError):
                audit(s, user_id=user.id, username=user.username, action="login.failed", detail="password change")
                refusal = ValidationError(QT_TRANSLATE_NOOP("Errors", "گذرواژه کنونی درست نیست."), "old_password")
        if refusal is None:
            if new_password == old_password:
                raise ValidationError(MSG_PASSWORD_SAME, "password")
            store.record(s, actor, "user.updated", user.id,
                         {"password_hash": _hasher.hash(new_password), "must_change_password": False,
                          "password_was": password_mark(user.password_hash)}, subject=user.username)
    if refusal is not None:
        raise refusal


@dataclass(frozen=True)
class OfficeView:
    code: str
    name: str
    kind: str
    province: str
    city: str
    address: str
    phone: str
    heading: str


def get_office(store: Store, code: str | None = None) -> OfficeView | None:
    code = code or store.identity.office_code
    with store.read() as s:
        o = s.get(Office, code)
        if o is None:
            return None
        return OfficeView(o.code, o.name, o.kind, o.province, o.city, o.address, o.phone, o.heading)


def office_at(store: Store, event_id: str, code: str | None = None) -> OfficeView | None:
    """The office's details as they were when the event `event_id` was recorded (its `office.set`
    changes up to that event's stamp, in fold order): what a letter of that step printed in its
    heading. A letter printed again after the office moved or renamed reads as it was sent. The
    details now (`get_office`) when the event is unknown or the office had none yet."""
    code = code or store.identity.office_code
    with store.read() as s:
        hlc = s.scalar(select(Event.hlc).where(Event.id == event_id)) if event_id else None
        if hlc is None:
            return get_office(store, code)
        fields: dict[str, str] = {"name": code, "kind": "office", "province": "", "city": "", "address": "",
                                  "phone": "", "heading": ""}
        seen = False
        for payload in s.scalars(select(Event.payload).where(
                Event.aggregate_id == code, Event.type == "office.set", Event.hlc <= hlc).order_by(Event.hlc, Event.id)):
            seen = True
            fields.update({k: str(v) for k, v in payload.items() if k in fields and v is not None})
    return OfficeView(code, **fields) if seen else get_office(store, code)


def user_at(s: Session, user_id: str, hlc: int | None) -> tuple[str, str] | None:
    """A user's full name and roles (as stored: "expert manager") as they were at the stamp `hlc`
    (their `user.created` and `user.updated` up to it, in fold order): who signed a letter, as the
    letter printed it. Renamed or given another role since, a letter printed again reads as it was
    sent. Their account now when the stamp is unknown or none of their events came before it; None
    for no such user."""
    now = s.get(User, user_id) if user_id else None
    if hlc is None:
        return (now.full_name, now.roles) if now is not None else None
    name: str | None = None
    roles: set[str] = set()
    for kind, payload in s.execute(select(Event.type, Event.payload).where(
            Event.aggregate_id == user_id, Event.type.in_(("user.created", "user.updated")), Event.hlc <= hlc)
            .order_by(Event.hlc, Event.id)):
        if not isinstance(payload, dict):
            continue
        if payload.get("full_name"):
            name = str(payload["full_name"])
        if kind == "user.created" or ("roles" in payload and "roles_given" not in payload
                                      and "roles_taken" not in payload):
            roles = set(payload.get("roles", roles))
        else:
            roles = (roles | set(payload.get("roles_given", ()))) - set(payload.get("roles_taken", ()))
    if name is None:
        return (now.full_name, now.roles) if now is not None else None
    return name, " ".join(sorted(roles))


MSG_OFFICE_KIND = QT_TRANSLATE_NOOP("Errors", "مرکز فرهنگی هنری دوباره دفتر نمی‌شود: کتاب‌ها، اعضا و امانت‌ها به آن بسته‌اند.")


def normalize_lines(text: str) -> str:
    """Text of several lines (the letters' heading: the ministry, the governorate, the office),
    each line normalized on its own and the empty ones dropped: `normalize` alone ran them into one."""
    return "\n".join(line for line in (normalize_text(x) for x in text.splitlines()) if line)


def update_office(store: Store, actor: Actor, **fields: str) -> OfficeView:
    """Change the office's details (name, address, phone, the heading printed on letters, its
    lines kept); `kind` "centre" makes the office itself a cultural centre (its own desk lends
    there), for good. Only the fields that differ from the stored ones are recorded (nothing when
    none does): two desks correcting different fields apart both keep their change."""
    require(actor, "admin")
    allowed = {"name", "kind", "province", "city", "address", "phone", "heading"}
    payload = {k: normalize_lines(v) if k == "heading" else normalize_text(v) for k, v in fields.items() if k in allowed}
    if "name" in payload and not payload["name"]:
        raise ValidationError(MSG_REQUIRED, "name")
    if payload.get("kind", "centre") not in ("office", "centre"):
        raise ValueError(payload["kind"])
    with store.transaction() as s:
        office = s.get(Office, actor.office_code)
        if payload.get("kind") == "office" and office is not None and office.kind == "centre":
            raise ValidationError(MSG_OFFICE_KIND, "kind")
        # only the fields that change, as an agency's or a centre's correction: the whole form
        # recorded put back, by its newer stamp, what another desk had changed meanwhile apart
        if office is not None:
            payload = {k: v for k, v in payload.items() if getattr(office, k) != v}
        if payload:
            store.record(s, actor, "office.set", actor.office_code, payload, subject=actor.office_code)
    view = get_office(store, actor.office_code)
    assert view is not None
    return view


def list_holidays(store: Store) -> list[tuple[date, str]]:
    with store.read() as s:
        return [(h.day, h.title) for h in s.scalars(select(Holiday).order_by(Holiday.day))]


MSG_HOLIDAY_FRIDAY = QT_TRANSLATE_NOOP("Errors", "{day} جمعه است و خودبه‌خود تعطیل است؛ چیزی افزوده نشد.")
MSG_HOLIDAY_FIXED = QT_TRANSLATE_NOOP(
    "Errors", "{day} از تعطیلات رسمی ثابت هر سال است و خودبه‌خود به حساب می‌آید؛ چیزی افزوده نشد.")


def holiday_title(store: Store, day: date) -> str | None:
    """The title `day` has in the holiday table, or None when it is not there."""
    with store.read() as s:
        h = s.get(Holiday, day)
        return h.title if h is not None else None


def is_day_off_anyway(day: date) -> bool:
    """A Friday or a fixed official holiday: off without an entry in the holiday table."""
    return day.weekday() == 4 or is_fixed_holiday(day)


def set_holiday(store: Store, actor: Actor, day: date, title: str) -> None:
    """Enter a day off (or give a day in the table a new title). A Friday or a fixed official
    holiday is off already and is refused at the day field: an entry would add nothing but count
    as the year's lunar holidays entered (`lunar_holidays_missing`)."""
    require(actor, "admin")
    if is_fixed_holiday(day):
        raise ValidationError(MSG_HOLIDAY_FIXED, "day", {"day": to_ascii_digits(format_jalali_date(day))})
    if day.weekday() == 4:
        raise ValidationError(MSG_HOLIDAY_FRIDAY, "day", {"day": to_ascii_digits(format_jalali_date(day))})
    with store.transaction() as s:  # (`was`: what this desk saw, for an entry made apart elsewhere)
        store.record(s, actor, "holiday.set", day.isoformat(), {"title": normalize_text(title or ""),
                                                                 "was": _holiday_was(s, day)})


def terms_falling_on(store: Store, day: date) -> tuple[int, int]:
    """How many deadlines already given fall on `day`: the cases waiting on an agency whose answer
    is due that day, and the open loans due back that day. A holiday entered later does not move
    them: they are what the forwarding letters and the loan slips said (a follow-up gives a case a
    new deadline); the holiday page says so when such a day is made a holiday."""
    from ..models.library import Loan
    from ..models.secretariat import Case

    with store.read() as s:
        cases = s.scalar(select(func.count()).select_from(Case).where(
            Case.status == "forwarded", Case.deadline == day)) or 0
        loans = s.scalar(select(func.count()).select_from(Loan).where(
            Loan.returned_at.is_(None), Loan.due_on == day)) or 0
    return cases, loans


def remove_holiday(store: Store, actor: Actor, day: date) -> None:
    require(actor, "admin")
    with store.transaction() as s:
        store.record(s, actor, "holiday.set", day.isoformat(), {"removed": True, "was": _holiday_was(s, day)})


def _holiday_was(s: Session, day: date) -> str | None:
    """The title `day` has in this desk's holiday table (None: not there), as an entry records it."""
    h = s.get(Holiday, day)
    return h.title if h is not None else None


#: Official holidays on fixed Jalali days, every year by law: (month, day, title). The working
#: calendar counts them without anyone entering them; the admin enters the lunar (moving) ones.
#: Their titles are the program's words (context "Holidays"), shown in the interface's language.
FIXED_HOLIDAYS: tuple[tuple[int, int, str], ...] = (
    (1, 1, QT_TRANSLATE_NOOP("Holidays", "عید نوروز")),
    (1, 2, QT_TRANSLATE_NOOP("Holidays", "عید نوروز")),
    (1, 3, QT_TRANSLATE_NOOP("Holidays", "عید نوروز")),
    (1, 4, QT_TRANSLATE_NOOP("Holidays", "عید نوروز")),
    (1, 12, QT_TRANSLATE_NOOP("Holidays", "روز جمهوری اسلامی")),
    (1, 13, QT_TRANSLATE_NOOP("Holidays", "روز طبیعت")),
    (3, 14, QT_TRANSLATE_NOOP("Holidays", "رحلت امام خمینی")),
    (3, 15, QT_TRANSLATE_NOOP("Holidays", "قیام ۱۵ خرداد")),
    (11, 22, QT_TRANSLATE_NOOP("Holidays", "پیروزی انقلاب اسلامی")),
    (12, 29, QT_TRANSLATE_NOOP("Holidays", "روز ملی شدن صنعت نفت")),
)
#: The Jalali years the working calendar knows the fixed holidays of (far past every due date).
FIXED_YEARS = range(1390, 1481)


def fixed_holidays(year: int) -> list[tuple[date, str]]:
    """The fixed official holidays of a Jalali year, as Gregorian dates."""
    import jdatetime

    return [(jdatetime.date(year, m, d).togregorian(), title) for m, d, title in FIXED_HOLIDAYS]


@functools.cache
def _all_fixed_days() -> frozenset[date]:
    return frozenset(d for year in FIXED_YEARS for d, _ in fixed_holidays(year))


def is_fixed_holiday(day: date) -> bool:
    return day in _all_fixed_days()


def working_calendar(store: Store) -> WorkingCalendar:
    """The Jalali working calendar: Friday weekend, the fixed official holidays of every year (by
    rule), and the admin's holiday table (the lunar holidays, and any other day off)."""
    with store.read() as s:
        return calendar_in(s)


def coming_holidays(store: Store, day: date, count: int = 3) -> list[tuple[date, str]]:
    """The next `count` days off from `day` on (itself included), with their titles: the admin's
    table and the fixed official holidays alike (Nowruz, 29 Esfand are in no table: they are off
    by rule); Fridays are not listed."""
    from ..persian import jalali_year

    table = {d: t for d, t in list_holidays(store) if d >= day}
    year = jalali_year(day)
    fixed = {d: t for y in (year, year + 1) if y in FIXED_YEARS for d, t in fixed_holidays(y) if d >= day}
    days = {**fixed, **table}  # (a fixed day an older desk entered: its entry's title)
    return sorted(days.items())[:count]


def calendar_in(s: Session) -> WorkingCalendar:
    """`working_calendar` read in an open session (the holiday table as this session sees it)."""
    return _calendar_of(frozenset(s.scalars(select(Holiday.day))))


@functools.lru_cache(maxsize=8)
def _calendar_of(table: frozenset[date]) -> WorkingCalendar:
    """One calendar a holiday table (immutable; its table of working days to date, grown as days
    are counted, serves every later count): the desk scans a card, lists the overdue, counts days
    late without building it again (0.24 ms, and ~1 ms more for its first count)."""
    return WorkingCalendar(holidays=_all_fixed_days().union(table))


def lunar_holidays_missing(store: Store, today: date) -> list[int]:
    """The Jalali years whose lunar (moving) holidays are not in the holiday table yet: this year
    if it has no holiday besides the fixed ones, and the coming year likewise from Dey on (the
    year's official calendar is out by then; due dates and deadlines soon reach into it)."""
    from ..persian import jalali_month_key, jalali_year_bounds

    year, month = jalali_month_key(today)
    entered = [d for d, _ in list_holidays(store) if not is_day_off_anyway(d)]  # an entry on a Friday is none
    missing = []
    for y in (year, year + 1) if month >= 10 else (year,):
        first, last = jalali_year_bounds(y)
        if not any(first <= d <= last for d in entered):
            missing.append(y)
    return missing


# -- the idle lock ------------------------------------------------------------------------------

#: The desk's state key of the idle lock's minutes (a setting of this computer, not an event).
K_IDLE_LOCK = "ui.idle_lock_minutes"
#: Minutes of no keyboard or mouse use after which an open session is covered by the lock screen,
#: until the office's admin chooses otherwise; 0 turns the lock off.
IDLE_LOCK_DEFAULT = 10
IDLE_LOCK_MAX = 240
MSG_IDLE_LOCK_RANGE = QT_TRANSLATE_NOOP(
    "Errors", "زمان قفل خودکار عددی از ۰ (خاموش) تا {most} دقیقه باشد.")


def idle_lock_minutes(store: Store) -> int:
    """Minutes of idleness after which the desk locks its session (0: never)."""
    value = store.get_state(K_IDLE_LOCK)
    try:
        minutes = int(value) if value is not None else IDLE_LOCK_DEFAULT
    except ValueError:
        return IDLE_LOCK_DEFAULT
    return minutes if 0 <= minutes <= IDLE_LOCK_MAX else IDLE_LOCK_DEFAULT


def set_idle_lock_minutes(store: Store, actor: Actor, minutes: int | str) -> int:
    """The office's admin sets this desk's idle lock (0: off), on the audit chain."""
    require(actor, "admin")
    try:
        value = int(to_ascii_digits(str(minutes)).strip())
    except ValueError:
        value = -1
    if not 0 <= value <= IDLE_LOCK_MAX:
        raise ValidationError(MSG_IDLE_LOCK_RANGE, "idle_lock", {"most": IDLE_LOCK_MAX})
    with store.transaction() as s:
        _require_acting_admin(s, actor)
        store.set_state(s, K_IDLE_LOCK, str(value))
        audit(s, user_id=actor.user_id, username=actor.username, action="settings.idle_lock", detail=str(value))
    return value


def note_locked(store: Store, actor: Actor) -> None:
    """The session of `actor` was covered by the lock screen (for the audit chain: who was logged
    in when the desk was left, and when)."""
    with store.transaction() as s:
        audit(s, user_id=actor.user_id, username=actor.username, action="session.locked")
