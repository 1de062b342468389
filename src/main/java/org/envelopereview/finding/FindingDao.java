package org.envelopereview.finding;

import java.util.Collection;
import java.util.List;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Rows of {@code review_finding}; the SQL is in the .sql files beside this type. */
@UseClasspathSqlLocator
@RegisterConstructorMapper(FindingDao.FindingRow.class)
@RegisterConstructorMapper(FindingStore.SeverityCount.class)
interface FindingDao {

	@SqlBatch
	void insert(@Bind("runId") long runId, @BindMethods List<FindingRow> findings);

	@SqlUpdate
	void deleteCodes(@Bind("runId") long runId, @BindList("codes") Collection<String> codes);

	@SqlQuery
	List<FindingRow> ofRun(@Bind("runId") long runId);

	@SqlQuery
	List<FindingStore.SeverityCount> severityCounts(@BindList("runIds") Collection<Long> runIds);

	/**
	 * A row of {@code review_finding}: the severity as its label, evidence and controls
	 * as JSON.
	 */
	record FindingRow(String findingKey, String code, String severity, String boardId, boolean unassigned,
			String envelopeId, String actionId, String explanation, String evidence, String controls) {
	}

}
