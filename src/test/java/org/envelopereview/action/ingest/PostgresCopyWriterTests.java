package org.envelopereview.action.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import org.envelopereview.action.Action;
import org.envelopereview.action.ActionHash;
import org.envelopereview.action.ActionRow;
import org.envelopereview.support.PostgresIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The COPY writer sends a batch in 64 KiB chunks as it formats them. A batch of several
 * chunks is stored whole; one whose last row takes a key already stored (a writer that
 * bypassed the ingest lock) fails with that reason and leaves the connection usable, its
 * COPY ended. Each test rolls its transaction back.
 */
class PostgresCopyWriterTests extends PostgresIntegrationTest {

	private static final int ROWS = 500;

	@Autowired
	Jdbi jdbi;

	@Test
	void shouldStoreEveryRowOfABatchLongerThanOneChunk() {
		long stored = this.jdbi.withHandle((handle) -> {
			handle.begin();
			try {
				new PostgresCopyWriter().write(handle, rows("copy-ok", ROWS));
				return countRows(handle, "copy-ok-%");
			}
			finally {
				handle.rollback();
			}
		});

		assertThat(stored).isEqualTo(ROWS);
	}

	@Test
	void shouldFailABatchWhoseLastChunkTakesAStoredKeyAndLeaveTheConnectionUsable() {
		this.jdbi.useHandle((handle) -> {
			handle.begin();
			PostgresCopyWriter writer = new PostgresCopyWriter();
			List<ActionRow> first = rows("copy-dup", 1);
			writer.write(handle, first);
			List<ActionRow> batch = new ArrayList<>(rows("copy-new", ROWS));
			batch.add(first.get(0));

			assertThatIllegalStateException().isThrownBy(() -> writer.write(handle, batch))
				.withMessageStartingWith("another writer changed agent_action during ingest");

			handle.rollback();
			assertThat(countRows(handle, "copy-%")).isZero();
		});
	}

	private static long countRows(Handle handle, String pattern) {
		return handle.createQuery("SELECT count(*) FROM agent_action WHERE id LIKE :pattern")
			.bind("pattern", pattern)
			.mapTo(Long.class)
			.one();
	}

	/** Rows of agents of their own (seq 1 each), about 400 bytes of CSV apiece. */
	private static List<ActionRow> rows(String prefix, int count) {
		List<ActionRow> rows = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Action action = new Action(prefix + "-" + i, Instant.parse("2026-07-03T03:47:00Z"), prefix + "-agent-" + i,
					"orchestrator-2.3.1", "PA-FAILOVER-007", "security_group.ingress.add", "sg-0a1b2c3d", "eu-west-1",
					"tcp", "443", "10.0.2.0/24",
					new Action.Rationale("failover event FE-2026-0419-001", "primary degraded", 0.93),
					Action.ApprovalRecord.NONE, null, null, null, Action.Outcome.SUCCEEDED, null, 0, null, null);
			rows.add(ActionRow.of(ActionHash.chain(action, 1, ActionHash.GENESIS), ActionRow.CHAINED_BY_INGEST, null,
					null));
		}
		return rows;
	}

}
