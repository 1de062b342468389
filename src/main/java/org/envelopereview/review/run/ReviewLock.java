package org.envelopereview.review.run;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;

import org.envelopereview.system.RowLock;

/**
 * One process reviews a period at a time: the holder keeps the period's
 * {@code review_lock} row locked, so holding it proves that no other process is still
 * running the period.
 */
public final class ReviewLock {

	private ReviewLock() {
	}

	/**
	 * @throws IllegalStateException when another process is reviewing the period
	 */
	public static RowLock acquire(Jdbi jdbi, DataSource dataSource, String period) {
		jdbi.useExtension(ReviewRunDao.class, (dao) -> dao.insertLock(period));
		try {
			return RowLock.acquire(dataSource,
					ClasspathSqlLocator.removingComments().locate(ReviewRunDao.class, "lockPeriod"), period);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(
					"the review of " + period
							+ " is running in another process right now (its review lock is held); wait for it to end",
					ex);
		}
	}

}
