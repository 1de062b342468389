package org.envelopereview.review.recommend;

import java.util.List;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Rows of {@code envelope_recommendation}; the SQL is in the .sql files beside this type.
 */
@UseClasspathSqlLocator
@RegisterConstructorMapper(RecommendationDao.Row.class)
interface RecommendationDao {

	@SqlUpdate
	void deleteRun(@Bind("runId") long runId);

	@SqlBatch
	void insert(@Bind("runId") long runId, @BindMethods List<Row> rows);

	@SqlQuery
	List<Row> ofRun(@Bind("runId") long runId);

	/** A stored recommendation: its reasons, changes and look-back as JSON. */
	record Row(String envelopeId, String boardId, String outcome, String detail) {
	}

}
