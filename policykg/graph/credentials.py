"""The embedded store's two Bolt users: an administrator for policykg's own work, a reader for ad hoc reads.

Why two users, and why random names:

- **A reader that can only read** is the second wall behind the read-only guard
  (``queries/guard.py``): guarded statements run as a user whose ArcadeDB group may read
  records and nothing else (no create, update or delete of a record, no schema change, no
  backup, import or export), so a write that slips past the guard fails in the store
  (issue 22: ``sql.eval("INSERT …")`` had written through the guard).
- **Names nobody can guess.** ArcadeDB locks a user name out for a while after a few
  wrong passwords, and anyone on the machine can send those to the loopback Bolt port:
  six wrong passwords for ``root`` slowed the next command from 1.75 s to 29.7 s (issue
  22). policykg never logs in as ``root`` (its password stays in ``STORE/.password`` for
  ArcadeDB, which requires the user); it uses ``admin-<random>`` and ``reader-<random>``,
  named and with passwords in ``STORE/.credentials.json`` (0600, in the 0700 store
  directory), so another user cannot lock them out.

The server process (``arcadedb_server.py``) creates or updates both users and the reader's
group every time it starts, so a store made before this file existed gets them too.
"""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

FILE = ".credentials.json"
#: The reader's ArcadeDB group: read records of every type; no database-level access at all.
READER_GROUP = "policykg-reader"
READER_GROUP_CONFIG = {"resultSetLimit": -1, "readTimeout": -1, "access": [],
                       "types": {"*": {"access": ["readRecord"]}}}
#: ArcadeDB's built-in group of administrators (every record operation, schema, security).
ADMIN_GROUP = "admin"


@dataclass(frozen=True)
class Login:
    user: str
    password: str

    def auth(self) -> tuple[str, str]:
        return self.user, self.password


@dataclass(frozen=True)
class Credentials:
    admin: Login
    reader: Login


def _new_login(role: str) -> dict[str, str]:
    return {"user": f"{role}-{secrets.token_hex(12)}", "password": secrets.token_urlsafe(24)}


def store_credentials(root: Path) -> Credentials:
    """The store's logins, made on first use (``root`` must exist); the file is readable by its owner only."""
    path = root / FILE
    if not path.exists():
        data = {"admin": _new_login("admin"), "reader": _new_login("reader")}
        tmp = path.with_name(f"{FILE}.{os.getpid()}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            json.dump(data, fh)
        try:
            os.link(tmp, path)  # never replaces a file another process made meanwhile
        except FileExistsError:
            pass
        finally:
            tmp.unlink(missing_ok=True)
    data = json.loads(path.read_text())
    return Credentials(Login(**data["admin"]), Login(**data["reader"]))
