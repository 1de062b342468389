package org.envelopereview.decision;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.envelopereview.envelope.EnvelopeProblem;
import org.envelopereview.pack.PackVerification;
import org.envelopereview.pack.PackVerifier;
import org.envelopereview.review.ReviewOutcome;
import org.envelopereview.support.DatabaseContract;
import org.envelopereview.support.H2IntegrationTest;
import org.envelopereview.support.PostgresIntegrationTest;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.envelopereview.decision.DecisionWorld.NETWORK;
import static org.envelopereview.decision.DecisionWorld.PAYMENTS;
import static org.envelopereview.decision.DecisionWorld.Q2;
import static org.envelopereview.decision.DecisionWorld.entry;

/**
 * {@code decisions template}, {@code record} and {@code ledger} (SPEC §8), the same on
 * both databases.
 */
class DecisionsTests {

	interface Contract extends DatabaseContract {

		default DecisionWorld world() {
			return new DecisionWorld(this);
		}

		@BeforeEach
		default void freshWorld() {
			world().reset();
		}

		@Test
		default void shouldWriteATemplateWithOneEntryPerRequestedDecisionAndThePacksDigest() throws IOException {
			// given
			ReviewOutcome q2 = world().reviewQ2();
			// when
			DecisionTemplates.Written written = bean(DecisionTemplates.class).write(Q2, PAYMENTS, false);
			// then
			assertThat(written.file().toAbsolutePath())
				.isEqualTo(world().decisionsDir().resolve("2026-Q2").resolve("payments-cab.yaml"));
			assertThat(written.decisions()).isEqualTo(3);
			String template = Files.readString(written.file());
			assertThat(template)
				.contains("  - envelope: PA-STALE-001\n", "  - envelope: PA-RETIRE-002\n",
						"  - envelope: PA-REVISE-003\n", "findings: [ENV-REVIEW-OVERDUE",
						"  run: " + q2.runNumber() + "\n", "  sha256: " + world().packSha256(Q2, PAYMENTS) + "\n",
						"#   decidedBy       the board member who decided: jmin@example.com, akim@example.com",
						"envelope-review decisions record ")
				.doesNotContain("PA-FRESH-004", "NS-STALE-010");
			assertThat(template.lines().filter((line) -> line.startsWith("  # recommended: ")))
				.as("the answer each requested envelope's recommendation suggests")
				.hasSize(3)
				.allMatch((line) -> line.contains(" — suggested decision: "));
		}

		@Test
		default void shouldRefuseToOverwriteATemplateThatMayBeFilledIn() {
			world().reviewQ2();
			bean(DecisionTemplates.class).write(Q2, PAYMENTS, false);
			org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
				.isThrownBy(() -> bean(DecisionTemplates.class).write(Q2, PAYMENTS, false))
				.withMessageContaining("already exists and may be filled in already");
		}

		@Test
		default void shouldRecordAFilledInTemplateAndSignTheDecisionRecord() throws IOException {
			// given: the template, filled in the way a secretary would
			world().reviewQ2();
			Path template = bean(DecisionTemplates.class).write(Q2, PAYMENTS, false).file();
			String filled = Files.readString(template)
				.replace("    decision:\n", "    decision: re-approve\n")
				.replace("    decidedBy:\n", "    decidedBy: akim@example.com\n")
				.replace("    decidedAt:\n", "    decidedAt: 2026-07-10\n")
				.replace("    justification:\n", "    justification: still needed for the failover drills\n");
			Files.writeString(template, filled);
			// when
			DecisionRecorder.Outcome outcome = world().record(template);
			// then
			assertThat(outcome.problems()).isEmpty();
			assertThat(outcome.status()).isEqualTo(DecisionRecorder.Status.RECORDED);
			assertThat(outcome.decisions()).extracting(Decision::envelopeId)
				.containsExactly("PA-RETIRE-002", "PA-REVISE-003", "PA-STALE-001");
			assertThat(outcome.decisions()).allSatisfy((decision) -> {
				assertThat(decision.decidedBy()).isEqualTo("akim@example.com");
				assertThat(decision.dueDate()).hasToString("2026-08-09");
			});
			assertThat(outcome.record().toAbsolutePath())
				.isEqualTo(world().decisionsDir().resolve("2026-Q2").resolve("payments-cab.pdf"));
			PackVerification verification = bean(PackVerifier.class).verify(outcome.record(), null);
			assertThat(verification.failures()).isEmpty();
			assertThat(verification.passed()).isTrue();
			try (PDDocument document = Loader.loadPDF(outcome.record().toFile())) {
				assertThat(document.getDocumentCatalog().getNames().getEmbeddedFiles().getNames())
					.containsOnlyKeys("payments-cab.yaml", "manifest.json");
				assertThat(document.getDocumentCatalog()
					.getNames()
					.getEmbeddedFiles()
					.getNames()
					.get("payments-cab.yaml")
					.getEmbeddedFile()
					.toByteArray()).isEqualTo(filled.getBytes(StandardCharsets.UTF_8));
			}
		}

