package org.envelopereview.schedule;

import java.util.List;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Reads the Quartz cluster's members from {@code qrtz_scheduler_state} (Quartz's table,
 * read only); the SQL is in the .sql files beside this type.
 */
@UseClasspathSqlLocator
interface SchedulerNodeDao {

	@SqlQuery
	@RegisterConstructorMapper(SchedulerNode.class)
	List<SchedulerNode> schedulerNodes(@Bind("schedulerName") String schedulerName);

}
