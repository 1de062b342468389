package org.envelopereview.finding;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

import org.jdbi.v3.core.Jdbi;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Writes and reads the runs' findings: the one owner of {@code review_finding}, read and
 * written through {@link FindingDao}.
 */
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
		List<FindingDao.FindingRow> rows = findings.stream().map(FindingStore::row).toList();
		this.jdbi.useExtension(FindingDao.class, (dao) -> dao.insert(runId, rows));
	}

	public void deleteCodes(long runId, Collection<FindingCode> codes) {
		List<String> names = codes.stream().map(FindingCode::code).toList();
		this.jdbi.useExtension(FindingDao.class, (dao) -> dao.deleteCodes(runId, names));
	}

	/** Every finding of the run, in report order. */
	public List<StoredFinding> findings(long runId) {
		return this.jdbi.withExtension(FindingDao.class, (dao) -> dao.ofRun(runId))
			.stream()
			.map(FindingStore::stored)
			.sorted(StoredFinding.REPORT_ORDER)
			.toList();
	}

	/**
	 * How many findings of each severity the runs have; a run without any is left out.
	 */
	public List<SeverityCount> severityCounts(Collection<Long> runIds) {
		return this.jdbi.withExtension(FindingDao.class, (dao) -> dao.severityCounts(runIds));
	}

	private static FindingDao.FindingRow row(StoredFinding stored) {
		Finding finding = stored.finding();
		return new FindingDao.FindingRow(stored.key(), finding.code().code(), finding.severity().label(),
				finding.boardId(), finding.unassigned(), finding.envelopeId(), finding.actionId(),
				truncate(finding.explanation()), JSON.writeValueAsString(finding.evidence()),
				JSON.writeValueAsString(finding.controls()));
	}

	private static StoredFinding stored(FindingDao.FindingRow row) {
		return new StoredFinding(row.findingKey(),
				new Finding(FindingCode.fromCode(row.code()), Severity.valueOf(row.severity().toUpperCase(Locale.ROOT)),
						row.boardId(), row.unassigned(), row.envelopeId(), row.actionId(), row.explanation(),
						JSON.readValue(row.evidence(), new TypeReference<TreeMap<String, String>>() {
						}), JSON.readValue(row.controls(), new TypeReference<List<String>>() {
						})));
	}

	private static String truncate(String text) {
		return (text.length() <= MAX_EXPLANATION) ? text : text.substring(0, MAX_EXPLANATION - 1) + "…";
	}

	/**
	 * How many findings of one severity a run has.
	 *
	 * @param severity the severity's label in lower case
	 */
	public record SeverityCount(long runId, String severity, long findings) {
	}

}
