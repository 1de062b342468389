package org.envelopereview.review.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;

import org.envelopereview.action.ActionFields;
import org.envelopereview.action.chain.ChainBreak;
import org.envelopereview.action.chain.IntegrityReport;

import org.springframework.stereotype.Component;

/**
 * The audit-trail verification result of a run, as stored for its packs: the one owner of
 * {@code review_integrity} and {@code review_chain_break}.
 */
@Component
public class ChainIntegrity {

	private static final int MAX_DETAIL = 2000;

	private final Jdbi jdbi;

	ChainIntegrity(Jdbi jdbi) {
		this.jdbi = jdbi;
	}

	public void save(long runId, long rowsChecked, List<ChainBreak> breaks) {
		List<ChainIntegrityDao.BreakRow> rows = new ArrayList<>();
		for (int i = 0; i < breaks.size(); i++) {
			ChainBreak chainBreak = breaks.get(i);
			String detail = (chainBreak.detail() != null) ? chainBreak.detail() : "";
			rows.add(new ChainIntegrityDao.BreakRow(i, chainBreak.agent(), chainBreak.seq(), chainBreak.kind().name(),
					chainBreak.actionId(), chainBreak.occurredAt(),
					(detail.length() <= MAX_DETAIL) ? detail : detail.substring(0, MAX_DETAIL)));
		}
		this.jdbi.useExtension(ChainIntegrityDao.class, (dao) -> {
			dao.deleteBreaks(runId);
			dao.deleteSummary(runId);
			dao.insertSummary(runId, rowsChecked);
			if (!rows.isEmpty()) {
				dao.insertBreaks(runId, rows);
			}
		});
	}

	public IntegrityReport report(long runId) {
		return this.jdbi.withExtension(ChainIntegrityDao.class,
				(dao) -> new IntegrityReport(dao.rowsChecked(runId).orElse(0L), dao.breaks(runId)));
	}

	/** The envelope named by the action where a break shows, if the row still exists. */
	public Optional<String> envelopeOf(String actionId) {
		if (actionId == null) {
			return Optional.empty();
		}
		return this.jdbi.withExtension(ChainIntegrityDao.class, (dao) -> dao.envelopeOf(actionId))
			.map(ActionFields::blankToNull);
	}

}
