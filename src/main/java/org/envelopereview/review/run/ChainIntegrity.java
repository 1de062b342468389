package org.envelopereview.review.run;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

import org.envelopereview.action.ActionFields;
import org.envelopereview.action.chain.ChainBreak;
import org.envelopereview.action.chain.IntegrityReport;
import org.envelopereview.system.SqlFiles;

import org.springframework.stereotype.Component;

/** The audit-trail verification result of a run, as stored for its packs. */
@Component
public class ChainIntegrity {

	private static final int MAX_DETAIL = 2000;

	private final Jdbi jdbi;

	ChainIntegrity(Jdbi jdbi) {
		this.jdbi = jdbi;
	}

	public void save(long runId, long rowsChecked, List<ChainBreak> breaks) {
		this.jdbi.useHandle((handle) -> {
			handle.createUpdate(SqlFiles.sql(ChainIntegrity.class, "delete-breaks")).bind("runId", runId).execute();
			handle.createUpdate(SqlFiles.sql(ChainIntegrity.class, "delete-summary")).bind("runId", runId).execute();
			handle.createUpdate(SqlFiles.sql(ChainIntegrity.class, "insert-summary"))
				.bind("runId", runId)
				.bind("rowsChecked", rowsChecked)
				.execute();
			if (breaks.isEmpty()) {
				return;
			}
			PreparedBatch batch = handle.prepareBatch(SqlFiles.sql(ChainIntegrity.class, "insert-break"));
			for (int i = 0; i < breaks.size(); i++) {
				ChainBreak chainBreak = breaks.get(i);
				String detail = (chainBreak.detail() != null) ? chainBreak.detail() : "";
				batch.bind("runId", runId)
					.bind("ordinal", i)
					.bind("agent", chainBreak.agent())
					.bind("seq", chainBreak.seq())
					.bind("kind", chainBreak.kind().name())
					.bind("actionId", chainBreak.actionId())
					.bind("occurredAt", SqlFiles.utc(chainBreak.occurredAt()))
					.bind("detail", (detail.length() <= MAX_DETAIL) ? detail : detail.substring(0, MAX_DETAIL))
					.add();
			}
			batch.execute();
		});
	}

	public IntegrityReport report(long runId) {
		return this.jdbi.withHandle((handle) -> {
			long rows = handle.createQuery(SqlFiles.sql(ChainIntegrity.class, "summary"))
				.bind("runId", runId)
				.mapTo(Long.class)
				.findOne()
				.orElse(0L);
			List<ChainBreak> breaks = handle.createQuery(SqlFiles.sql(ChainIntegrity.class, "breaks"))
				.bind("runId", runId)
				.map((row, ctx) -> new ChainBreak(row.getString("agent"), row.getLong("seq"),
						row.getString("action_id"), SqlFiles.instant(row, "occurred_at"),
						ChainBreak.Kind.valueOf(row.getString("kind")), row.getString("detail")))
				.list();
			return new IntegrityReport(rows, breaks);
		});
	}

	/** The envelope named by the action where a break shows, if the row still exists. */
	public Optional<String> envelopeOf(String actionId) {
		if (actionId == null) {
			return Optional.empty();
		}
		return this.jdbi.withHandle((handle) -> handle.createQuery(SqlFiles.sql(ChainIntegrity.class, "envelope-of"))
			.bind("id", actionId)
			.mapTo(String.class)
			.findOne()
			.map(ActionFields::blankToNull));
	}

}
