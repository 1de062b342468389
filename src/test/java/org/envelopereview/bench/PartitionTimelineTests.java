package org.envelopereview.bench;

import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.envelopereview.bench.PartitionTimeline.Partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PartitionTimelineTests {

	private static final LocalDateTime START = LocalDateTime.parse("2026-12-07T10:00:00");

	@Test
	void shouldTellTheSlotTimeThePartitionsDidNotUse() {
		// given two slots and four partitions in an evaluate step of 10 s
		PartitionTimeline timeline = new PartitionTimeline(
				List.of(partition(4.5, 7, 300), partition(1, 4, 100), partition(5.2, 9, 400), partition(1.5, 5, 200)),
				at(0), at(10), 2);

		// when / then
		assertThat(timeline.count()).isEqualTo(4);
		assertThat(timeline.busySeconds()).isCloseTo(12.8, within(1e-9));
		assertThat(timeline.evaluateSeconds()).isCloseTo(10, within(1e-9));
		assertThat(timeline.medianSeconds()).isCloseTo(3.25, within(1e-9));
		assertThat(timeline.medianRead()).isCloseTo(250, within(1e-9));
		assertThat(timeline.startLag()).isCloseTo(1, within(1e-9));
		assertThat(timeline.tail()).isCloseTo(1, within(1e-9));
		// (10 × 2 − 12.8) / 4
		assertThat(timeline.idlePerPartition()).isCloseTo(1.8, within(1e-9));
		// 4 → 4.5 and 5 → 5.2
		assertThat(timeline.medianHandOff().getAsDouble()).isCloseTo(0.35, within(1e-9));
	}

	@Test
	void shouldHaveNoHandOffWhenNoPartitionWaitedForASlot() {
		// given as many partitions as slots
		PartitionTimeline timeline = new PartitionTimeline(List.of(partition(1, 4, 100), partition(1.5, 5, 200)), at(0),
				at(6), 2);

		// when / then
		assertThat(timeline.medianHandOff()).isEmpty();
		assertThat(timeline.idlePerPartition()).isCloseTo((6 * 2 - 6.5) / 2, within(1e-9));
	}

	private static Partition partition(double start, double end, long read) {
		return new Partition(at(start), at(end), read);
	}

	private static LocalDateTime at(double seconds) {
		return START.plusNanos(Math.round(seconds * 1e9));
	}

}
