package org.envelopereview.action.ingest;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of {@code ingest}.
 *
 * @param batchSize records written per transaction
 * @param maxRecordBytes default limit of one record; longer ones are quarantined
 * @param progressThresholdBytes inputs larger than this (and standard input) show a
 * progress bar
 * @param roleEnvelopes CloudTrail: the envelope id claimed for actions made under an IAM
 * role or by an IAM user, by role or user name, when no session tag names one
 */
@ConfigurationProperties("review.ingest")
public record IngestProperties(@DefaultValue("2000") int batchSize, @DefaultValue("1048576") int maxRecordBytes,
		@DefaultValue("4194304") long progressThresholdBytes, Map<String, String> roleEnvelopes) {

	public IngestProperties {
		roleEnvelopes = (roleEnvelopes != null) ? Map.copyOf(roleEnvelopes) : Map.of();
	}

}
