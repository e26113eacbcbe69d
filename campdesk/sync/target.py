"""Where the hub is: a URL from the command line, or the settings plus the keyring."""
from __future__ import annotations

from dataclasses import dataclass

from psycopg.conninfo import conninfo_to_dict, make_conninfo

from campdesk.settings import Settings
from campdesk.sync import secrets
from campdesk.sync.errors import NoPassword, SyncError


@dataclass(frozen=True)
class HubTarget:
    conninfo: str  # never contains the password
    password: str | None

    @property
    def display(self) -> str:
        """A form safe to print or log."""
        p = conninfo_to_dict(self.conninfo)
        return f"{p.get('user', '')}@{p.get('host', '')}:{p.get('port', 5432)}/{p.get('dbname', '')}"


def redact(conninfo: str) -> str:
    params = conninfo_to_dict(conninfo)
    params.pop("password", None)
    return make_conninfo(**params)


def from_url(url: str) -> HubTarget:
    """A URL may carry a password (for scripts and tests); it is split off at once."""
    params = conninfo_to_dict(url)
    password = params.pop("password", None)
    if password is None:
        password = secrets.get_password(_account(params))
    return HubTarget(make_conninfo(**params), password)


def from_settings(settings: Settings, password: str | None = None) -> HubTarget:
    if not settings.hub_host:
        raise SyncError("허브 주소가 설정되지 않았습니다. 설정에서 허브를 지정하거나 --hub URL을 "
                        "주세요. (No hub configured.)")
    params = dict(host=settings.hub_host, port=str(settings.hub_port),
                  dbname=settings.hub_database, user=settings.hub_user,
                  sslmode=settings.hub_sslmode)
    if password is None:
        password = secrets.get_password(_account(params))
    if password is None and not secrets.keyring_available():
        raise NoPassword(secrets.NO_KEYRING)  # the app then asks for it for this session
    return HubTarget(make_conninfo(**params), password)


def account_of(settings: Settings) -> str:
    return secrets.account(settings.hub_user, settings.hub_host, settings.hub_port,
                           settings.hub_database)


def _account(params: dict) -> str:
    return secrets.account(params.get("user", ""), params.get("host", ""),
                           params.get("port", 5432), params.get("dbname", ""))
