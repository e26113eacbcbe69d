"""The hub password: only ever in the OS keyring (service "CampDesk hub").

Where no keyring backend exists (a headless Linux), we say so and the password must be
typed each session; it is never written to a file or a log. ``keyrings.alt``, which would
store it base64-encoded in a file, is deliberately not a dependency.
"""
from __future__ import annotations

import keyring
import keyring.backends.fail
from keyring.errors import KeyringError

from campdesk.i18n import N_, _
from campdesk.sync.errors import NoPassword

SERVICE = "CampDesk hub"
NO_KEYRING = N_("이 컴퓨터에는 비밀번호를 안전하게 보관할 키링이 없습니다. 허브 비밀번호는 파일에 "
                "저장하지 않으므로 실행할 때마다 입력해야 합니다.")


def no_keyring() -> str:
    return _(NO_KEYRING)


def password_needed() -> NoPassword:
    """What to say when the hub asks for a password this PC does not have."""
    if keyring_available():
        return NoPassword(N_("허브 비밀번호가 필요합니다. '지금 동기화'를 누르거나 설정 → 허브에서 "
                             "입력해 주세요."))
    return NoPassword(N_("허브 비밀번호가 필요합니다. 이 컴퓨터에는 비밀번호를 안전하게 보관할 키링이 "
                         "없습니다. 허브 비밀번호는 파일에 저장하지 않으므로 실행할 때마다 입력해야 "
                         "합니다."))


def password_refused() -> NoPassword:
    return NoPassword(N_("허브가 비밀번호를 받아들이지 않았습니다. '지금 동기화'를 눌러 다시 입력해 "
                         "주세요."))


def account(user: str, host: str, port: int | str, database: str) -> str:
    """The keyring entry name of one hub login."""
    return f"{user}@{host}:{port}/{database}"


# Typed this session where no keyring exists: kept in memory only, gone when the app exits.
_session: dict[str, str] = {}


def remember_for_session(name: str, password: str) -> None:
    _session[name] = password


def keyring_available() -> bool:
    return not isinstance(keyring.get_keyring(), keyring.backends.fail.Keyring)


def get_password(name: str) -> str | None:
    if name in _session:
        return _session[name]
    if not keyring_available():
        return None
    try:
        return keyring.get_password(SERVICE, name)
    except KeyringError:
        return None


def set_password(name: str, password: str) -> None:
    if not keyring_available():
        raise NoPassword(NO_KEYRING)
    try:
        keyring.set_password(SERVICE, name, password)
    except KeyringError as exc:
        raise NoPassword(N_("키링에 비밀번호를 저장하지 못했습니다: {detail}"), detail=str(exc)) from exc


def delete_password(name: str) -> None:
    _session.pop(name, None)
    if keyring_available():
        try:
            keyring.delete_password(SERVICE, name)
        except KeyringError:
            pass
