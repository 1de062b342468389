package org.envelopereview.envelope;

import java.util.List;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Rows of {@code envelope_snapshot}; the SQL is in the .sql files beside this type. */
@UseClasspathSqlLocator
@RegisterConstructorMapper(EnvelopeFile.class)
interface EnvelopeSnapshotDao {

	@SqlUpdate
	int deleteRun(@Bind("runId") long runId);

	@SqlBatch
	void insert(@Bind("runId") long runId, @BindMethods("file") List<EnvelopeFile> files);

	@SqlQuery
	List<EnvelopeFile> findByRun(@Bind("runId") long runId);

}
