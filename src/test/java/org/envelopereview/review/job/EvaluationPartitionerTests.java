package org.envelopereview.review.job;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.envelopereview.action.Action;
import org.envelopereview.envelope.EnvelopeCatalog;
import org.envelopereview.review.fixtures.ActionTable;
import org.envelopereview.review.fixtures.Fixtures;
import org.envelopereview.review.run.RunInputs;
import org.envelopereview.support.DatabaseContract;
import org.envelopereview.support.H2IntegrationTest;
import org.envelopereview.support.PostgresIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.envelopereview.review.fixtures.ActionBuilder.action;
import static org.envelopereview.review.fixtures.EnvelopeBuilder.envelope;
import static org.envelopereview.review.fixtures.EnvelopeBuilder.ingressClass;

class EvaluationPartitionerTests {

	private static final int GRID_SIZE = 4;

	/** Q3 less the 30-minute maxDuration of the one envelope. */
	private static final Instant LOOKBACK = Instant.parse("2026-06-30T23:30:00Z");

	private static final Instant FIRST = Instant.parse("2026-07-01T00:00:00Z");

	private static final Instant TIE = FIRST.plus(Duration.ofHours(2));

	private static final RunInputs INPUTS = new RunInputs(1, 1, Fixtures.Q3, null,
			new EnvelopeCatalog(Fixtures.directory(),
					List.of(envelope().with(ingressClass().maxDuration(Duration.ofMinutes(30))).build()), List.of(),
					List.of()),
			Path.of("envelopes"));

	record Range(Instant from, Instant to) {

		boolean contains(Instant instant) {
			return !instant.isBefore(this.from) && instant.isBefore(this.to);
		}

	}

	/** The partitioner's guarantees, the same on both databases. */
	interface Contract extends DatabaseContract {

		default Jdbi jdbi() {
			return bean(Jdbi.class);
		}

		@BeforeEach
		default void clear() {
			ActionTable.clear(jdbi());
		}

		@Test
		default void shouldSplitTheSpanOfTheActionsEvenlyAndPutEachActionInExactlyOneRange() {
			// given: actions from 00:00 to 04:00 on July 1st, 12 of them at 02:00, where
			// an even split in four puts a bound
			List<Action> actions = new ArrayList<>();
			actions.add(at("before-lookback", LOOKBACK.minusSeconds(1)));
			actions.add(at("first", FIRST));
			actions.add(at("early", FIRST.plus(Duration.ofMinutes(30))));
			for (int i = 0; i < 12; i++) {
				actions.add(at("tie-" + i, TIE));
			}
			actions.add(at("late", FIRST.plus(Duration.ofMinutes(210))));
			actions.add(at("last", FIRST.plus(Duration.ofHours(4))));
			actions.add(at("at-end", Fixtures.Q3.end()));
			ActionTable.insert(jdbi(), actions);
			// when
			List<Range> ranges = partition(jdbi());
			// then: bounds an hour apart over the span, not over the whole look-back
			assertCoversLookbackToEnd(ranges);
			assertThat(ranges).containsExactly(new Range(LOOKBACK, FIRST.plus(Duration.ofHours(1))),
					new Range(FIRST.plus(Duration.ofHours(1)), TIE), new Range(TIE, FIRST.plus(Duration.ofHours(3))),
					new Range(FIRST.plus(Duration.ofHours(3)), Fixtures.Q3.end()));
			assertReadExactlyOnce(jdbi(), ranges, actions);
		}

		@Test
		default void shouldNeverMakeAnEmptyRangeWhenTheSpanIsShorterThanAMicrosecondPerRange() {
			// given: two actions one microsecond apart
			List<Action> actions = List.of(at("a", TIE), at("b", TIE.plusNanos(1000)));
			ActionTable.insert(jdbi(), actions);
			// when
			List<Range> ranges = partition(jdbi());
			// then
			assertCoversLookbackToEnd(ranges);
			assertThat(ranges).allSatisfy((range) -> assertThat(range.from()).isBefore(range.to()));
			assertReadExactlyOnce(jdbi(), ranges, actions);
		}

