"""Dates the way Jekyll holds them: Ruby ``Time`` values in the site's time zone.

Jekyll reads a post's date from its front matter or its file name and shows it in the
site's ``timezone`` (or the machine's), printing it as ``2024-03-05 05:30:00 +0000``.
"""

from __future__ import annotations

from datetime import date, datetime, time, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil import parser as date_parser


class JekyllTime(datetime):
    """A datetime that prints itself as Liquid prints a Ruby ``Time`` in Jekyll."""

    def __str__(self) -> str:
        return jekyll_time_text(self)

    @classmethod
    def of(cls, moment: datetime) -> JekyllTime:
        """The same instant and zone as ``moment``."""
        return cls(
            moment.year, moment.month, moment.day, moment.hour, moment.minute,
            moment.second, moment.microsecond, tzinfo=moment.tzinfo, fold=moment.fold,
        )  # fmt: skip


def site_zone(name: Any) -> tzinfo | None:
    """The zone a site's ``timezone:`` names, or None for the machine's own."""
    if not name:
        return None
    try:
        return ZoneInfo(str(name))
    except (ZoneInfoNotFoundError, ValueError):
        return None


def localised(moment: datetime, zone: tzinfo | None = None) -> JekyllTime:
    """An aware ``moment`` in ``zone`` (the machine's zone when None); naive means local."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone) if zone else moment.astimezone()
    return JekyllTime.of(moment.astimezone(zone) if zone else moment.astimezone())


def to_datetime(value: Any, zone: tzinfo | None = None) -> JekyllTime | None:
    """A datetime from a datetime, a date or a date written as text; None otherwise."""
    if isinstance(value, datetime):
        return localised(value, zone)
    if isinstance(value, date):
        return localised(datetime.combine(value, time()), zone)
    if isinstance(value, str) and value.strip():
        if value.strip() in ("now", "today"):
            return localised(datetime.now(), zone)
        try:
            return localised(date_parser.parse(value), zone)
        except (ValueError, OverflowError):
            return None
    return None


def jekyll_time_text(moment: datetime) -> str:
    """``2024-03-05 05:30:00 +0000``: how Liquid prints a Ruby ``Time``."""
    return moment.strftime("%Y-%m-%d %H:%M:%S %z")
