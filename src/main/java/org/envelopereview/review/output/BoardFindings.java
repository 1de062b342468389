package org.envelopereview.review.output;

import java.nio.file.Path;
import java.util.List;

import org.envelopereview.envelope.Board;
import org.envelopereview.finding.Finding;

/**
 * One board's findings of a run and where they were written: what the command line and
 * the scheduler report, without the pack's trends and input digests.
 *
 * @param receivesUnassigned true when this board also receives findings that belong to no
 * board
 * @param findings sorted as in findings.json
 * @param outputDir {@code out/<period>/<board>/}
 */
public record BoardFindings(Board board, boolean receivesUnassigned, List<Finding> findings, Path outputDir) {

	public BoardFindings {
		findings = List.copyOf(findings);
	}

}