		@Test
		default void shouldChangeNothingWhenTheSameFileIsRecordedAgain() {
			// given
			ReviewOutcome q2 = world().reviewQ2();
			Path file = world().writeDecisions("answers.yaml", world().q2Decisions(q2.runNumber()));
			assertThat(world().record(file).status()).isEqualTo(DecisionRecorder.Status.RECORDED);
			// when
			DecisionRecorder.Outcome again = world().record(file);
			// then
			assertThat(again.status()).isEqualTo(DecisionRecorder.Status.UNCHANGED);
			assertThat(again.message()).contains("identical file; nothing changed");
			assertThat(world().count("SELECT count(*) FROM board_decision")).isEqualTo(3);
		}

		@Test
		default void shouldRefuseADifferentFileForABoardAndPeriodAlreadyRecorded() {
			// given
			ReviewOutcome q2 = world().reviewQ2();
			world().record(world().writeDecisions("answers.yaml", world().q2Decisions(q2.runNumber())));
			Path changed = world().writeDecisions("answers-v2.yaml",
					world().q2Decisions(q2.runNumber()).replace("re-approve", "retire"));
			// when
			DecisionRecorder.Outcome outcome = world().record(changed);
			// then
			assertThat(outcome.status()).isEqualTo(DecisionRecorder.Status.REFUSED);
			assertThat(outcome.message()).contains(
					"refused: the decisions of board payments-cab on 2026-Q2 were recorded", "from answers.yaml",
					"answers-v2.yaml differs from it", "never replaced");
			assertThat(world().count("SELECT count(*) FROM board_decision WHERE decision = 'retire'")).isEqualTo(1);
		}

		@Test
		default void shouldNameTheFileLineAndFieldOfEveryProblemAndRecordNothing() {
			// given
			ReviewOutcome q2 = world().reviewQ2();
			String text = world()
				.decisionsFile(PAYMENTS, q2.runNumber(),
						entry("PA-STALE-001", "re-approve", "2026-07-10", null, "")
								+ entry("PA-RETIRE-002", "retire", "2026-07-10", null, "")
									.replace("decidedBy: jmin@example.com", "decidedBy: dpark@example.com")
								+ "  - envelope: PA-REVISE-003\n    decision: revise\n    decidedBy: jmin@example.com\n"
								+ "    decidedAt: 2026-07-10\n    justification:\n    requiredChange: narrow it\n"
								+ entry("PA-NOWHERE-999", "retire", "2026-07-10", null, "")
								+ entry("PA-FRESH-004", "retire", "2026-07-10", null, ""))
				.replace(world().packSha256(Q2, PAYMENTS), "0".repeat(64));
			Path file = world().writeDecisions("broken.yaml", text);
			// when
			DecisionRecorder.Outcome outcome = world().record(file);
			// then
			assertThat(outcome.status()).isEqualTo(DecisionRecorder.Status.INVALID);
			assertThat(outcome.problems()).extracting(EnvelopeProblem::toString)
				.containsExactly(file + ":7: pack.sha256: " + "0".repeat(64) + " does not match the recorded pack "
						+ shown(world().packFile(Q2, PAYMENTS)) + " (SHA-256 " + world().packSha256(Q2, PAYMENTS)
						+ "): these decisions answer another pack; write a new template with "
						+ "`envelope-review decisions template --period 2026-Q2 --board payments-cab`",
						file + ":16: decisions[1].decidedBy: 'dpark@example.com' is not a member of board "
								+ "payments-cab; its members are jmin@example.com, akim@example.com",
						file + ":23: decisions[2].justification: is required: why the board decided so "
								+ "(for a deferral, the reason)",
						file + ":25: decisions[3].envelope: unknown envelope 'PA-NOWHERE-999': no envelope file "
								+ "declares it",
						file + ":30: decisions[4].envelope: PA-FRESH-004 was not among the decisions the pack of run "
								+ q2.runNumber()
								+ " requested; it asked about: PA-RETIRE-002, PA-REVISE-003, PA-STALE-001");
			assertThat(world().count("SELECT count(*) FROM decision_record")).isZero();
			assertThat(world().decisionsDir().resolve("2026-Q2").resolve("payments-cab.pdf")).doesNotExist();
		}

