package org.envelopereview.review.rules;

import java.nio.file.Path;
import java.util.List;

import org.envelopereview.envelope.EnvelopeFile;
import org.envelopereview.envelope.EnvelopeProblem;
import org.envelopereview.finding.Breach;
import org.envelopereview.finding.FindingCode;

/**
 * ENV-INVALID: an envelope file (or boards.yaml) fails validation; it goes to the board
 * the file names, or as unassigned to the default board when that cannot be read.
 */
public final class InvalidEnvelopeRule {

	/** The code of the breaches this rule produces. */
	public static final FindingCode CODE = FindingCode.ENV_INVALID;

	private InvalidEnvelopeRule() {
	}

	/**
	 * @param actionsInPeriod actions of the period that name the file's envelope id: they
	 * cannot be judged against an invalid envelope, so the finding says how many there
	 * are
	 */
	public static Breach breach(EnvelopeFile file, List<EnvelopeProblem> problems, Path envelopesDir,
			long actionsInPeriod) {
		Breach.Builder builder = Breach.of(CODE)
			.envelope(file.envelopeId())
			.board(file.boardId())
			.about(file.fileName())
			.evidence("file", envelopesDir.resolve(file.fileName()).toString())
			.evidence("sha256", file.sha256())
			.evidence("problems", problems.size())
			.evidence("actionsInPeriod", (actionsInPeriod > 0) ? actionsInPeriod : null);
		for (int i = 0; i < problems.size(); i++) {
			builder.evidence(String.format("problem.%03d", i + 1), located(problems.get(i), envelopesDir));
		}
		String first = problems.isEmpty() ? "invalid" : located(problems.get(0), envelopesDir);
		return builder.explain(first + ((problems.size() > 1) ? " (and " + (problems.size() - 1) + " more)" : "")
				+ ((actionsInPeriod > 0) ? "; " + actionsInPeriod + " action(s) in the period name " + file.envelopeId()
						+ " and could not be judged against it" : ""));
	}

	/** The problem named by the user's file path, not wherever the file was read from. */
	static String located(EnvelopeProblem problem, Path envelopesDir) {
		Path name = Path.of(problem.file()).getFileName();
		return new EnvelopeProblem(envelopesDir.resolve((name != null) ? name.toString() : problem.file()).toString(),
				problem.line(), problem.field(), problem.message())
			.toString();
	}

}
