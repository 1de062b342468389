package org.envelopereview.decision;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where decisions files and decision records live, and the due date a decision gets when
 * the board gives none.
 *
 * @param dir {@code decisions/}: templates, records and the ledger, relative to the
 * working directory
 * @param defaultDue added to {@code decidedAt} when a revise or retire has no due date
 */
@ConfigurationProperties("review.decisions")
public record DecisionProperties(@DefaultValue("./decisions") Path dir, @DefaultValue("30d") Duration defaultDue) {

	/** {@code decisions/<period>/<board>.yaml}. */
	public Path template(String period, String boardId) {
		return this.dir.resolve(period).resolve(boardId + ".yaml");
	}

	/** {@code decisions/<period>/<board>.pdf}. */
	public Path record(String period, String boardId) {
		return this.dir.resolve(period).resolve(boardId + ".pdf");
	}

}
