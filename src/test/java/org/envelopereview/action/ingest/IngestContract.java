package org.envelopereview.action.ingest;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;

import org.envelopereview.action.chain.AuditTrailVerifier;
import org.envelopereview.action.chain.JdbcAuditTrailVerifier;
import org.envelopereview.support.DatabaseContract;

/**
 * What ingest scenarios need of either database: the ingester, the verifier, empty
 * tables.
 */
public interface IngestContract extends DatabaseContract {

	default ActionIngester ingester() {
		return bean(ActionIngester.class);
	}

	default Jdbi jdbi() {
		return bean(Jdbi.class);
	}

	default AuditTrailVerifier verifier() {
		return bean(JdbcAuditTrailVerifier.class);
	}

	@BeforeEach
	default void emptyTables() {
		jdbi().useHandle((handle) -> {
			handle.execute("DELETE FROM quarantined_record");
			handle.execute("DELETE FROM agent_action");
			handle.execute("DELETE FROM provider_coverage");
			handle.execute("DELETE FROM not_reviewed_event");
			handle.execute("DELETE FROM withdrawn_action");
			handle.execute("UPDATE ingest_source SET withdrawal_id = NULL");
			handle.execute("DELETE FROM ingest_withdrawal");
			handle.execute("DELETE FROM ingest_source");
		});
	}

}
