package org.envelopereview.decision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.jdbi.v3.core.Jdbi;

import org.envelopereview.action.Action;
import org.envelopereview.period.Period;
import org.envelopereview.review.ReviewLauncher;
import org.envelopereview.review.ReviewOutcome;
import org.envelopereview.review.fixtures.ActionTable;
import org.envelopereview.support.DatabaseContract;
import org.envelopereview.support.TestOutput;
import org.envelopereview.system.ReviewPaths;
import org.envelopereview.system.Sha256;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.envelopereview.review.fixtures.ActionBuilder.action;

/**
 * The world of the decision tests: the envelopes of {@code decisions/envelopes} copied
 * into the context's envelopes directory (the tests change them), a 2026-Q2 review whose
 * payments-cab pack requests decisions on PA-STALE-001, PA-RETIRE-002 and PA-REVISE-003
 * (PA-FRESH-004 is fresh and used), and filled-in decisions files.
 */
final class DecisionWorld {

	static final Period Q2 = Period.quarter("2026-Q2");

	static final Period Q3 = Period.quarter("2026-Q3");

	static final String PAYMENTS = "payments-cab";

	static final String NETWORK = "network-security";

	private final DatabaseContract test;

	DecisionWorld(DatabaseContract test) {
		this.test = test;
	}

	/** A fresh world: fixture envelopes, no actions, outputs, decisions or records. */
	DecisionWorld reset() {
		Jdbi jdbi = jdbi();
		ActionTable.clear(jdbi);
		TestOutput.emptied(this.test.context());
		deleteRecursively(decisionsDir());
		Path envelopes = envelopesDir();
		deleteRecursively(envelopes);
		try {
			Files.createDirectories(envelopes);
			Path fixtures = new ClassPathResource("decisions/envelopes").getFile().toPath();
			try (Stream<Path> files = Files.list(fixtures)) {
				for (Path file : files.toList()) {
					Files.copy(file, envelopes.resolve(file.getFileName()));
					// as if written long ago, so that a test's edit is the only recent
					// change
					Files.setLastModifiedTime(envelopes.resolve(file.getFileName()),
							FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ActionTable.insert(jdbi, List.of(q2Action("d-q2-fresh", "PA-FRESH-004", "2026-05-10T10:00:00Z")));
		return this;
	}

	static Action q2Action(String id, String envelopeId, String at) {
		// a removal: it opens no rule, so the envelope has no EXP-RULE-DRIFT
		return action().id(id).envelope(envelopeId).at(at).type("security_group.ingress.remove").build();
	}

	/** An action of another agent, so its chain starts afresh. */
	static Action laterAction(String id, String envelopeId, String at) {
		return action().id(id)
			.agent("decom-agent")
			.envelope(envelopeId)
			.at(at)
			.type("security_group.ingress.remove")
			.build();
	}

	/**
	 * Reviews 2026-Q2 and puts a pack in place for each board (packs are off in tests).
	 */
	ReviewOutcome reviewQ2() {
		ReviewOutcome outcome = this.test.bean(ReviewLauncher.class).run(Q2, null, false);
		assertThat(outcome.completed()).as("2026-Q2 review").isTrue();
		writePack(Q2, PAYMENTS, "pack of 2026-Q2 run " + outcome.runNumber());
		writePack(Q2, NETWORK, "network pack of 2026-Q2 run " + outcome.runNumber());
		return outcome;
	}

	ReviewOutcome review(Period period) {
		ReviewOutcome outcome = this.test.bean(ReviewLauncher.class).run(period, null, false);
		assertThat(outcome.completed()).as(period.label() + " review").isTrue();
		return outcome;
	}

	Path packFile(Period period, String board) {
		return outputDir().resolve(period.label()).resolve(board).resolve("review-pack.pdf");
	}

	String packSha256(Period period, String board) {
		try {
			return Sha256.hex(Files.readAllBytes(packFile(period, board)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void writePack(Period period, String board, String content) {
		write(packFile(period, board), content);
	}

	/** A decisions file with a header for the board's Q2 pack and the given entries. */
	String decisionsFile(String board, int run, String entries) {
		return "apiVersion: envelope-review/v1\n" + "period: 2026-Q2\n" + "board: " + board + "\n" + "pack:\n"
				+ "  file: out/2026-Q2/" + board + "/review-pack.pdf\n" + "  run: " + run + "\n" + "  sha256: "
				+ packSha256(Q2, board) + "\n" + "decisions:\n" + entries;
	}

	static String entry(String envelope, String decision, String decidedAt, String dueDate, String more) {
		return "  - envelope: " + envelope + "\n" + "    decision: " + decision + "\n"
				+ "    decidedBy: jmin@example.com\n" + "    decidedAt: " + decidedAt + "\n"
				+ ((dueDate != null) ? "    dueDate: " + dueDate + "\n" : "")
				+ "    justification: the board discussed it on " + decidedAt + "\n" + more;
	}

	/** The board's answers to the Q2 pack: re-approve, retire by 1 August, revise. */
	String q2Decisions(int run) {
		return decisionsFile(PAYMENTS, run, entry("PA-STALE-001", "re-approve", "2026-07-10", null, "")
				+ entry("PA-RETIRE-002", "retire", "2026-07-10", "2026-08-01", "")
				+ entry("PA-REVISE-003", "revise", "2026-07-10", null, "    requiredChange: drop udp and us-east-1\n"));
	}

	Path writeDecisions(String name, String content) {
		Path file = decisionsDir().resolve("incoming").resolve(name);
		write(file, content);
		return file;
	}

	DecisionRecorder.Outcome record(Path file) {
		return this.test.bean(DecisionRecorder.class).record(file);
	}

	Path envelopesDir() {
		return this.test.bean(ReviewPaths.class).envelopesDir().toAbsolutePath();
	}

	Path outputDir() {
		return this.test.bean(ReviewPaths.class).outputDir().toAbsolutePath();
	}

	Path decisionsDir() {
		return this.test.bean(DecisionProperties.class).dir().toAbsolutePath();
	}

	long count(String sql) {
		return jdbi().withHandle((handle) -> handle.createQuery(sql).mapTo(Long.class).one());
	}

	Jdbi jdbi() {
		return this.test.bean(Jdbi.class);
	}

	/**
	 * Rewrites an envelope file with one text replaced, modified at the given instant.
	 */
	void editEnvelope(String fileName, String from, String to, String modifiedAt) {
		Path file = envelopesDir().resolve(fileName);
		try {
			String text = Files.readString(file);
			assertThat(text).contains(from);
			Files.writeString(file, text.replace(from, to));
			Files.setLastModifiedTime(file, FileTime.from(Instant.parse(modifiedAt)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void removeEnvelope(String fileName) {
		try {
			Files.delete(envelopesDir().resolve(fileName));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void write(Path file, String content) {
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, content, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void deleteRecursively(Path root) {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
