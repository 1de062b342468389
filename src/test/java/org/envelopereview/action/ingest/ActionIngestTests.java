package org.envelopereview.action.ingest;

import java.nio.file.Path;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

import org.envelopereview.action.chain.AuditTrailVerifier;
import org.envelopereview.action.chain.JdbcAuditTrailVerifier;
import org.envelopereview.support.IntegrationTest;
import org.envelopereview.support.PostgresIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

/** Native ingest and chain verification on both databases. */
class ActionIngestTests {

	@Nested
	@IntegrationTest
	class OnH2 implements ActionIngestScenarios {

		@Autowired
		ActionIngester ingester;

		@Autowired
		Jdbi jdbi;

		@Autowired
		JdbcAuditTrailVerifier verifier;

		@TempDir
		Path directory;

		@Override
		public ActionIngester ingester() {
			return this.ingester;
		}

		@Override
		public Jdbi jdbi() {
			return this.jdbi;
		}

		@Override
		public AuditTrailVerifier verifier() {
			return this.verifier;
		}

		@Override
		public Path directory() {
			return this.directory;
		}

	}

	@Nested
	class OnPostgres extends PostgresIntegrationTest implements ActionIngestScenarios {

		@Autowired
		ActionIngester ingester;

		@Autowired
		Jdbi jdbi;

		@Autowired
		JdbcAuditTrailVerifier verifier;

		@TempDir
		Path directory;

		@Override
		public ActionIngester ingester() {
			return this.ingester;
		}

		@Override
		public Jdbi jdbi() {
			return this.jdbi;
		}

		@Override
		public AuditTrailVerifier verifier() {
			return this.verifier;
		}

		@Override
		public Path directory() {
			return this.directory;
		}

	}

}
