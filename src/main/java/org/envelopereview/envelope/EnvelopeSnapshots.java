package org.envelopereview.envelope;

import java.util.List;

import org.jdbi.v3.core.Jdbi;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The envelope files exactly as a review run read them (valid or not), stored with the
 * run so its packs can always be traced to their inputs.
 */
@Component
public class EnvelopeSnapshots {

	private final Jdbi jdbi;

	private final TransactionTemplate transaction;

	EnvelopeSnapshots(Jdbi jdbi, PlatformTransactionManager transactionManager) {
		this.jdbi = jdbi;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	/**
	 * Stores every file of the catalog for the run, replacing what an earlier attempt of
	 * the same run stored, so a restarted run never fails on its own rows. Joins the
	 * caller's transaction when there is one.
	 */
	public void save(long runId, EnvelopeCatalog catalog) {
		this.transaction.executeWithoutResult((status) -> this.jdbi.useExtension(EnvelopeSnapshotDao.class, (dao) -> {
			dao.deleteRun(runId);
			dao.insert(runId, catalog.files());
		}));
	}

	/** The files stored for the run, by file name; empty when none were stored. */
	public List<EnvelopeFile> load(long runId) {
		return this.jdbi.withExtension(EnvelopeSnapshotDao.class, (dao) -> dao.findByRun(runId));
	}

}
