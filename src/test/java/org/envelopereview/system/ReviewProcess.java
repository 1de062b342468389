package org.envelopereview.system;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The real application in a child JVM, as a user runs it, against one database: started,
 * waited for, or killed with SIGKILL at a chosen point. The classpath is the test JVM's
 * without the test classes, so the child runs exactly the product.
 */
final class ReviewProcess {

	private static final Duration TIMEOUT = Duration.ofMinutes(5);

	private final Path workDir;

	private final String url;

	private final String user;

	private final List<String> settings;

	private final java.util.Map<String, String> environment = new java.util.HashMap<>();

	/** Numbers the logs of every process, whichever instance started it. */
	private static final java.util.concurrent.atomic.AtomicInteger STARTED = new java.util.concurrent.atomic.AtomicInteger();

	ReviewProcess(Path workDir, String url, String user, String... settings) {
		this.workDir = workDir;
		this.url = url;
		this.user = user;
		this.settings = List.of(settings);
	}

	/** The H2 file database the product uses by default, under {@code workDir/data}. */
	static ReviewProcess onH2File(Path workDir, String... settings) {
		String url = "jdbc:h2:file:" + workDir.resolve("data").toAbsolutePath() + "/envelope-review"
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";
		return new ReviewProcess(workDir, url, "sa", settings);
	}

	/** The same product, database and work directory, with more settings. */
	ReviewProcess with(String... more) {
		List<String> all = new ArrayList<>(this.settings);
		all.addAll(List.of(more));
		ReviewProcess process = new ReviewProcess(this.workDir, this.url, this.user, all.toArray(String[]::new));
		process.environment.putAll(this.environment);
		return process;
	}

	/** Sets an environment variable of every process started afterwards. */
	ReviewProcess withEnvironment(String name, String value) {
		this.environment.put(name, value);
		return this;
	}

	Path outputDir() {
		return this.workDir.resolve("out");
	}

	String url() {
		return this.url;
	}

	/** Runs a command to its end. */
	Result run(String... args) throws IOException, InterruptedException {
		Running running = start(args);
		if (!running.process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
			running.process.destroyForcibly().waitFor();
			throw new IllegalStateException("'" + String.join(" ", args) + "' did not end within " + TIMEOUT
					+ "; its output:\n" + running.output());
		}
		return new Result(running.process.exitValue(), running.output());
	}

	/**
	 * Starts a command and kills it (SIGKILL) part way through its work. On PostgreSQL
	 * the kill comes as soon as {@code probe} returns a count that {@code killWhen}
	 * accepts. An H2 file cannot be watched from outside without joining the child's
	 * database server (whose death is part of the fault), so there the kill comes
	 * {@code delay} after the child's output first matches {@code started}: a fixed delay
	 * after the start of a step is not enough where the step's first query takes seconds,
	 * so {@code started} should match progress already made.
	 * @return what {@code probe} counts after the kill, and the output up to it
	 */
	Killed runAndKill(String probe, LongPredicate killWhen, Pattern started, Duration delay, String... args)
			throws Exception {
		Running running = start(args);
		Instant deadline = Instant.now().plus(TIMEOUT);
		boolean h2 = this.url.startsWith("jdbc:h2:");
		try (Connection connection = h2 ? null : DriverManager.getConnection(this.url, this.user, "")) {
			while (Instant.now().isBefore(deadline)) {
				if (!running.process.isAlive()) {
					throw new IllegalStateException("'" + String.join(" ", args)
							+ "' ended before it could be killed at the chosen point; its output:\n"
							+ running.output());
				}
				boolean kill;
				if (h2) {
					kill = started.matcher(running.output()).find();
					if (kill) {
						Thread.sleep(delay.toMillis());
					}
				}
				else {
					kill = killWhen.test(count(connection, probe));
				}
				if (kill) {
					running.process.destroyForcibly();
					running.process.waitFor();
					return new Killed(query((c) -> count(c, probe)), running.output());
				}
				Thread.sleep(5);
			}
		}
		running.process.destroyForcibly().waitFor();
		throw new IllegalStateException("the kill point was never reached; output:\n" + running.output());
	}

