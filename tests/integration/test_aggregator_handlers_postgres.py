"""The aggregator's handler suite (tests/unit/test_aggregator_handlers.py) on a real PostgreSQL
store, each test on a fresh database that every aggregator it makes shares, as replicas do (the
cut under the advisory lock, save_release idempotent by id, the wipe recorded and pruned)."""
from __future__ import annotations

import pytest

from tests.unit.test_aggregator_handlers import (  # noqa: F401  (collected here again, on PostgreSQL)
    aggregators, test_a_cut_waits_for_the_coder_holding_counting_then_shows_the_same_reports_in_both,
    test_a_cut_while_the_coder_lags_is_deferred_and_never_shows_counted_but_uncoded_reports,
    test_a_release_shows_the_answers_and_the_coded_themes_of_the_same_reports,
    test_a_scheduled_release_another_aggregator_published_is_not_cut_again,
    test_a_second_release_too_soon_is_refused_with_its_rule_and_no_count,
    test_a_wipe_purges_up_to_the_positions_its_release_was_cut_at_and_lets_their_ids_be_pruned,
    test_a_wipe_that_leaves_records_behind_says_it_is_incomplete_and_prunes_nothing,
    test_each_report_is_counted_then_coded_once_and_only_the_bad_record_dead_lettered,
    test_the_coder_reads_only_what_counting_has_handled_and_sets_aside_a_text_it_cannot_read,
    test_the_schedule_cuts_last_months_release_once_and_not_for_a_month_without_reports)

pytestmark = pytest.mark.postgres


@pytest.fixture
def aggregator(postgres):
    make, made = aggregators(postgres.create_database())
    yield make
    for store in made:
        store.close()
