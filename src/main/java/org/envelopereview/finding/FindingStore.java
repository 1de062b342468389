package org.envelopereview.finding;

import java.util.Collection;
import java.util.List;
import java.util.TreeMap;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.envelopereview.system.SqlFiles;

import org.springframework.stereotype.Component;

/** Writes and reads a run's findings in {@code review_finding}. */
@Component
public class FindingStore {

	private static final int MAX_EXPLANATION = 2000;

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private final Jdbi jdbi;

	FindingStore(Jdbi jdbi) {
		this.jdbi = jdbi;
	}

	/** Inserts the findings; keys already stored for the run are left as they are. */
	public void insert(long runId, Collection<StoredFinding> findings) {
		if (findings.isEmpty()) {
			return;
		}
		this.jdbi.useHandle((handle) -> {
			PreparedBatch batch = handle.prepareBatch(SqlFiles.sql(FindingStore.class, "insert"));
			for (StoredFinding stored : findings) {
				Finding finding = stored.finding();
				batch.bind("runId", runId)
					.bind("key", stored.key())
					.bind("code", finding.code().code())
					.bind("severity", finding.severity().label())
					.bind("boardId", finding.boardId())
					.bind("unassigned", finding.unassigned())
					.bind("envelopeId", finding.envelopeId())
					.bind("actionId", finding.actionId())
					.bind("explanation", truncate(finding.explanation()))
					.bind("evidence", JSON.writeValueAsString(finding.evidence()))
					.bind("controls", JSON.writeValueAsString(finding.controls()))
					.add();
			}
			batch.execute();
		});
	}

	public void deleteCodes(long runId, Collection<FindingCode> codes) {
		this.jdbi.useHandle((handle) -> handle.createUpdate(SqlFiles.sql(FindingStore.class, "delete-codes"))
			.bind("runId", runId)
			.bindList("codes", codes.stream().map(FindingCode::code).toList())
			.execute());
	}

	/** Every finding of the run, in report order. */
	public List<StoredFinding> findings(long runId) {
		List<StoredFinding> findings = this.jdbi
			.withHandle((handle) -> handle.createQuery(SqlFiles.sql(FindingStore.class, "of-run"))
				.bind("runId", runId)
				.map((row, ctx) -> new StoredFinding(row.getString("finding_key"),
						new Finding(FindingCode.fromCode(row.getString("code")),
								Severity.valueOf(row.getString("severity").toUpperCase(java.util.Locale.ROOT)),
								row.getString("board_id"), row.getBoolean("unassigned"), row.getString("envelope_id"),
								row.getString("action_id"), row.getString("explanation"),
								JSON.readValue(row.getString("evidence"), new TypeReference<TreeMap<String, String>>() {
								}), JSON.readValue(row.getString("controls"), new TypeReference<List<String>>() {
								}))))
				.list());
		return findings.stream().sorted(StoredFinding.REPORT_ORDER).toList();
	}

	private static String truncate(String text) {
		return (text.length() <= MAX_EXPLANATION) ? text : text.substring(0, MAX_EXPLANATION - 1) + "…";
	}

}
