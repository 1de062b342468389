package org.envelopereview.finding;

import java.util.Comparator;

/**
 * A finding with its key, stable across restarts of the run that found it.
 *
 * @param key unique per run: code, board, envelope, action and discriminator
 */
public record StoredFinding(String key, Finding finding) {

	/**
	 * The order of findings.json and findings.csv: severity, code, envelope, action, key.
	 */
	static final Comparator<StoredFinding> REPORT_ORDER = Comparator
		.comparing((StoredFinding stored) -> stored.finding().severity())
		.thenComparing((stored) -> stored.finding().code().code())
		.thenComparing((stored) -> stored.finding().envelopeId(), Comparator.nullsFirst(Comparator.naturalOrder()))
		.thenComparing((stored) -> stored.finding().actionId(), Comparator.nullsFirst(Comparator.naturalOrder()))
		.thenComparing(StoredFinding::key);

}
