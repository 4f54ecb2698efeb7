"""Promised against delivered, per commitment: the arithmetic a monitor quotes.

Deliveries on a commitment are reported two ways: one batch at a time ("200 prisoners
were released on Wednesday") and as a running total reached so far ("the government has
freed over 4,000"). Reports of one batch by several articles (one merged incident) count
once, at their lower median. Batches are rarely all reported, so the largest sourced
running total wins over the sum of batches; both are kept, so a reader sees each figure
and where it came from.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from statistics import median_low
from typing import Literal


@dataclass(frozen=True)
class Report:
    """One reported delivery: ``key`` names its record, ``batch`` the merged incident it tells."""

    key: str
    quantity: int | None
    cumulative: bool
    date: date | None = None
    bound: str | None = None  # "lower" for "over 4,000"
    batch: str | None = None


@dataclass(frozen=True)
class Balance:
    promised: int | None
    delivered: int | None
    basis: Literal["so far", "sum of reports"] | None  # which figure ``delivered`` is
    so_far: int | None  # the largest running total
    so_far_bound: str | None
    so_far_date: date | None
    so_far_key: str | None
    reports_sum: int | None  # the sum over batches
    batches: int  # distinct batches summed
    reports: int  # batch reports read (several may tell one batch)

    @property
    def outstanding(self) -> int | None:
        """What is still owed, when both figures are known (never below zero)."""
        if self.promised is None or self.delivered is None:
            return None
        return max(0, self.promised - self.delivered)


def largest_total(totals: list[Report]) -> Report | None:
    """The largest running total; of equal ones, the latest given."""
    if not totals:
        return None
    return max(totals, key=lambda r: (r.quantity, r.date or date.min, r.key))


def batch_sum(batches: list[Report]) -> tuple[int | None, int]:
    """The sum over distinct batches (each at the lower median of its reports) and how many there were."""
    by_batch: dict[str, list[int]] = {}
    for report in batches:
        by_batch.setdefault(report.batch or report.key, []).append(report.quantity)  # type: ignore[arg-type]
    if not by_batch:
        return None, 0
    return sum(median_low(values) for values in by_batch.values()), len(by_batch)


def balance(promised: int | None, reports: Iterable[Report]) -> Balance:
    counted = [r for r in reports if r.quantity is not None]
    total = largest_total([r for r in counted if r.cumulative])
    batches = [r for r in counted if not r.cumulative]
    summed, distinct = batch_sum(batches)
    if total is not None:
        delivered, basis = total.quantity, "so far"
    elif summed is not None:
        delivered, basis = summed, "sum of reports"
    else:
        delivered, basis = None, None
    return Balance(
        promised=promised,
        delivered=delivered,
        basis=basis,
        so_far=total.quantity if total else None,
        so_far_bound=total.bound if total else None,
        so_far_date=total.date if total else None,
        so_far_key=total.key if total else None,
        reports_sum=summed,
        batches=distinct,
        reports=len(batches),
    )
