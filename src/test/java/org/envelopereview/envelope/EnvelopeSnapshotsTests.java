package org.envelopereview.envelope;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.envelopereview.support.H2IntegrationTest;
import org.envelopereview.support.PostgresIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

class EnvelopeSnapshotsTests {

	private static final EnvelopeCatalog EXAMPLES = new EnvelopeLoader().load(Path.of("envelopes"));

	private static final EnvelopeCatalog BROKEN = new EnvelopeLoader()
		.load(Path.of("src/test/resources/envelopes-broken"));

	static long newRun(Jdbi jdbi) {
		OffsetDateTime start = OffsetDateTime.of(2026, 7, 1, 0, 0, 0, 0, ZoneOffset.UTC);
		return jdbi.withHandle((handle) -> handle.createUpdate("""
				INSERT INTO review_run (period, period_start, period_end, run_number, status, started_at)
				VALUES (:period, :start, :end, 1, 'STARTED', :start)
				""")
			.bind("period", "test-" + UUID.randomUUID())
			.bind("start", start)
			.bind("end", start.plusMonths(3))
			.executeAndReturnGeneratedKeys("id")
			.mapTo(Long.class)
			.one());
	}

	static void shouldStoreEveryFileExactlyAsRead(Jdbi jdbi, EnvelopeSnapshots snapshots) {
		// given
		long run = newRun(jdbi);
		// when
		snapshots.save(run, BROKEN);
		// then
		assertThat(snapshots.load(run)).containsExactlyInAnyOrderElementsOf(BROKEN.files())
			.anyMatch((file) -> !file.valid() && file.envelopeId() == null)
			.anyMatch((file) -> !file.valid() && "BROKEN-CIDR-004".equals(file.envelopeId()));
	}

	static void shouldReplaceTheSnapshotWhenTheSameRunSavesAgain(Jdbi jdbi, EnvelopeSnapshots snapshots) {
		// given
		long run = newRun(jdbi);
		snapshots.save(run, BROKEN);
		// when
		snapshots.save(run, EXAMPLES);
		snapshots.save(run, EXAMPLES);
		// then
		assertThat(snapshots.load(run)).containsExactlyInAnyOrderElementsOf(EXAMPLES.files());
	}

	static void shouldKeepTheSnapshotsOfDifferentRunsApart(Jdbi jdbi, EnvelopeSnapshots snapshots) {
		// given
		long first = newRun(jdbi);
		long second = newRun(jdbi);
		// when
		snapshots.save(first, EXAMPLES);
		snapshots.save(second, BROKEN);
		// then
		assertThat(snapshots.load(first)).containsExactlyInAnyOrderElementsOf(EXAMPLES.files());
		assertThat(snapshots.load(second)).containsExactlyInAnyOrderElementsOf(BROKEN.files());
		assertThat(snapshots.load(newRun(jdbi))).isEmpty();
	}

	static void shouldKeepThePreviousSnapshotWhenASaveFailsPartWay(Jdbi jdbi, EnvelopeSnapshots snapshots) {
		// given
		long run = newRun(jdbi);
		snapshots.save(run, EXAMPLES);
		EnvelopeFile tooLong = new EnvelopeFile("zz-last.yaml", "0".repeat(64), "", false, "X".repeat(500), null);
		List<EnvelopeFile> files = new ArrayList<>(BROKEN.files());
		files.add(tooLong);
		EnvelopeCatalog failing = new EnvelopeCatalog(BROKEN.directory(), BROKEN.envelopes(), BROKEN.problems(), files);
		// when
		assertThatException().isThrownBy(() -> snapshots.save(run, failing));
		// then
		assertThat(snapshots.load(run)).containsExactlyInAnyOrderElementsOf(EXAMPLES.files());
	}

	@Nested
	class OnH2 extends H2IntegrationTest {

		@Autowired
		Jdbi jdbi;

		@Autowired
		EnvelopeSnapshots snapshots;

		@Test
		void shouldStoreEveryFileExactlyAsReadOnH2() {
			shouldStoreEveryFileExactlyAsRead(this.jdbi, this.snapshots);
		}

		@Test
		void shouldReplaceTheSnapshotWhenTheSameRunSavesAgainOnH2() {
			shouldReplaceTheSnapshotWhenTheSameRunSavesAgain(this.jdbi, this.snapshots);
		}

		@Test
		void shouldKeepTheSnapshotsOfDifferentRunsApartOnH2() {
			shouldKeepTheSnapshotsOfDifferentRunsApart(this.jdbi, this.snapshots);
		}

		@Test
		void shouldKeepThePreviousSnapshotWhenASaveFailsPartWayOnH2() {
			shouldKeepThePreviousSnapshotWhenASaveFailsPartWay(this.jdbi, this.snapshots);
		}

	}

	@Nested
	class OnPostgres extends PostgresIntegrationTest {

		@Autowired
		Jdbi jdbi;

		@Autowired
		EnvelopeSnapshots snapshots;

		@Test
		void shouldStoreEveryFileExactlyAsReadOnPostgres() {
			shouldStoreEveryFileExactlyAsRead(this.jdbi, this.snapshots);
		}

		@Test
		void shouldReplaceTheSnapshotWhenTheSameRunSavesAgainOnPostgres() {
			shouldReplaceTheSnapshotWhenTheSameRunSavesAgain(this.jdbi, this.snapshots);
		}

		@Test
		void shouldKeepTheSnapshotsOfDifferentRunsApartOnPostgres() {
			shouldKeepTheSnapshotsOfDifferentRunsApart(this.jdbi, this.snapshots);
		}

		@Test
		void shouldKeepThePreviousSnapshotWhenASaveFailsPartWayOnPostgres() {
			shouldKeepThePreviousSnapshotWhenASaveFailsPartWay(this.jdbi, this.snapshots);
		}

	}

}
