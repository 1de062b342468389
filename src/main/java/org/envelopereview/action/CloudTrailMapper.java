package org.envelopereview.action;

import java.util.Map;

/** Maps CloudTrail events onto canonical actions (placeholder). */
final class CloudTrailMapper {

	CloudTrailMapper(Map<String, String> roleEnvelopes) {
	}

}
