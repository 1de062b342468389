package org.envelopereview.review.scope;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.FetchSize;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The scope measurement's reads of {@code agent_action} (the ingest's table, read only);
 * the SQL is in the .sql files beside this type.
 */
@UseClasspathSqlLocator
interface ScopeDao {

	int FETCH_SIZE = 1000;

	/**
	 * Streams the rows to {@code actions}: in a transaction, where PostgreSQL honours the
	 * fetch size rather than loading the whole period.
	 */
	@SqlQuery
	@FetchSize(FETCH_SIZE)
	@RegisterConstructorMapper(ExercisedAction.class)
	void exercisedActions(@Bind("envelope") String envelopeId, @Bind("start") Instant start, @Bind("end") Instant end,
			Consumer<ExercisedAction> actions);

	/**
	 * Streams every action under any envelope in the window to {@code actions}, failed
	 * ones included: in a transaction, where PostgreSQL honours the fetch size.
	 */
	@SqlQuery
	@FetchSize(FETCH_SIZE)
	@RegisterRowMapper(WindowActionMapper.class)
	void windowActions(@Bind("start") Instant start, @Bind("end") Instant end, Consumer<WindowAction> actions);

	/**
	 * Streams the rules every envelope opened before the end, an envelope's rules
	 * together: in a transaction, where PostgreSQL honours the fetch size.
	 */
	@SqlQuery
	@FetchSize(FETCH_SIZE)
	@RegisterRowMapper(OpenedRuleMapper.class)
	void everyRuleOpened(@BindList("openingTypes") Collection<String> openingTypes, @Bind("end") Instant end,
			Consumer<OpenedRule> rules);

	@SqlQuery
	@RegisterRowMapper(RuleMapper.class)
	List<OpenRuleTimeline.Rule> rulesOpened(@BindList("openingTypes") Collection<String> openingTypes,
			@Bind("envelope") String envelopeId, @Bind("end") Instant end);

	/**
	 * An IN list, so give at most 1,000 resources at a time: H2 scans the whole history
	 * for "= ANY(array)", and PostgreSQL takes at most 65,535 parameters.
	 */
	@SqlQuery
	@RegisterRowMapper(RemovalMapper.class)
	List<OpenRuleTimeline.Removal> rulesRemoved(@BindList("closingTypes") Collection<String> closingTypes,
			@BindList("resources") List<String> resources, @Bind("end") Instant end);

	@SqlQuery
	Set<String> envelopesActive(@Bind("start") Instant start, @Bind("end") Instant end);

	@SqlQuery
	long attempts(@Bind("envelope") String envelopeId, @Bind("start") Instant start, @Bind("end") Instant end);

	@SqlQuery
	@RegisterConstructorMapper(FirstSeen.class)
	List<FirstSeen> firstSeen();

	@SqlQuery
	List<String> modelVersions(@Bind("envelope") String envelopeId, @Bind("start") Instant start,
			@Bind("end") Instant end);

	/** What a successful action exercised. */
	record ExercisedAction(String actionType, String resource, String region, String agent, String cidr, String ports) {
	}

	/** An action under an envelope, as one pass over a window reads it. */
	record WindowAction(String envelopeId, Instant occurredAt, String outcome, String actionType, String resource,
			String region, String agent, String cidr, String ports, String modelVersion) {
	}

	/** A rule opened under an envelope. */
	record OpenedRule(String envelopeId, OpenRuleTimeline.Rule rule) {
	}

	/** When a model version first appeared. */
	record FirstSeen(String modelVersion, Instant firstSeen) {
	}

	/** An opened rule, named as the timeline names it. */
	class RuleMapper implements RowMapper<OpenRuleTimeline.Rule> {

		@Override
		public OpenRuleTimeline.Rule map(ResultSet row, StatementContext ctx) throws SQLException {
			ColumnMapper<Instant> instant = ctx.findColumnMapperFor(Instant.class).orElseThrow();
			return new OpenRuleTimeline.Rule(row.getString("id"), instant.map(row, "occurred_at", ctx),
					row.getString("action_type"), row.getString("resource"), row.getString("protocol"),
					row.getString("ports"), row.getString("cidr"), instant.map(row, "reverted_at", ctx));
		}

	}

	/** An action of the window, by column position: read once per action. */
	class WindowActionMapper implements RowMapper<WindowAction> {

		@Override
		public RowMapper<WindowAction> specialize(ResultSet results, StatementContext ctx) {
			ColumnMapper<Instant> instant = ctx.findColumnMapperFor(Instant.class).orElseThrow();
			return (row, context) -> new WindowAction(row.getString(1), instant.map(row, 2, context), row.getString(3),
					row.getString(4), row.getString(5), row.getString(6), row.getString(7), row.getString(8),
					row.getString(9), row.getString(10));
		}

		@Override
		public WindowAction map(ResultSet row, StatementContext ctx) throws SQLException {
			return specialize(row, ctx).map(row, ctx);
		}

	}

	/** An opened rule with the envelope it was opened under. */
	class OpenedRuleMapper implements RowMapper<OpenedRule> {

		private final RuleMapper rule = new RuleMapper();

		@Override
		public OpenedRule map(ResultSet row, StatementContext ctx) throws SQLException {
			return new OpenedRule(row.getString("attributed_envelope_id"), this.rule.map(row, ctx));
		}

	}

	/** A removal, named as the timeline names it. */
	class RemovalMapper implements RowMapper<OpenRuleTimeline.Removal> {

		@Override
		public OpenRuleTimeline.Removal map(ResultSet row, StatementContext ctx) throws SQLException {
			ColumnMapper<Instant> instant = ctx.findColumnMapperFor(Instant.class).orElseThrow();
			return new OpenRuleTimeline.Removal(instant.map(row, "occurred_at", ctx), row.getString("action_type"),
					row.getString("resource"), row.getString("protocol"), row.getString("ports"),
					row.getString("cidr"));
		}

	}

}
