package org.envelopereview;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.envelopereview.pack.PackTestSupport;
import org.envelopereview.pack.ReviewPackWriter;
import org.envelopereview.support.PackIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The application as {@code main} runs it: {@code envelopes validate} and {@code verify}
 * need no database, so they work when the configured one cannot be reached and leave no
 * database file behind; a command that needs it still fails on such a setting.
 */
@PackIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class StartupWithoutDatabaseTests {

	private static final String UNREACHABLE = "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/unreachable";

	@TempDir
	Path dataDir;

	@Autowired
	ReviewPackWriter writer;

	@Test
	void shouldValidateEnvelopesWithoutCreatingTheDefaultDatabase(CapturedOutput output) {
		// when validate runs with the default embedded database under an empty data
		// directory
		int exitCode = EnvelopeReviewApplication
			.run(new String[] { "--review.data-dir=" + this.dataDir, "envelopes", "validate", "envelopes" });

		// then it validates and no database file was created
		assertThat(exitCode).isZero();
		assertThat(output.getOut()).contains("12 envelope files: 12 valid, 0 invalid; 3 boards; 0 problems");
		assertThat(this.dataDir).isEmptyDirectory();
	}

	@Test
	void shouldValidateAndVerifyWhenTheDatabaseCannotBeReached(CapturedOutput output) throws Exception {
		// given a signed pack
		Path pack = this.writer.write(PackTestSupport.review(this.dataDir.resolve("out")));

		// when validate and verify run with a database nobody listens on
		int validated = EnvelopeReviewApplication
			.run(new String[] { UNREACHABLE, "envelopes", "validate", "envelopes" });
		int verified = EnvelopeReviewApplication.run(new String[] { UNREACHABLE, "verify", pack.toString() });

		// then both succeed
		assertThat(validated).isZero();
		assertThat(verified).isZero();
		assertThat(output.getOut()).contains("12 envelope files: 12 valid")
			.contains("=> VERIFIED")
			.contains("verify: 1 of 1 pack(s) verified");
	}

	@Test
	void shouldStillOpenTheDatabaseForStatus() {
		// when a command that needs the database runs with one nobody listens on, it
		// fails
		assertThatException().isThrownBy(() -> EnvelopeReviewApplication.run(new String[] { UNREACHABLE, "status" }))
			.withStackTraceContaining("127.0.0.1:1");
		assertThat(Files.exists(Path.of("unreachable"))).isFalse();
	}

}
