package org.envelopereview.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

import org.envelopereview.support.IntegrationTest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code review.ingest.role-envelopes}: claims by IAM role or user name, and the warnings
 * of a mapping that matched nothing or names an envelope the envelopes directory lacks.
 * The trail is a real Stratus Red Team detonation by the IAM user bert-jan
 * (src/test/resources/realdata, SOURCES.md).
 */
@IntegrationTest
@TestPropertySource(properties = { "review.ingest.role-envelopes.bert-jan=PA-FAILOVER-007",
		"review.ingest.role-envelopes.Operatr=PA-FAILOVER-007", "review.ingest.role-envelopes.tester=NS-NOWHERE-404" })
class IngestRoleMappingTests {

	private static final String TRAIL = "218007301253_CloudTrail_us-east-1_20230710T1215Z_YMDRJwtmC82bUwAo.json";

	@Autowired
	ObjectProvider<IngestCommand> command;

	@Autowired
	IFactory factory;

	@Autowired
	Jdbi jdbi;

	@TempDir
	Path directory;

	private final StringWriter out = new StringWriter();

	@BeforeEach
	void emptyTables() {
		this.jdbi.useHandle((handle) -> {
			handle.execute("DELETE FROM quarantined_record");
			handle.execute("DELETE FROM agent_action");
			handle.execute("DELETE FROM ingest_source");
		});
	}

	@Test
	void shouldClaimTheEnvelopeMappedToAnIamUserAndWarnAboutMappingsThatMatchedNothing() throws IOException {
		int exit = run(realTrail().toString());

		assertThat(exit).isZero();
		List<String> claims = this.jdbi.withHandle((handle) -> handle
			.createQuery("SELECT DISTINCT COALESCE(envelope_id, '-') || '/' || COALESCE(attributed_envelope_id, '-')"
					+ " FROM agent_action WHERE agent = 'bert-jan'")
			.mapTo(String.class)
			.list());
		assertThat(claims).containsExactly("PA-FAILOVER-007/PA-FAILOVER-007");
		assertThat(this.out.toString())
			.contains("warning: review.ingest.role-envelopes.Operatr=PA-FAILOVER-007 matched no CloudTrail event in"
					+ " this ingest")
			.contains("warning: review.ingest.role-envelopes.tester=NS-NOWHERE-404 matched no CloudTrail event")
			.contains("warning: review.ingest.role-envelopes.tester names envelope NS-NOWHERE-404, which is not in")
			.doesNotContain("role-envelopes.bert-jan");
	}

	@Test
	void shouldNotWarnAboutUnmatchedMappingsWhenNoCloudTrailWasIngested() throws IOException {
		Path file = this.directory.resolve("actions.jsonl");
		Files.writeString(file,
				"""
						{"id":"c-1","occurredAt":"2026-07-03T03:47:00Z","agent":"failover-agent","type":"route.add","cidr":"10.0.0.0/8"}
						""");

		assertThat(run(file.toString())).isZero();

		assertThat(this.out.toString()).doesNotContain("matched no CloudTrail event")
			.as("a mapping to a missing envelope is wrong whatever was ingested")
			.contains("role-envelopes.tester names envelope NS-NOWHERE-404");
	}

	private Path realTrail() throws IOException {
		Path file = this.directory.resolve(TRAIL);
		try (InputStream input = IngestRoleMappingTests.class.getResourceAsStream("/realdata/" + TRAIL)) {
			Files.copy(input, file, StandardCopyOption.REPLACE_EXISTING);
		}
		return file;
	}

	private int run(String... args) {
		// the Spring factory builds the withdraw subcommand, as on the command line
		CommandLine commandLine = new CommandLine(this.command.getObject(), this.factory);
		commandLine.setOut(new PrintWriter(this.out, true));
		commandLine.setErr(new PrintWriter(this.out, true));
		return commandLine.execute(args);
	}

}
