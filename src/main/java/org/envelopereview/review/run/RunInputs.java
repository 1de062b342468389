package org.envelopereview.review.run;

import java.nio.file.Path;

import org.envelopereview.envelope.EnvelopeCatalog;
import org.envelopereview.period.Period;

/**
 * What one run reviews: its period, its board filter and the envelopes exactly as the run
 * snapshotted them.
 *
 * @param boardFilter the only board to review, or {@code null} for all
 * @param envelopesDir where the envelopes were read from, for messages
 */
public record RunInputs(long runId, int runNumber, Period period, String boardFilter, EnvelopeCatalog catalog,
		Path envelopesDir) {

	/**
	 * The envelopes directory as findings name it: only its last segment (e.g.
	 * {@code envelopes}), so findings.json does not depend on where the run happened.
	 */
	public Path shownEnvelopesDir() {
		Path name = this.envelopesDir.toAbsolutePath().normalize().getFileName();
		return (name != null) ? name : Path.of("");
	}

	public boolean includesBoard(String boardId) {
		return this.boardFilter == null || this.boardFilter.equals(boardId);
	}

}
