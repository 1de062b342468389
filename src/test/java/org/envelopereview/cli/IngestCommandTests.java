package org.envelopereview.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

import org.envelopereview.support.IntegrationTest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class IngestCommandTests {

	private static final String GOOD = """
			{"id":"c-1","occurredAt":"2026-07-03T03:47:00Z","agent":"failover-agent","type":"route.add","cidr":"10.0.0.0/8"}""";

	private static final String BAD = """
			{"id":"c-2","occurredAt":"2026-07-03T03:47:00Z","agent":"failover-agent","type":"route.teleport"}""";

	@Autowired
	ObjectProvider<IngestCommand> command;

	@Autowired
	Jdbi jdbi;

	@Autowired
	IFactory factory;

	@TempDir
	Path directory;

	private final StringWriter out = new StringWriter();

	@BeforeEach
	void emptyTables() {
		this.jdbi.useHandle((handle) -> {
			handle.execute("DELETE FROM quarantined_record");
			handle.execute("DELETE FROM agent_action");
			handle.execute("DELETE FROM provider_coverage");
			handle.execute("DELETE FROM not_reviewed_event");
			handle.execute("DELETE FROM withdrawn_action");
			handle.execute("UPDATE ingest_source SET withdrawal_id = NULL");
			handle.execute("DELETE FROM ingest_withdrawal");
			handle.execute("DELETE FROM ingest_source");
		});
	}

	@Test
	void shouldEndWithCountsPerFileAndInTotalAndExitZeroDespiteQuarantine() throws IOException {
		Path file = write("actions.jsonl", GOOD + "\n" + BAD + "\n");

		int exit = run(file.toString());

		assertThat(exit).isZero();
		assertThat(this.out.toString())
			.contains(file + " (jsonl): read 2 / stored 1 / duplicates 0 / quarantined 1 / "
					+ "skipped 0; failed attempts 0, chain breaks 0")
			.contains("quarantined " + file + ":2: unknown type 'route.teleport'")
			.contains("Total: read 2 / stored 1 / duplicates 0 / quarantined 1 / skipped 0");
	}

	@Test
	void shouldExitWithThreeWhenAskedToFailOnQuarantine() throws IOException {
		Path file = write("actions.jsonl", GOOD + "\n" + BAD + "\n");

		assertThat(run("--fail-on-quarantine", file.toString())).isEqualTo(IngestCommand.EXIT_QUARANTINED);
	}

	@Test
	void shouldExitZeroWithFailOnQuarantineWhenNothingWasQuarantined() throws IOException {
		Path file = write("actions.jsonl", GOOD + "\n");

		assertThat(run("--fail-on-quarantine", file.toString())).isZero();
	}

	@Test
	void shouldExitWithTwoForAFileThatCannotBeReadButIngestTheOthers() throws IOException {
		Path good = write("actions.jsonl", GOOD + "\n");

		int exit = run(this.directory.resolve("missing.jsonl").toString(), good.toString());

		assertThat(exit).isEqualTo(IngestCommand.EXIT_UNREADABLE);
		assertThat(this.out.toString()).contains("NOT READ COMPLETELY: cannot open")
			.contains("Total: read 1 / stored 1");
	}

	@Test
	void shouldExitWithTwoForAnUnknownFormat() throws IOException {
		Path file = write("actions.jsonl", GOOD + "\n");

		assertThat(run("--format", "xml", file.toString())).isEqualTo(2);
	}

	@Test
	void shouldReadTheFormatGivenInsteadOfDetectingIt() throws IOException {
		Path file = write("actions.txt", GOOD + "\n");

		run("--format", "jsonl", file.toString());

		assertThat(this.out.toString()).contains(file + " (jsonl): read 1 / stored 1");
	}

	@Test
	void shouldQuarantineARecordLongerThanTheGivenLimit() throws IOException {
		Path file = write("actions.jsonl", GOOD + "\n");

		run("--max-record-bytes", "50", file.toString());

		assertThat(this.out.toString()).contains("record is " + GOOD.length() + " bytes, longer than the limit of 50");
	}

	@Test
	void shouldDetectAJsonArrayOfCloudTrailEventsAndListWritesNotReviewed() throws IOException {
		String event = "{\"eventVersion\":\"1.08\",\"eventTime\":\"2026-07-03T03:47:00Z\",\"eventSource\":"
				+ "\"ec2.amazonaws.com\",\"eventName\":\"%s\",\"eventID\":\"%s\",\"readOnly\":%s,"
				+ "\"awsRegion\":\"eu-west-1\",\"userIdentity\":{\"type\":\"IAMUser\",\"userName\":\"terraform\"},"
				+ "\"requestParameters\":{\"routeTableId\":\"rtb-1\",\"destinationCidrBlock\":\"0.0.0.0/0\"}}";
		Path file = write("export.json",
				"[\n" + event.formatted("CreateRoute", "e-1", false) + ",\n"
						+ event.formatted("CreateVpc", "e-2", false) + ",\n"
						+ event.formatted("DescribeVpcs", "e-3", true) + "\n]\n");

		int exit = run(file.toString());

		assertThat(exit).isZero();
		assertThat(this.out.toString())
			.contains(file + " (cloudtrail): read 3 / stored 1 / duplicates 0 / quarantined 0 / skipped 2")
			.contains("  skipped events: DescribeVpcs=1")
			.contains("  not reviewed (write events no rule covers): CreateVpc=1");
	}

	@Test
	void shouldRejectOnceAFileThatIsNoCloudTrailShape() throws IOException {
		Path file = write("actions.csv", "id,occurredAt,agent,type\nc-1,2026-07-03T03:47:00Z,a,route.add\n");

		int exit = run("--format", "cloudtrail", file.toString());

		assertThat(exit).isEqualTo(IngestCommand.EXIT_UNREADABLE);
		assertThat(this.out.toString())
			.contains("NOT READ COMPLETELY: " + file
					+ " fits none of the CloudTrail shapes (line 1 is not JSON); accepted: a CloudTrail log file")
			.doesNotContain("quarantined " + file)
			.contains("Total: read 0 / stored 0 / duplicates 0 / quarantined 0");
	}

	@Test
	void shouldWithdrawAnIngestedFileSayWhatItRemovedAndRefuseASecondTime() throws IOException {
		Path file = write("actions.jsonl", GOOD + "\n" + BAD + "\n");
		run(file.toString());
		this.out.getBuffer().setLength(0);

		int exit = run("withdraw", file.toString(), "--reason", "wrong account");

		assertThat(exit).isZero();
		assertThat(this.out.toString()).contains("Withdrew " + file + " (SHA-256 ")
			.contains("by " + System.getProperty("user.name"))
			.contains("No longer reviewed: 1 actions (kept as evidence), 1 quarantined records, "
					+ "0 write events not reviewed.")
			.contains("The next review of every board shows the withdrawal in its pack.");
		this.out.getBuffer().setLength(0);
		assertThat(run("withdraw", file.toString(), "--reason", "again")).isEqualTo(IngestCommand.EXIT_UNREADABLE);
		assertThat(this.out.toString()).contains("ingest withdraw: " + file + " (SHA-256 ")
			.contains("is already withdrawn")
			.contains("reason: wrong account");
	}

	@Test
	void shouldRefuseToWithdrawAnUnknownSourceOrWithoutAReason() {
		assertThat(run("withdraw", "nowhere.jsonl", "--reason", "typo")).isEqualTo(IngestCommand.EXIT_UNREADABLE);
		assertThat(this.out.toString()).contains("ingest withdraw: no source was ingested as nowhere.jsonl");
		assertThat(run("withdraw", "nowhere.jsonl")).isEqualTo(IngestCommand.EXIT_UNREADABLE);
		assertThat(this.out.toString()).contains("Missing required option: '--reason=TEXT'");
	}

	@Test
	void shouldStillAskForAFileWhenGivenNone() {
		assertThat(run()).isEqualTo(IngestCommand.EXIT_UNREADABLE);
		assertThat(this.out.toString()).contains("name at least one FILE");
	}

	private int run(String... args) {
		// the Spring factory builds the withdraw subcommand, as on the command line
		CommandLine commandLine = new CommandLine(this.command.getObject(), this.factory);
		commandLine.setOut(new PrintWriter(this.out, true));
		commandLine.setErr(new PrintWriter(this.out, true));
		return commandLine.execute(args);
	}

	private Path write(String name, String content) throws IOException {
		Path file = this.directory.resolve(name);
		Files.writeString(file, content);
		return file;
	}

}
