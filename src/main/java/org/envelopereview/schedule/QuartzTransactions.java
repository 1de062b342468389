package org.envelopereview.schedule;

import org.quartz.SchedulerException;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs changes to Quartz's job store in a Spring transaction. Spring's job store takes
 * Quartz's row locks on the transaction's connection; without a transaction they are
 * released at once, and a trigger stored beside a completing fire can stay blocked for
 * good.
 */
@Component
class QuartzTransactions {

	private final TransactionTemplate transaction;

	QuartzTransactions(PlatformTransactionManager transactionManager) {
		this.transaction = new TransactionTemplate(transactionManager);
	}

	void run(SchedulerWork work) throws SchedulerException {
		try {
			this.transaction.executeWithoutResult((status) -> {
				try {
					work.run();
				}
				catch (SchedulerException ex) {
					throw new UncheckedSchedulerException(ex);
				}
			});
		}
		catch (UncheckedSchedulerException ex) {
			throw ex.schedulerException;
		}
	}

	/** A change to Quartz's job store. */
	@FunctionalInterface
	interface SchedulerWork {

		void run() throws SchedulerException;

	}

	private static final class UncheckedSchedulerException extends RuntimeException {

		private final SchedulerException schedulerException;

		UncheckedSchedulerException(SchedulerException cause) {
			super(cause);
			this.schedulerException = cause;
		}

	}

}
