package org.envelopereview.action.ingest;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class IngestPropertiesTests {

	@Test
	void shouldKeepTheCaseOfRoleNamesInTheRoleEnvelopeMapping() {
		MapConfigurationPropertySource source = new MapConfigurationPropertySource(
				Map.of("review.ingest.role-envelopes.FailoverRole", "PA-FAILOVER-007",
						"review.ingest.role-envelopes[Ops.Admin]", "NS-ROUTE-DR-003"));

		IngestProperties properties = new Binder(source).bindOrCreate("review.ingest", IngestProperties.class);

		assertThat(properties.roleEnvelopes()).containsEntry("FailoverRole", "PA-FAILOVER-007")
			.containsEntry("Ops.Admin", "NS-ROUTE-DR-003");
		assertThat(properties.batchSize()).isEqualTo(2000);
		assertThat(properties.maxRecordBytes()).isEqualTo(1_048_576);
	}

}
