"""The build's notion of today: China time, or the day of SOURCE_DATE_EPOCH for reproducible builds."""

from __future__ import annotations

import datetime as dt

from generator.assess.today import CHINA, china_today

__all__ = ["CHINA", "build_date"]


def build_date() -> dt.date:
    """Today in China, or the day of SOURCE_DATE_EPOCH (generator/assess/today.py, shared with the engine)."""
    return china_today()
