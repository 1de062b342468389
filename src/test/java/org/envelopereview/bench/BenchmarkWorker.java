package org.envelopereview.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

import javax.sql.DataSource;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import org.envelopereview.EnvelopeReviewApplication;
import org.envelopereview.action.ingest.ActionIngester;
import org.envelopereview.action.ingest.IngestInput;
import org.envelopereview.action.ingest.IngestReport;
import org.envelopereview.pack.ReviewPackWriter;
import org.envelopereview.period.Period;
import org.envelopereview.review.ReviewLauncher;
import org.envelopereview.review.ReviewOutcome;
import org.envelopereview.review.output.BoardReview;
import org.envelopereview.review.run.ChainVerificationRequest;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One measurement in a JVM of its own (so that its {@code -Xmx} and peak heap are its
 * own), started by {@link Benchmark}. Prints one {@code BENCH key=value…} line per
 * measurement on standard output.
 *
 * <ul>
 * <li>{@code ingest FILE}: ingests a JSON Lines file into an empty database.</li>
 * <li>{@code review PERIOD REPEATS}: per repeat, the raw JDBC scan of the rows the
 * evaluate step reads, the same with the job's query, on PostgreSQL
 * {@code COPY … TO STDOUT}, then the review job.</li>
 * <li>{@code review-once LABEL PERIOD auto|full}: the review job once, its results named
 * {@code LABEL.job}, {@code LABEL.step.<step>}, {@code LABEL.verified} (the rows the
 * chain verification read) and {@code LABEL.partitions} (the evaluate step's partitions,
 * {@link PartitionTimeline}; {@code -Dbench.slots} says how many run at once when they
 * run on worker processes).</li>
 * <li>{@code copy-in DIR REPEATS} (PostgreSQL): {@code COPY FROM} of the stored rows into
 * a plain table, the ingest baseline.</li>
 * </ul>
 */
public final class BenchmarkWorker {

	private static final ClasspathSqlLocator SQL = ClasspathSqlLocator.removingComments();

	private static final int FETCH_SIZE = 1000;

	private final ConfigurableApplicationContext context;

	private final HeapWatch heap = new HeapWatch();

	private final String database;

	/**
	 * How many partitions of the evaluate step run at once: the local threads, or the
	 * worker processes when {@code review.job.workers=remote}.
	 */
	private final int slots;

	private BenchmarkWorker(ConfigurableApplicationContext context) {
		this.context = context;
		this.database = System.getProperty("bench.database", "?");
		this.slots = Integer.getInteger("bench.slots",
				context.getEnvironment().getProperty("review.job.threads", Integer.class, 2));
	}

