package org.envelopereview.review.run;

import org.jdbi.v3.core.Jdbi;

import org.springframework.stereotype.Component;

/**
 * What belongs to no period and is reported once, by the first run of every board that
 * starts after it: quarantined records with no time (a line without a timestamp) and
 * withdrawn sources. The run claims them in its first step, in that step's transaction,
 * so a restart of the run reports the same, and no later run reports them again. A run of
 * one board ({@code --board}) claims nothing: the other boards would never see them.
 */
@Component
public class ReportedOnce {

	private final Jdbi jdbi;

	ReportedOnce(Jdbi jdbi) {
		this.jdbi = jdbi;
	}

	/** Claims for the run what no run has reported yet. */
	public void claim(RunInputs inputs) {
		if (inputs.boardFilter() != null) {
			return;
		}
		this.jdbi.useExtension(ReportedOnceDao.class, (dao) -> {
			dao.claimTimelessQuarantine(inputs.runId());
			dao.claimWithdrawals(inputs.runId());
		});
	}

}
