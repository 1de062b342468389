package org.envelopereview.decision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.envelopereview.envelope.Board;
import org.envelopereview.envelope.EnvelopeCatalog;
import org.envelopereview.finding.Finding;
import org.envelopereview.period.Period;

import org.springframework.stereotype.Component;

/**
 * Writes {@code decisions/<period>/<board>.yaml}: one entry per decision the board's
 * latest pack of the period requested, pre-filled with the envelope, its findings and the
 * pack's SHA-256, for the board's secretary to fill in after the meeting.
 */
@Component
public class DecisionTemplates {

	private final AnsweredPacks packs;

	private final DecisionProperties properties;

	DecisionTemplates(AnsweredPacks packs, DecisionProperties properties) {
		this.packs = packs;
		this.properties = properties;
	}

	/**
	 * The command that writes the template of a board and period, as the pack prints it.
	 */
	public static String command(String period, String boardId) {
		return "envelope-review decisions template --period " + period + " --board " + boardId;
	}

	/**
	 * Writes the template.
	 * @param replace whether an existing file (perhaps already filled in) may be replaced
	 * @return the template and how many decisions it asks for
	 * @throws IllegalArgumentException when the board, the run or the pack is missing, or
	 * the file exists and {@code replace} is false
	 */
	public Written write(Period period, String boardId, boolean replace) {
		EnvelopeCatalog catalog = this.packs.catalog();
		Board board = AnsweredPacks.board(catalog, boardId)
			.orElseThrow(() -> new IllegalArgumentException("board '" + boardId + "' is not in boards.yaml; boards: "
					+ String.join(", ", catalog.directory().boards().stream().map(Board::id).toList())));
		DecisionDao.PackRun run = this.packs.latestRun(period.label(), boardId)
			.orElseThrow(
					() -> new IllegalArgumentException("no completed review of " + period.label() + " covers board "
							+ boardId + ": run `envelope-review run --period " + period.label() + "` first"));
		Path pack = this.packs.packFile(period.label(), boardId);
		String packSha256 = AnsweredPacks.sha256(pack);
		if (packSha256 == null) {
			throw new IllegalArgumentException("the pack " + AnsweredPacks.shown(pack)
					+ " is missing: the decisions answer a signed pack, so it must be in the output directory");
		}
		Path target = this.properties.template(period.label(), boardId);
		if (Files.exists(target) && !replace) {
			throw new IllegalArgumentException(AnsweredPacks.shown(target)
					+ " already exists and may be filled in already; it was left as it is (--force replaces it)");
		}
		Map<String, List<Finding>> requested = this.packs.requested(run.id(), boardId);
		Map<String, List<String>> suggested = this.packs.suggestedAnswers(run.id(), boardId);
		String text = render(period, board, run, AnsweredPacks.shown(pack), packSha256, requested, suggested, catalog);
		try {
			Files.createDirectories(target.getParent());
			Files.writeString(target, text, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + target + ": " + ex.getMessage(), ex);
		}
		return new Written(target, requested.size(), run.runNumber());
	}

	private String render(Period period, Board board, DecisionDao.PackRun run, String packFile, String packSha256,
			Map<String, List<Finding>> requested, Map<String, List<String>> suggested, EnvelopeCatalog catalog) {
		String members = String.join(", ", board.members().stream().map(Board.Member::email).toList());
		StringBuilder text = new StringBuilder();
		text.append("# Decisions of ")
			.append(oneLine(board.name()))
			.append(" (")
			.append(board.id())
			.append(") on its review pack for ")
			.append(period.label())
			.append(", run ")
			.append(run.runNumber())
			.append(".\n");
		text.append("# The pack asked for a decision on each envelope below. For each entry fill in:\n");
		text.append("#   decision        ")
			.append(String.join(" | ", List.of(DecisionKind.values()).stream().map(DecisionKind::label).toList()))
			.append('\n');
		text.append("#   decidedBy       the board member who decided: ").append(members).append('\n');
		text.append("#   decidedAt       the day of the decision, YYYY-MM-DD\n");
		text.append("#   justification   why the board decided so (for defer: the reason); required\n");
		text.append("#   dueDate         when a revise or retire must be applied; default decidedAt + ")
			.append(this.properties.defaultDue().toDays())
			.append(" days\n");
		text.append("#   requiredChange  for revise: the change the envelope needs, in words\n");
		text.append("# Then record it (it is validated, stored and signed):\n");
		text.append("#   envelope-review decisions record ")
			.append(AnsweredPacks.shown(this.properties.template(period.label(), board.id())))
			.append('\n');
		text.append("apiVersion: ").append(DecisionsFileReader.API_VERSION).append('\n');
		text.append("period: ").append(period.label()).append('\n');
		text.append("board: ").append(board.id()).append('\n');
		text.append("pack:\n");
		text.append("  file: ").append(quoted(packFile)).append('\n');
		text.append("  run: ").append(run.runNumber()).append('\n');
		text.append("  sha256: ").append(packSha256).append('\n');
		if (requested.isEmpty()) {
			text.append("# The pack requested no decision.\n");
			text.append("decisions: []\n");
			return text.toString();
		}
		text.append("decisions:\n");
		requested.forEach((envelopeId, reasons) -> {
			String title = catalog.envelope(envelopeId).map((envelope) -> envelope.title()).orElse(null);
			text.append('\n');
			for (Finding reason : reasons) {
				text.append("  # ")
					.append(reason.code().code())
					.append(" (")
					.append(reason.severity().label())
					.append("): ")
					.append(oneLine(reason.explanation()))
					.append('\n');
			}
			for (String line : suggested.getOrDefault(envelopeId, List.of())) {
				text.append("  # ").append(oneLine(line)).append('\n');
			}
			text.append("  - envelope: ").append(envelopeId).append('\n');
			if (title != null) {
				text.append("    title: ").append(quoted(title)).append('\n');
			}
			text.append("    findings: [")
				.append(String.join(", ", reasons.stream().map((reason) -> reason.code().code()).distinct().toList()))
				.append("]\n");
			text.append("    decision:\n");
			text.append("    decidedBy:\n");
			text.append("    decidedAt:\n");
			text.append("    justification:\n");
			text.append("    dueDate:\n");
			text.append("    requiredChange:\n");
		});
		return text.toString();
	}

	private static String oneLine(String text) {
		String line = text.replaceAll("\\s+", " ").strip();
		return (line.length() > 300) ? line.substring(0, 299) + "…" : line;
	}

	/** A YAML double-quoted scalar. */
	static String quoted(String text) {
		return "\"" + oneLine(text).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	/** A written template. */
	public record Written(Path file, int decisions, int runNumber) {
	}

}
