"""Promised against delivered: the arithmetic, with exact values."""

from __future__ import annotations

from datetime import date

from sitrep.agreements.balance import Report, balance


def batch(key: str, quantity: int | None, batch_id: str | None = None, day: date | None = None) -> Report:
    return Report(key=key, quantity=quantity, cumulative=False, date=day, batch=batch_id)


def total(key: str, quantity: int, day: date, bound: str | None = None) -> Report:
    return Report(key=key, quantity=quantity, cumulative=True, date=day, bound=bound)


def test_the_largest_running_total_wins_over_the_sum_of_batches():
    figures = balance(5000, [
        batch("a", 200, day=date(2020, 4, 9)),
        batch("b", 100, day=date(2020, 4, 8)),
        total("c", 1500, date(2020, 5, 1)),
        total("d", 4000, date(2020, 7, 20), bound="lower"),
    ])
    assert (figures.promised, figures.delivered, figures.basis) == (5000, 4000, "so far")
    assert (figures.so_far, figures.so_far_bound, figures.so_far_date, figures.so_far_key) == (
        4000, "lower", date(2020, 7, 20), "d")
    assert (figures.reports_sum, figures.batches, figures.reports) == (300, 2, 2)
    assert figures.outstanding == 1000


def test_without_a_running_total_the_batches_are_summed():
    figures = balance(1000, [batch("a", 120), batch("b", 80), batch("c", 55)])
    assert (figures.delivered, figures.basis, figures.so_far, figures.reports_sum, figures.batches) == (
        255, "sum of reports", None, 255, 3)
    assert figures.outstanding == 745


def test_one_batch_told_by_several_articles_counts_once_at_its_lower_median():
    figures = balance(None, [
        batch("a", 200, "cluster-1"), batch("b", 210, "cluster-1"), batch("c", 190, "cluster-1"),
        batch("d", 205, "cluster-1"), batch("e", 40, "cluster-2"),
    ])
    # cluster-1: 190, 200, 205, 210 -> lower median 200; plus cluster-2's 40
    assert (figures.delivered, figures.batches, figures.reports) == (240, 2, 5)
    assert figures.outstanding is None  # nothing promised in figures


def test_of_equal_running_totals_the_latest_is_quoted():
    figures = balance(50, [total("early", 30, date(2023, 11, 25)), total("late", 30, date(2023, 11, 27))])
    assert (figures.so_far, figures.so_far_key) == (30, "late")


def test_delivering_more_than_promised_leaves_nothing_outstanding_and_reports_without_figures_are_skipped():
    figures = balance(100, [batch("a", 150), batch("b", None)])
    assert (figures.delivered, figures.reports, figures.outstanding) == (150, 1, 0)


def test_nothing_reported():
    figures = balance(5000, [])
    assert (figures.delivered, figures.basis, figures.reports_sum, figures.batches, figures.outstanding) == (
        None, None, None, 0, None)
