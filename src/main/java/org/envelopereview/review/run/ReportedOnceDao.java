package org.envelopereview.review.run;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Claims for a run what its packs report once; the SQL is in the .sql files beside this
 * type.
 */
@UseClasspathSqlLocator
interface ReportedOnceDao {

	@SqlUpdate
	int claimTimelessQuarantine(@Bind("runId") long runId);

	@SqlUpdate
	int claimWithdrawals(@Bind("runId") long runId);

}
