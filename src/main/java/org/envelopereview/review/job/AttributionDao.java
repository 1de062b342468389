package org.envelopereview.review.job;

import java.util.List;
import java.util.stream.Stream;

import org.jdbi.v3.core.mapper.reflect.ColumnName;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.FetchSize;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The attribution step's reads and writes of {@code agent_action.attributed_envelope_id}
 * (SPEC §7); the SQL is in the .sql files beside this type. Every write is limited to
 * actions that claim no envelope.
 */
@UseClasspathSqlLocator
@RegisterConstructorMapper(AttributionDao.UnclaimedAction.class)
interface AttributionDao {

	/** The next principal after {@code after} in the history, or {@code null}. */
	@SqlQuery
	String nextPrincipal(@Bind("after") String after);

	/**
	 * The next envelope after {@code after} that unclaimed actions of the principal are
	 * attributed to, or {@code null}.
	 */
	@SqlQuery
	String nextAttribution(@Bind("principal") String principal, @Bind("after") String after);

	@SqlUpdate
	int attributeUnattributed(@Bind("principal") String principal, @Bind("envelope") String envelope);

	/**
	 * Takes the attribution back from the principal's provider actions that an agent
	 * record reports.
	 */
	@SqlUpdate
	int unattributeReported(@Bind("principal") String principal);

	/** Moves unclaimed actions of the principal from {@code from} to {@code envelope}. */
	@SqlUpdate
	int reattribute(@Bind("principal") String principal, @Bind("from") String from, @Bind("envelope") String envelope);

	/** Must be closed. */
	@SqlQuery
	@FetchSize(1000)
	Stream<UnclaimedAction> unclaimedActions(@Bind("principal") String principal);

	@SqlBatch
	int[] attributeAction(@Bind("id") List<String> ids, @Bind("envelope") List<String> envelopes);

	/** An unclaimed action with the fields its scope fit depends on. */
	record UnclaimedAction(String id, @ColumnName("action_type") String type, String resource, String region,
			String protocol, String ports, String cidr, @ColumnName("attributed_envelope_id") String attributedTo) {
	}

}
