package org.envelopereview.action.ingest;

import org.junit.jupiter.api.Nested;

import org.envelopereview.support.H2IntegrationTest;
import org.envelopereview.support.PostgresIntegrationTest;

/** Native ingest and chain verification on both databases. */
class ActionIngestTests {

	@Nested
	class OnH2 extends H2IntegrationTest implements ActionIngestScenarios {

	}

	@Nested
	class OnPostgres extends PostgresIntegrationTest implements ActionIngestScenarios {

	}

}