	public static void main(String[] args) throws Exception {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(EnvelopeReviewApplication.class)
			.web(WebApplicationType.NONE)
			.properties("review.cli.enabled=false")
			.run()) {
			BenchmarkWorker worker = new BenchmarkWorker(context);
			switch (args[0]) {
				case "ingest" -> worker.ingest(Path.of(args[1]));
				case "review" -> worker.review(Period.quarter(args[1]), Integer.parseInt(args[2]));
				case "review-once" ->
					worker.reviewOnce(args[1], Period.quarter(args[2]), ChainVerificationRequest.of(args[3]));
				case "copy-in" -> worker.copyIn(Path.of(args[1]), Integer.parseInt(args[2]));
				case "render" -> worker.render(Integer.parseInt(args[1]), Path.of(args[2]));
				default -> throw new IllegalArgumentException("unknown measurement " + args[0]);
			}
		}
		System.exit(0);
	}

	private void ingest(Path file) {
		ActionIngester ingester = this.context.getBean(ActionIngester.class);
		this.heap.reset();
		long started = System.nanoTime();
		IngestReport report = ingester.ingest(List.of(IngestInput.file(file)), null, 1 << 20);
		double seconds = seconds(started);
		long stored = report.totals().stored();
		if (report.hasUnreadableInput() || report.totals().quarantined() > 0) {
			throw new IllegalStateException("ingest of " + file + " was not clean: " + report.totals());
		}
		result("ingest", stored, seconds, "peakHeapMb=" + this.heap.peakUsedMb(),
				"liveHeapMb=" + this.heap.liveAfterGcMb());
	}

	private void review(Period period, int repeats) throws SQLException, IOException {
		ReviewLauncher launcher = this.context.getBean(ReviewLauncher.class);
		DataSource dataSource = this.context.getBean(DataSource.class);
		boolean postgres = this.database.equals("postgresql");
		for (int repeat = 1; repeat <= repeats; repeat++) {
			scan("raw-scan", dataSource, SQL.locate(BenchmarkWorker.class, "rawScan"), period);
			scan("job-query-scan", dataSource,
					SQL.locate("org.envelopereview.review.job.PeriodActionsDao.periodActions"), period);
			if (postgres) {
				copyOut(dataSource);
			}
			this.heap.reset();
			long started = System.nanoTime();
			ReviewOutcome outcome = launcher.run(period, null, false);
			double seconds = seconds(started);
			if (!outcome.completed()) {
				throw new IllegalStateException("the review failed: " + outcome.failure());
			}
			long findings = outcome.findingsByBoard().values().stream().mapToLong(Integer::longValue).sum();
			long evaluated = steps(dataSource, outcome.runId(), seconds);
			result("job", evaluated, seconds, "peakHeapMb=" + this.heap.peakUsedMb(),
					"liveHeapMb=" + this.heap.liveAfterGcMb(), "findings=" + findings);
		}
	}

	/**
	 * One review of the period, as the CLI runs it: the history-growth measurement runs
	 * one per quarter on a database that keeps growing.
	 */
	private void reviewOnce(String label, Period period, ChainVerificationRequest chains) throws SQLException {
		ReviewLauncher launcher = this.context.getBean(ReviewLauncher.class);
		DataSource dataSource = this.context.getBean(DataSource.class);
		this.heap.reset();
		long started = System.nanoTime();
		ReviewOutcome outcome = launcher.run(period, null, false, chains);
		double seconds = seconds(started);
		if (!outcome.completed()) {
			throw new IllegalStateException("the review failed: " + outcome.failure());
		}
		long rows;
		try (Connection connection = dataSource.getConnection();
				PreparedStatement count = connection
					.prepareStatement(SQL.locate(BenchmarkWorker.class, "periodRows"))) {
			count.setObject(1, period.start().atOffset(ZoneOffset.UTC));
			count.setObject(2, period.end().atOffset(ZoneOffset.UTC));
			try (ResultSet row = count.executeQuery()) {
				row.next();
				rows = row.getLong(1);
			}
		}
		try (Connection connection = dataSource.getConnection();
				PreparedStatement verified = connection
					.prepareStatement(SQL.locate(BenchmarkWorker.class, "chainVerification"))) {
			verified.setLong(1, outcome.runId());
			try (ResultSet row = verified.executeQuery()) {
				row.next();
				result(label + ".verified", row.getLong("rows_checked"), 0, "scope=" + row.getString("verification"),
						"history=" + row.getLong("history"));
			}
		}
		steps(label + ".", dataSource, outcome.runId());
		partitions(label, dataSource, outcome.runId());
		result(label + ".job", rows, seconds, "peakHeapMb=" + this.heap.peakUsedMb(),
				"liveHeapMb=" + this.heap.liveAfterGcMb());
	}

	/** Reports every step of the run; returns the evaluate step's read count. */
	private long steps(DataSource dataSource, long runId, double jobSeconds) throws SQLException {
		return steps("", dataSource, runId);
	}

	/**
	 * Reports every step of the run, named with the prefix; returns the evaluate step's
	 * read count.
	 */
	private long steps(String prefix, DataSource dataSource, long runId) throws SQLException {
		long evaluated = 0;
		try (Connection connection = dataSource.getConnection();
				PreparedStatement statement = connection
					.prepareStatement(SQL.locate(BenchmarkWorker.class, "evaluateSteps"))) {
			statement.setLong(1, runId);
			try (ResultSet row = statement.executeQuery()) {
				while (row.next()) {
					String step = row.getString("step_name");
					long read = row.getLong("read_count");
					double seconds = Duration
						.between(row.getObject("start_time", LocalDateTime.class),
								row.getObject("end_time", LocalDateTime.class))
						.toNanos() / 1e9;
					if (step.equals("evaluateActionsStep")) {
						evaluated = read;
						result(prefix.isEmpty() ? "evaluate" : prefix + "step." + step, read, seconds);
					}
					else if (!step.contains(":")) {
						result(prefix + "step." + step, read, seconds);
					}
				}
			}
		}
		return evaluated;
	}

	/**
	 * Reports the evaluate step's partitions as {@code LABEL.partitions}: how many, the
	 * sum of their durations and what the slots running them spent outside them.
	 */
	private void partitions(String label, DataSource dataSource, long runId) throws SQLException {
		List<PartitionTimeline.Partition> partitions = new ArrayList<>();
		LocalDateTime evaluateStart = null;
		LocalDateTime evaluateEnd = null;
		long jobExecution = 0;
		try (Connection connection = dataSource.getConnection();
				PreparedStatement statement = connection
					.prepareStatement(SQL.locate(BenchmarkWorker.class, "partitionSteps"))) {
			statement.setLong(1, runId);
			try (ResultSet row = statement.executeQuery()) {
				while (row.next()) {
					partitions.add(new PartitionTimeline.Partition(row.getObject("start_time", LocalDateTime.class),
							row.getObject("end_time", LocalDateTime.class), row.getLong("read_count")));
					evaluateStart = row.getObject("evaluate_start", LocalDateTime.class);
					evaluateEnd = row.getObject("evaluate_end", LocalDateTime.class);
					jobExecution = row.getLong("job_execution_id");
				}
			}
		}
		if (partitions.isEmpty()) {
			return;
		}
		PartitionTimeline timeline = new PartitionTimeline(partitions, evaluateStart, evaluateEnd, this.slots);
		OptionalDouble handOff = timeline.medianHandOff();
		result(label + ".partitions", timeline.count(), timeline.busySeconds(), "slots=" + this.slots,
				"evaluateSeconds=" + decimal(timeline.evaluateSeconds()),
				"medianSeconds=" + decimal(timeline.medianSeconds()),
				"medianActions=" + Math.round(timeline.medianRead()), "startLag=" + decimal(timeline.startLag()),
				"tail=" + decimal(timeline.tail()),
				"medianHandOff=" + (handOff.isPresent() ? decimal(handOff.getAsDouble()) : "none"),
				"idlePerPartition=" + decimal(timeline.idlePerPartition()), "jobExecution=" + jobExecution);
	}

	/**
	 * A plain JDBC streaming scan: every column of every row read into the Java type the
	 * job maps it to, nothing else.
	 */
	private void scan(String name, DataSource dataSource, String sql, Period period) throws SQLException {
		OffsetDateTime end = period.end().atOffset(ZoneOffset.UTC);
		// the job reaches back by the longest maxDuration (PT1H for the synthetic
		// envelopes)
		OffsetDateTime lookback = period.start().minus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC);
		long started = System.nanoTime();
		long rows = 0;
		long checksum = 0;
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
					ResultSet.CONCUR_READ_ONLY)) {
				statement.setFetchSize(FETCH_SIZE);
				statement.setObject(1, lookback);
				statement.setObject(2, end);
				try (ResultSet row = statement.executeQuery()) {
					ColumnKind[] kinds = ColumnKind.of(row);
					while (row.next()) {
						rows++;
						for (int column = 1; column <= kinds.length; column++) {
							checksum += kinds[column - 1].read(row, column);
						}
					}
				}
			}
			connection.rollback();
		}
		result(name, rows, seconds(started), "checksum=" + (checksum & 0xffff));
	}

	/** How the job maps a column: the scan reads each one the same way. */
	private enum ColumnKind {

		TIME, DOUBLE, LONG, TEXT;

		static ColumnKind[] of(ResultSet row) throws SQLException {
			ColumnKind[] kinds = new ColumnKind[row.getMetaData().getColumnCount()];
			for (int column = 1; column <= kinds.length; column++) {
				String label = row.getMetaData().getColumnLabel(column).toLowerCase(Locale.ROOT);
				kinds[column - 1] = (label.endsWith("_at") || label.equals("revert_by")) ? TIME
						: label.equals("confidence") ? DOUBLE : label.equals("seq") ? LONG : TEXT;
			}
			return kinds;
		}

		long read(ResultSet row, int column) throws SQLException {
			switch (this) {
				case TIME -> {
					OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
					return (value != null) ? value.getNano() : 0;
				}
				case DOUBLE -> {
					return (long) row.getDouble(column);
				}
				case LONG -> {
					return row.getLong(column);
				}
				default -> {
					String value = row.getString(column);
					return (value != null) ? value.length() : 0;
				}
			}
		}

	}

	private void copyOut(DataSource dataSource) throws SQLException, IOException {
		long started = System.nanoTime();
		long rows;
		try (Connection connection = dataSource.getConnection()) {
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			rows = copy.copyOut(SQL.locate(BenchmarkWorker.class, "copyOut"), OutputStream.nullOutputStream());
		}
		result("copy-out", rows, seconds(started));
	}

	/**
	 * Exports the stored actions once, then loads them with {@code COPY FROM} into a
	 * plain table (no index, no key) and into a table with agent_action's indexes and
	 * keys, truncating in between.
	 */
	private void copyIn(Path dir, int repeats) throws SQLException, IOException {
		DataSource dataSource = this.context.getBean(DataSource.class);
		Path file = dir.resolve("agent_action.copy");
		try (Connection connection = dataSource.getConnection();
				OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
			connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyOut(SQL.locate(BenchmarkWorker.class, "exportStored"), out);
		}
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			connection.setAutoCommit(true);
			for (String create : SQL.locate(BenchmarkWorker.class, "createCopyTarget").split(";")) {
				statement.execute(create);
			}
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			for (int repeat = 1; repeat <= repeats; repeat++) {
				// result label, then the target's SQL file
				for (String[] target : List.of(new String[] { "copy-in", "copyIn" },
						new String[] { "copy-in-indexed", "copyInIndexed" })) {
					statement.execute(SQL.locate(BenchmarkWorker.class, "truncateCopyTarget"));
					long started = System.nanoTime();
					long rows;
					try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
						rows = copy.copyIn(SQL.locate(BenchmarkWorker.class, target[1]), in);
					}
					result(target[0], rows, seconds(started));
				}
			}
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	private void render(int findings, Path dir) throws IOException {
		ReviewPackWriter writer = this.context.getBean(ReviewPackWriter.class);
		BoardReview review = LargeBoardReview.of(findings, dir);
		this.heap.reset();
		long started = System.nanoTime();
		Path pack = writer.write(review);
		double seconds = seconds(started);
		long peak = this.heap.peakUsedMb();
		long live = this.heap.liveAfterGcMb();
		int pages;
		try (PDDocument document = Loader.loadPDF(pack.toFile())) {
			pages = document.getNumberOfPages();
		}
		result("render", findings, seconds, "peakHeapMb=" + peak, "liveHeapMb=" + live, "pages=" + pages,
				"packMb=" + Files.size(pack) / (1024 * 1024));
	}

	private void result(String name, long rows, double seconds, String... extra) {
		StringBuilder line = new StringBuilder("BENCH name=").append(name)
			.append(" db=")
			.append(this.database)
			.append(" rows=")
			.append(rows)
			.append(" seconds=")
			.append(decimal(seconds))
			.append(" maxHeapMb=")
			.append(HeapWatch.maxHeapMb());
		for (String value : extra) {
			line.append(' ').append(value);
		}
		System.out.println(line);
		System.out.flush();
	}

	private static String decimal(double seconds) {
		return String.format(Locale.ROOT, "%.3f", seconds);
	}

	private static double seconds(long startedNanos) {
		return (System.nanoTime() - startedNanos) / 1e9;
	}

}
