package org.envelopereview.review;

import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.envelopereview.review.fixtures.ActionTable;
import org.envelopereview.review.fixtures.Fixtures;
import org.envelopereview.review.output.BoardReviewAssembler;
import org.envelopereview.review.scope.ExercisedScope;
import org.envelopereview.review.scope.PeriodMeasurements;
import org.envelopereview.review.scope.ScopeMeasurer;
import org.envelopereview.support.PostgresIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reads over a whole period stream on PostgreSQL. Its driver honours the fetch size
 * only outside autocommit; otherwise it loads the whole result at once, which ran a job
 * of 10M actions out of {@code -Xmx512m}.
 */
class StreamingReadsTests extends PostgresIntegrationTest {

	@Autowired
	Jdbi jdbi;

	@Autowired
	BoardReviewAssembler assembler;

	@Autowired
	ScopeMeasurer measurer;

	private final Map<String, Execution> executions = new ConcurrentHashMap<>();

	private SqlLogger previousLogger;

	/** How the driver was asked to run a query. */
	record Execution(boolean autoCommit, int fetchSize) {

	}

	@BeforeEach
	void recordExecutions() {
		ActionTable.clear(this.jdbi);
		ActionTable.insert(this.jdbi, ReviewScenario.actions());
		SqlStatements statements = this.jdbi.getConfig(SqlStatements.class);
		this.previousLogger = statements.getSqlLogger();
		statements.setSqlLogger(new SqlLogger() {
			@Override
			public void logBeforeExecution(StatementContext context) {
				try {
					StreamingReadsTests.this.executions.put(context.getRawSql(), new Execution(
							context.getConnection().getAutoCommit(), context.getStatement().getFetchSize()));
				}
				catch (SQLException ex) {
					throw new IllegalStateException(ex);
				}
			}
		});
	}

	@AfterEach
	void restoreLogger() {
		this.jdbi.getConfig(SqlStatements.class).setSqlLogger(this.previousLogger);
	}

	@Test
	void shouldStreamTheActionSetOfTheDigestThroughACursor() {
		// when
		this.assembler.actionSetDigest(Fixtures.Q3);
		// then
		assertThat(executed("review.output.BoardReviewDao", "actionSet")).satisfies(this::streams);
	}

	@Test
	void shouldStreamTheExercisedActionsOfTheScopeMeasurementThroughACursor() {
		// when
		ExercisedScope scope = this.measurer.measure(ReviewScenario.PA, Fixtures.Q3);
		// then
		assertThat(scope.actionCount()).isPositive();
		assertThat(executed("review.scope.ScopeDao", "exercisedActions")).satisfies(this::streams);
		assertThat(executed("review.scope.ScopeDao", "rulesOpened").autoCommit()).isFalse();
		assertThat(executed("review.scope.ScopeDao", "rulesRemoved").autoCommit()).isFalse();
	}

	@Test
	void shouldStreamTheWindowAndTheRulesOfEveryEnvelopeThroughACursor() {
		// when
		PeriodMeasurements measurements = this.measurer.measureAll(Fixtures.Q3,
				Map.of(ReviewScenario.PA, Fixtures.Q3.previous().start()), Set.of(ReviewScenario.PA),
				Fixtures.Q3.previous(), this.measurer.firstSeen());
		// then
		assertThat(measurements.current(ReviewScenario.PA).exercised().actionCount()).isPositive();
		assertThat(executed("review.scope.ScopeDao", "windowActions")).satisfies(this::streams);
		assertThat(executed("review.scope.ScopeDao", "everyRuleOpened")).satisfies(this::streams);
		assertThat(executed("review.scope.ScopeDao", "rulesRemoved").autoCommit()).isFalse();
	}

	/** The execution of {@code org/envelopereview/<dao>/<name>.sql}. */
	private Execution executed(String dao, String name) {
		Execution execution = this.executions
			.get(ClasspathSqlLocator.removingComments().locate("org.envelopereview." + dao + "." + name));
		assertThat(execution).as("%s/%s.sql was executed", dao, name).isNotNull();
		return execution;
	}

	private void streams(Execution execution) {
		assertThat(execution.autoCommit()).as("autocommit").isFalse();
		assertThat(execution.fetchSize()).as("fetch size").isPositive();
	}

}
