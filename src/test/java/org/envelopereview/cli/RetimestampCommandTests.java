package org.envelopereview.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import org.envelopereview.pack.ExamplePacks;
import org.envelopereview.pack.LongTermPacks;
import org.envelopereview.pack.PackVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** retimestamp extends B-LTA packs that verify, and leaves every other file as it was. */
class RetimestampCommandTests {

	private final StringWriter out = new StringWriter();

	@Test
	void shouldAppendADocumentTimeStampToAnLtaPackAndSayUntilWhenItHolds(@TempDir Path directory) throws Exception {
		Path pack = LongTermPacks.copy(directory);
		byte[] before = Files.readAllBytes(pack);

		int exitCode = run(pack.toString());

		assertThat(exitCode).as(this.out.toString()).isZero();
		byte[] after = Files.readAllBytes(pack);
		assertThat(after.length).isGreaterThan(before.length);
		assertThat(Arrays.copyOf(after, before.length)).isEqualTo(before);
		assertThat(this.out.toString()).contains("extended: PAdES-B-LTA with 2 document time-stamp(s)")
			.contains("last document time-stamp")
			.contains(LongTermPacks.pki().tsaCertificate().getNotAfter().toInstant().toString())
			.contains("retimestamp: 1 of 1 pack(s) extended");
	}

	@Test
	void shouldRefuseAPackSignedAtBbAndLeaveItUnchanged(@TempDir Path directory) throws Exception {
		Path pack = ExamplePacks.copy(directory);
		byte[] before = Files.readAllBytes(pack);

		int exitCode = run(pack.toString());

		assertThat(exitCode).isOne();
		assertThat(Files.readAllBytes(pack)).isEqualTo(before);
		assertThat(this.out.toString()).contains("NOT EXTENDED: the pack is PAdES-B-B")
			.contains("retimestamp: 0 of 1 pack(s) extended; 1 FAILED");
	}

	@Test
	void shouldRefuseAPackThatDoesNotVerifyAndLeaveItUnchanged(@TempDir Path directory) throws Exception {
		Path pack = LongTermPacks.copy(directory);
		Files.writeString(pack, "\n% appended\n", java.nio.file.StandardOpenOption.APPEND);
		byte[] before = Files.readAllBytes(pack);

		int exitCode = run(pack.toString());

		assertThat(exitCode).isOne();
		assertThat(Files.readAllBytes(pack)).isEqualTo(before);
		assertThat(this.out.toString()).contains("NOT EXTENDED: the pack does not verify")
			.contains("after the last document time-stamp");
	}

	private int run(String... args) {
		CommandLine commandLine = new CommandLine(new RetimestampCommand(new PackVerifier(), LongTermPacks.signer()));
		commandLine.setOut(new PrintWriter(this.out, true));
		commandLine.setErr(new PrintWriter(this.out, true));
		return commandLine.execute(args);
	}

}