		@Test
		default void shouldPutEveryActionInOneRangeWhenAllShareOneInstant() {
			// given
			List<Action> actions = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				actions.add(at("same-" + i, TIE));
			}
			ActionTable.insert(jdbi(), actions);
			// when
			List<Range> ranges = partition(jdbi());
			// then
			assertCoversLookbackToEnd(ranges);
			assertThat(ranges).filteredOn((range) -> range.contains(TIE)).hasSize(1);
			assertReadExactlyOnce(jdbi(), ranges, actions);
		}

		@Test
		default void shouldMakeOneRangeWhenAllActionsShareTheInstantOfTheLookback() {
			// given
			List<Action> actions = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				actions.add(at("same-" + i, LOOKBACK));
			}
			ActionTable.insert(jdbi(), actions);
			// when
			List<Range> ranges = partition(jdbi());
			// then
			assertThat(ranges).containsExactly(new Range(LOOKBACK, Fixtures.Q3.end()));
			assertReadExactlyOnce(jdbi(), ranges, actions);
		}

		@Test
		default void shouldMakeOneRangeOverTheWholeLookbackWhenThereAreNoActions() {
			// given: no actions
			// when
			List<Range> ranges = partition(jdbi());
			// then
			assertThat(ranges).containsExactly(new Range(LOOKBACK, Fixtures.Q3.end()));
		}

	}

	private static Action at(String id, Instant occurredAt) {
		return action().id(id).at(occurredAt.toString()).build();
	}

	private static List<Range> partition(Jdbi jdbi) {
		List<Range> ranges = new ArrayList<>();
		for (String name : new EvaluationPartitioner(jdbi, INPUTS).partition(GRID_SIZE).keySet()) {
			// as the worker reads it from its step's name
			EvaluationPartitioner.Range range = EvaluationPartitioner.range(EvaluationWorkerStep.NAME + ":" + name);
			ranges.add(new Range(range.from(), range.to()));
		}
		ranges.sort(Comparator.comparing(Range::from));
		return ranges;
	}

	/** Consecutive, from the look-back to the end of the period, with no gap. */
	private static void assertCoversLookbackToEnd(List<Range> ranges) {
		assertThat(ranges).isNotEmpty().hasSizeLessThanOrEqualTo(GRID_SIZE);
		assertThat(ranges.get(0).from()).isEqualTo(LOOKBACK);
		assertThat(ranges.get(ranges.size() - 1).to()).isEqualTo(Fixtures.Q3.end());
		for (int i = 0; i + 1 < ranges.size(); i++) {
			assertThat(ranges.get(i).to()).isEqualTo(ranges.get(i + 1).from());
		}
	}

	/**
	 * Reads each range with the evaluate step's own query: every action of [look-back,
	 * end) exactly once, and nothing else.
	 */
	private static void assertReadExactlyOnce(Jdbi jdbi, List<Range> ranges, List<Action> actions) {
		List<String> read = new ArrayList<>();
		for (Range range : ranges) {
			List<String> ids = jdbi
				.withHandle((handle) -> handle.select(PeriodActionsDao.PERIOD_ACTIONS, range.from(), range.to())
					.map((row, ctx) -> row.getString("id"))
					.list());
			read.addAll(ids);
		}
		List<String> expected = actions.stream()
			.filter((action) -> !action.occurredAt().isBefore(LOOKBACK)
					&& action.occurredAt().isBefore(Fixtures.Q3.end()))
			.map(Action::id)
			.toList();
		assertThat(read).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
	}

	@Nested
	class OnH2 extends H2IntegrationTest implements Contract {

	}

	@Nested
	class OnPostgres extends PostgresIntegrationTest implements Contract {

	}

}