	/**
	 * Starts a command and kills it (SIGKILL) {@code delay} after {@code ready} first
	 * holds.
	 */
	Killed runAndKillWhen(java.util.function.BooleanSupplier ready, Duration delay, String... args) throws Exception {
		Running running = start(args);
		Instant deadline = Instant.now().plus(TIMEOUT);
		while (Instant.now().isBefore(deadline)) {
			if (!running.process.isAlive()) {
				throw new IllegalStateException("'" + String.join(" ", args)
						+ "' ended before it could be killed at the chosen point; its output:\n" + running.output());
			}
			if (ready.getAsBoolean()) {
				Thread.sleep(delay.toMillis());
				running.process.destroyForcibly();
				running.process.waitFor();
				return new Killed(-1, running.output());
			}
			Thread.sleep(5);
		}
		running.process.destroyForcibly().waitFor();
		throw new IllegalStateException("the kill point was never reached; output:\n" + running.output());
	}

	/** Starts a command without waiting for it. */
	Running start(String... args) throws IOException {
		Path log = this.workDir.resolve("process-" + STARTED.incrementAndGet() + ".log");
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", productClasspath(),
				"-Dspring.datasource.url=" + this.url, "-Dspring.datasource.username=" + this.user,
				"-Dspring.datasource.password=", "-Dreview.data-dir=" + this.workDir.resolve("data"),
				"-Dreview.output-dir=" + outputDir(),
				"-Dreview.envelopes-dir=" + Path.of("envelopes").toAbsolutePath()));
		this.settings.forEach((setting) -> command.add("-D" + setting));
		command.add("org.envelopereview.EnvelopeReviewApplication");
		command.addAll(Arrays.asList(args));
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.workDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().putAll(this.environment);
		Process process = builder.start();
		return new Running(process, log);
	}

	/** A connection to the child's database, to watch it while it runs. */
	Connection observe() throws SQLException {
		return DriverManager.getConnection(this.url, this.user, "");
	}

	/** One number from the database, or -1 while the table does not exist yet. */
	static long count(Connection connection, String sql) {
		try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
			row.next();
			return row.getLong(1);
		}
		catch (SQLException ex) {
			return -1;
		}
	}

	/** Runs a query on a connection of its own. */
	<T> T query(SqlFunction<T> query) throws SQLException {
		try (Connection connection = connect()) {
			T result = query.apply(connection);
			if (this.url.startsWith("jdbc:h2:")) {
				// no child runs now, so this JVM holds the file: close it here and now,
				// before the next child opens it, rather than as the last connection
				// closes
				try (Statement statement = connection.createStatement()) {
					statement.execute("SHUTDOWN");
				}
			}
			return result;
		}
	}

	/**
	 * A connection; H2 may take a few seconds to take over the lock file of a killed
	 * process.
	 */
	Connection connect() throws SQLException {
		Instant deadline = Instant.now().plusSeconds(20);
		while (true) {
			try {
				return DriverManager.getConnection(this.url, this.user, "");
			}
			catch (SQLException ex) {
				if (Instant.now().isAfter(deadline)
						|| !String.valueOf(ex.getMessage()).contains("Locked by another process")) {
					throw ex;
				}
				try {
					Thread.sleep(200);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw ex;
				}
			}
		}
	}

	static List<String> strings(Connection connection, String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			while (rows.next()) {
				values.add(rows.getString(1));
			}
		}
		return values;
	}

	private static String productClasspath() {
		return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter((entry) -> !entry.endsWith("test-classes") && !entry.contains("surefire"))
			.collect(Collectors.joining(File.pathSeparator));
	}

	@FunctionalInterface
	interface SqlFunction<T> {

		T apply(Connection connection) throws SQLException;

	}

	record Running(Process process, Path log) {

		String output() {
			try {
				return Files.readString(this.log, StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				return "(no output: " + ex.getMessage() + ")";
			}
		}

	}

	record Result(int exitCode, String output) {

	}

	record Killed(long countAtKill, String output) {

	}

}