		@Test
		default void shouldRefuseADecisionDatedInTheFuture() {
			ReviewOutcome q2 = world().reviewQ2();
			Path file = world().writeDecisions("future.yaml",
					world().q2Decisions(q2.runNumber()).replaceFirst("decidedAt: 2026-07-10", "decidedAt: 2999-01-01"));

			DecisionRecorder.Outcome outcome = world().record(file);

			assertThat(outcome.status()).isEqualTo(DecisionRecorder.Status.INVALID);
			assertThat(outcome.problems()).extracting(EnvelopeProblem::toString)
				.containsExactly(file + ":12: decisions[0].decidedAt: 2999-01-01 is in the future: record a decision "
						+ "once it is taken");
		}

		@Test
		default void shouldInsistThatEveryRequestedDecisionIsAnsweredOrDeferred() {
			// given
			ReviewOutcome q2 = world().reviewQ2();
			Path file = world().writeDecisions("partial.yaml",
					world().decisionsFile(PAYMENTS, q2.runNumber(),
							entry("PA-STALE-001", "re-approve", "2026-07-10", null, "")
									+ entry("PA-RETIRE-002", "defer", "2026-07-10", null, "")));
			// when
			DecisionRecorder.Outcome outcome = world().record(file);
			// then
			assertThat(outcome.problems()).extracting(EnvelopeProblem::toString)
				.containsExactly(file + ":8: decisions: the pack asked about PA-REVISE-003 (ENV-REVIEW-OVERDUE, "
						+ "ENV-DORMANT) and it has no entry: answer it, or defer it with a reason (decision: defer)");
		}

		@Test
		default void shouldExportEveryDecisionToTheLedger() throws IOException {
			// given
			ReviewOutcome q2 = world().reviewQ2();
			world().record(world().writeDecisions("answers.yaml", world().q2Decisions(q2.runNumber())));
			world().record(world().writeDecisions("network.yaml",
					world().decisionsFile(NETWORK, q2.runNumber(),
							entry("NS-STALE-010", "defer", "2026-07-11", null, "").replace("jmin@example.com",
									"dpark@example.com"))));
			Path out = world().decisionsDir().resolve("export");
			// when
			int all = bean(DecisionLedger.class).export(null, out);
			List<Map<String, String>> payments = bean(DecisionLedger.class).rows(PAYMENTS);
			// then
			assertThat(all).isEqualTo(4);
			assertThat(payments)
				.extracting((row) -> row.get("envelope") + " " + row.get("decision") + " " + row.get("dueDate") + " "
						+ row.get("applied"))
				.containsExactly("PA-RETIRE-002 retire 2026-08-01 not checked yet",
						"PA-REVISE-003 revise 2026-08-09 not checked yet",
						"PA-STALE-001 re-approve 2026-08-09 not checked yet");
			String csv = Files.readString(out.resolve("ledger.csv"));
			assertThat(csv)
				.startsWith("period,board,envelope,decision,decidedBy,decidedAt,dueDate,justification,"
						+ "requiredChange,recordedAt,recordSha256,packSha256,applied,checkedIn,check\r\n")
				.contains("2026-Q2,network-security,NS-STALE-010,defer,dpark@example.com,2026-07-11,,")
				.contains(",drop udp and us-east-1,");
			assertThat(csv.split("\r\n")).hasSize(5);
			assertThat(Files.readString(out.resolve("ledger.json"))).contains("\"envelope\" : \"PA-REVISE-003\"",
					"\"requiredChange\" : \"drop udp and us-east-1\"");
		}

	}

	static String shown(Path path) {
		return Path.of("").toAbsolutePath().relativize(path.toAbsolutePath()).toString();
	}

	@Nested
	@TestPropertySource(properties = "review.envelopes-dir=target/test-decisions-envelopes")
	class OnH2 extends H2IntegrationTest implements Contract {

	}

	@Nested
	@TestPropertySource(properties = "review.envelopes-dir=target/test-decisions-envelopes")
	class OnPostgres extends PostgresIntegrationTest implements Contract {

	}

}
