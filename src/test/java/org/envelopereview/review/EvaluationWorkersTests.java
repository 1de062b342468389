package org.envelopereview.review;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import org.envelopereview.support.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * {@code review.job.workers}: local threads by default, remote workers only where they
 * can share the job repository (PostgreSQL), and a clear refusal otherwise.
 */
class EvaluationWorkersTests {

	@Test
	void shouldRefuseRemoteWorkersOnH2SayingWhatToDo() {
		EvaluationWorkers workers = new EvaluationWorkers("remote", h2());

		assertThat(workers.remote()).isTrue();
		assertThatIllegalStateException().isThrownBy(workers::requireSupported)
			.withMessageStartingWith("review.job.workers=remote needs PostgreSQL")
			.withMessageContaining("the database configured here is H2")
			.withMessageContaining("Point spring.datasource.url at PostgreSQL");
		assertThatIllegalStateException().isThrownBy(() -> workers.requireSharedDatabase("worker"))
			.withMessageStartingWith("worker needs PostgreSQL");
	}

	@Test
	void shouldKeepLocalThreadsOnH2() {
		EvaluationWorkers workers = new EvaluationWorkers(" Local ", h2());

		assertThat(workers.remote()).isFalse();
		assertThatNoException().isThrownBy(workers::requireSupported);
	}

	@Test
	void shouldAcceptRemoteWorkersOnPostgres() {
		try (PostgresDatabase database = PostgresDatabase.create()) {
			PGSimpleDataSource dataSource = new PGSimpleDataSource();
			dataSource.setURL(database.url());
			dataSource.setUser(database.user());
			EvaluationWorkers workers = new EvaluationWorkers("REMOTE", dataSource);

			assertThat(workers.remote()).isTrue();
			assertThatNoException().isThrownBy(workers::requireSupported);
		}
	}

	@Test
	void shouldRejectAnUnknownMode() {
		assertThatIllegalArgumentException().isThrownBy(() -> new EvaluationWorkers("cluster", h2()))
			.withMessage("review.job.workers must be local or remote, not 'cluster'");
	}

	@Test
	void shouldAddTheWorkersBeansOnlyForTheWorkerCommand() {
		assertThat(EvaluationWorker.argumentsFor(new String[] { "--spring.x=y", "worker" }))
			.containsExactly("--spring.x=y", "worker", "--review.job.worker-process=true");
		assertThat(EvaluationWorker.argumentsFor(new String[] { "run", "--period", "2026-Q3" })).containsExactly("run",
				"--period", "2026-Q3");
		assertThat(EvaluationWorker.argumentsFor(new String[] { "status", "worker" })).containsExactly("status",
				"worker");
	}

	private static JdbcDataSource h2() {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:workers-" + System.nanoTime());
		return dataSource;
	}

}
