package org.envelopereview.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.envelopereview.EnvelopeReviewApplication;
import org.envelopereview.support.SlowTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code schedule} and {@code status} commands as operators run them: separate
 * processes on the default embedded database.
 */
@SlowTest
class ScheduleCommandTests {

	private static final Pattern HEALTH = Pattern.compile("Health: (http://127\\.0\\.0\\.1:\\d+/actuator/health)");

	private final List<Process> processes = new ArrayList<>();

	@TempDir
	Path workDir;

	@AfterEach
	void killLeftovers() {
		this.processes.forEach(Process::destroyForcibly);
	}

	@Test
	void shouldServeHealthReportStatusAndStopGracefullyOnSigterm() throws Exception {
		// given a schedule process
		Path scheduleLog = this.workDir.resolve("schedule.log");
		Process schedule = start(scheduleLog, "schedule");
		String health = await().atMost(Duration.ofSeconds(120))
			.until(() -> find(scheduleLog, HEALTH), Optional::isPresent)
			.get();

		// when its health is asked for and status runs beside it
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(health)).build(), HttpResponse.BodyHandlers.ofString());
		Path statusLog = this.workDir.resolve("status.log");
		Process status = start(statusLog, "status");
		assertThat(status.waitFor(120, TimeUnit.SECONDS)).isTrue();

		// then the scheduler is up with its next fire time, and status sees it running
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"reviewScheduler\"")
			.contains("\"nextFireTime\"")
			.contains("\"status\":\"UP\"")
			.doesNotContain("OUT_OF_SERVICE");
		assertThat(status.exitValue()).isZero();
		assertThat(Files.readString(statusLog)).contains("Next review: ").contains("1 alive of 1");

		// and SIGTERM stops it with a summary
		schedule.destroy();
		assertThat(schedule.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(Files.readString(scheduleLog)).contains("Shutting down scheduler")
			.contains("stopped after 0 review(s)");
	}

	@Test
	void shouldRefuseACronExpressionQuartzCannotRead() throws Exception {
		// given a five-field Unix cron expression
		Path log = this.workDir.resolve("schedule.log");

		// when schedule starts with it
		Process schedule = start(log, "-Dreview.schedule.cron=0 2 1 */3 *", "schedule");

		// then it exits with an error naming the property
		assertThat(schedule.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(schedule.exitValue()).isEqualTo(2);
		assertThat(Files.readString(log)).contains("error: review.schedule.cron: '0 2 1 */3 *'");
	}

	private Process start(Path log, String... arguments) throws IOException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
						System.getProperty("java.class.path"), "-Dreview.schedule.health-port=0"));
		List<String> commandArguments = new ArrayList<>();
		for (String argument : arguments) {
			(argument.startsWith("-D") ? command : commandArguments).add(argument);
		}
		command.add(EnvelopeReviewApplication.class.getName());
		command.addAll(commandArguments);
		Process process = new ProcessBuilder(command).directory(this.workDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		this.processes.add(process);
		return process;
	}

	private static Optional<String> find(Path log, Pattern pattern) throws IOException {
		if (!Files.exists(log)) {
			return Optional.empty();
		}
		Matcher matcher = pattern.matcher(Files.readString(log));
		return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
	}

}
