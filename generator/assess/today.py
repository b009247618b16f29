"""Today in China (UTC+8), or the day of SOURCE_DATE_EPOCH: the one "today" of the build, the CLI and the engine.

Standard library only (the engine ships it to the browser, where SOURCE_DATE_EPOCH is unset)."""

from __future__ import annotations

import datetime as dt
import os

CHINA = dt.timezone(dt.timedelta(hours=8))


def china_today() -> dt.date:
    """Today in China, or the day (China time) of SOURCE_DATE_EPOCH when it is set, for reproducible runs."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = dt.datetime.fromtimestamp(int(epoch), CHINA) if epoch else dt.datetime.now(CHINA)
    return moment.date()
