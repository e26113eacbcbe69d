"""The log: a rotating file in the data folder's ``logs/``, never the terminal, never a secret.

Errors met on worker threads (sync rounds, background operations) are written here with
their tracebacks; what staff read is the one plain line the caller shows. The file and its
folder are made only when something is written, so a command that only reads leaves no trace.
Passwords, and URLs with a password in them, are blanked out of everything written.
"""
from __future__ import annotations

import logging
import re
import threading
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_FILE = "campdesk.log"
_SECRETS = re.compile(r"(password\s*=\s*)(?:'[^']*'|\S+)|(://[^:/@\s]*:)[^@\s]*@", re.IGNORECASE)


def redact(text: str) -> str:
    return _SECRETS.sub(lambda m: f"{m.group(1)}***" if m.group(1) else f"{m.group(2)}***@", text)


class _RedactingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


class _LogFile(RotatingFileHandler):
    """Makes its folder when it first writes."""

    def _open(self):
        Path(self.baseFilename).parent.mkdir(parents=True, exist_ok=True)
        return super()._open()


def setup(home: Path) -> Path:
    """Send CampDesk's log to ``home/logs/campdesk.log`` (1 MB, five old files kept)."""
    path = Path(home) / "logs" / LOG_FILE
    logger = logging.getLogger("campdesk")
    for handler in list(logger.handlers):
        if isinstance(handler, _LogFile):
            if Path(handler.baseFilename) == path.resolve():
                return path
            logger.removeHandler(handler)
            handler.close()
    handler = _LogFile(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8", delay=True)
    handler.setFormatter(_RedactingFormatter(
        "%(asctime)s %(levelname)s [%(threadName)s] %(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False  # never the terminal
    threading.excepthook = _thread_failed
    return path


def _thread_failed(args: threading.ExceptHookArgs) -> None:
    logging.getLogger("campdesk").error(
        "uncaught error on thread %s", getattr(args.thread, "name", "?"),
        exc_info=(args.exc_type, args.exc_value, args.exc_traceback))
