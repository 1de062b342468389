package org.envelopereview.action.cloudtrail;

import org.junit.jupiter.api.Nested;

import org.envelopereview.support.H2IntegrationTest;
import org.envelopereview.support.PostgresIntegrationTest;

/** CloudTrail ingest on both databases. */
class CloudTrailIngestTests {

	@Nested
	class OnH2 extends H2IntegrationTest implements CloudTrailIngestScenarios {

	}

	@Nested
	class OnPostgres extends PostgresIntegrationTest implements CloudTrailIngestScenarios {

	}

}
