package org.envelopereview.decision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jdbi.v3.core.Jdbi;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * {@code decisions ledger}: every recorded decision across periods, with the latest
 * review's verdict on whether it was applied, as CSV (RFC 4180, formula cells defused)
 * and JSON.
 */
@Component
public class DecisionLedger {

	static final List<String> COLUMNS = List.of("period", "board", "envelope", "decision", "decidedBy", "decidedAt",
			"dueDate", "justification", "requiredChange", "recordedAt", "recordSha256", "packSha256", "applied",
			"checkedIn", "check");

	private static final ObjectWriter PRETTY = JsonMapper.builder()
		.build()
		.writer()
		.with(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"))
			.withArrayIndenter(new DefaultIndenter("  ", "\n")));

	private final Jdbi jdbi;

	DecisionLedger(Jdbi jdbi) {
		this.jdbi = jdbi;
	}

	/** The ledger's rows, oldest period first; each maps {@link #COLUMNS} to text. */
	public List<Map<String, String>> rows(String boardId) {
		List<DecisionDao.DecisionRow> decisions = this.jdbi.withExtension(DecisionDao.class,
				(dao) -> dao.decisions(boardId));
		Map<String, DecisionDao.CheckRow> checks = new HashMap<>();
		this.jdbi.withExtension(DecisionDao.class, DecisionDao::latestChecks)
			.forEach((check) -> checks.put(check.recordId() + "/" + check.envelopeId(), check));
		List<Map<String, String>> rows = new ArrayList<>();
		for (DecisionDao.DecisionRow decision : decisions) {
			DecisionDao.CheckRow check = checks.get(decision.recordId() + "/" + decision.envelopeId());
			Map<String, String> row = new LinkedHashMap<>();
			row.put("period", decision.period());
			row.put("board", decision.boardId());
			row.put("envelope", decision.envelopeId());
			row.put("decision", decision.decision());
			row.put("decidedBy", decision.decidedBy());
			row.put("decidedAt", decision.decidedAt().toString());
			row.put("dueDate", (decision.dueDate() != null) ? decision.dueDate().toString() : "");
			row.put("justification", decision.justification());
			row.put("requiredChange", (decision.requiredChange() != null) ? decision.requiredChange() : "");
			row.put("recordedAt", decision.recordedAt().toString());
			row.put("recordSha256", decision.fileSha256());
			row.put("packSha256", decision.packSha256());
			row.put("applied", (check != null) ? DecisionStatus.valueOf(check.status()).label() : "not checked yet");
			row.put("checkedIn", (check != null) ? check.period() : "");
			row.put("check", (check != null) ? check.detail() : "");
			rows.add(row);
		}
		return rows;
	}

	/**
	 * Writes {@code ledger.csv} and {@code ledger.json} into the directory.
	 * @return how many decisions were exported
	 */
	public int export(String boardId, Path directory) {
		List<Map<String, String>> rows = rows(boardId);
		try {
			Files.createDirectories(directory);
			Files.writeString(directory.resolve("ledger.csv"), csv(rows), StandardCharsets.UTF_8);
			Map<String, Object> document = new LinkedHashMap<>();
			document.put("board", boardId);
			document.put("decisions", rows);
			Files.writeString(directory.resolve("ledger.json"), PRETTY.writeValueAsString(document) + "\n",
					StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the ledger to " + directory + ": " + ex.getMessage(), ex);
		}
		return rows.size();
	}

	static String csv(List<Map<String, String>> rows) {
		StringBuilder csv = new StringBuilder();
		csv.append(String.join(",", COLUMNS)).append("\r\n");
		for (Map<String, String> row : rows) {
			csv.append(COLUMNS.stream().map((column) -> cell(row.get(column))).collect(Collectors.joining(",")))
				.append("\r\n");
		}
		return csv.toString();
	}

	private static String cell(String value) {
		String text = (value == null) ? "" : value;
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
			return '"' + text.replace("\"", "\"\"") + '"';
		}
		return text;
	}

}
