package org.envelopereview.decision;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.envelopereview.envelope.Board;
import org.envelopereview.period.Period;

/**
 * Writes the signed decision record of a recorded decisions file
 * ({@code decisions/<period>/<board>.pdf}: PDF/A-3b, PAdES, the file attached).
 * Implemented where packs are made.
 */
public interface DecisionRecordPublisher {

	/**
	 * @param target where the signed record goes
	 * @return the signed record
	 */
	Path publish(DecisionRecordDocument document, Path target);

	/**
	 * What a decision record shows and carries.
	 *
	 * @param requested the envelopes the pack asked about, each with the codes of its
	 * reasons
	 * @param fileName the decisions file's name, as attached
	 * @param file the decisions file's exact bytes
	 */
	record DecisionRecordDocument(Period period, Board board, long runId, int runNumber, String packFile,
			String packSha256, Map<String, List<String>> requested, List<Decision> decisions, String fileName,
			byte[] file, String fileSha256, Instant recordedAt) {

		public DecisionRecordDocument {
			requested = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(requested));
			decisions = List.copyOf(decisions);
		}

	}

}
