package org.envelopereview.action;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The ingest's SQL; the statements live in {@code ActionDao/*.sql} beside this type.
 * Attach it with {@link #attach(Handle)}, which registers the row mapper.
 */
@UseClasspathSqlLocator
public interface ActionDao {

	static ActionDao attach(Handle handle) {
		return handle.registerRowMapper(StoredAction.class, new StoredActionMapper()).attach(ActionDao.class);
	}

	/**
	 * One array parameter rather than an IN list: PostgreSQL then keeps using the primary
	 * key as the table grows, where a cached plan for a long IN list fell back to a scan.
	 */
	@SqlQuery
	List<StoredAction> findStored(@Bind("ids") String[] ids);

	@SqlQuery
	@RegisterConstructorMapper(ChainTip.class)
	Optional<ChainTip> chainTip(@Bind("agent") String agent);

	@SqlQuery
	Optional<String> actionAt(@Bind("agent") String agent, @Bind("seq") long seq);

	@SqlBatch
	void insertActions(@BindMethods Collection<ActionRow> rows);

	@SqlBatch
	void insertQuarantined(@BindMethods Collection<QuarantineRow> rows);

	@SqlBatch
	void insertCoverage(@BindMethods Collection<ProviderSpan> spans);

	@SqlUpdate
	@GetGeneratedKeys("id")
	long startSource(@Bind("sourceName") String sourceName, @Bind("sourceFormat") String sourceFormat,
			@Bind("startedAt") OffsetDateTime startedAt);

	@SqlUpdate
	void finishSource(@Bind("id") long id, @BindMethods SourceCounts.Totals totals, @Bind("sha256") String sha256,
			@Bind("skippedNames") String skippedNames, @Bind("finishedAt") OffsetDateTime finishedAt);

	/**
	 * Whether another finished source that is not withdrawn has this content: its write
	 * events not reviewed are counted already.
	 */
	@SqlQuery
	boolean sameContentCounted(@Bind("id") long id, @Bind("sha256") String sha256);

	@SqlBatch
	void insertNotReviewed(@Bind("ingestSourceId") long ingestSourceId, @BindMethods Collection<NotReviewedRow> rows);

	/** Write events not reviewed of one name on one UTC day (public only for Jdbi). */
	record NotReviewedRow(String eventName, LocalDate eventDay, long events) {
	}

	/** The tip of an agent's chain: its highest seq and that row's hash. */
	record ChainTip(long seq, String hash) {

		public static final ChainTip GENESIS = new ChainTip(0, ActionHash.GENESIS);

		public ChainTip {
			hash = hash.trim();
		}

	}

}
