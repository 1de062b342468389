package org.envelopereview.review.run;

import java.util.List;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Reads the evaluate step's partitions from Spring Batch's job repository (read only);
 * the SQL is in the .sql files beside this type.
 */
@UseClasspathSqlLocator
interface PartitionActivityDao {

	@SqlQuery
	@RegisterConstructorMapper(PartitionInFlight.class)
	List<PartitionInFlight> inFlight();

}
