package org.envelopereview.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.envelopereview.EnvelopeReviewApplication;
import org.envelopereview.period.Period;
import org.envelopereview.support.PostgresDatabase;

/**
 * The benchmark at scale (BENCHMARKS.md): generates N actions for M envelopes with the
 * seeded generator, and on H2 and PostgreSQL ingests them, measures the raw baselines
 * (JDBC scan, {@code COPY}) and runs the review job, each measurement in a JVM of its own
 * with a fixed heap, several times. Prints medians, spreads and ratios, and writes them
 * to {@code target/bench/results-N.md}.
 *
 * <p>
 * Not a test: run it with {@code mvn -Pbench verify -Dbench.actions=1000000} (see
 * BENCHMARKS.md for every setting).
 */
public final class Benchmark {

	private static final Path DIR = Path.of(System.getProperty("bench.dir", "target/bench")).toAbsolutePath();

	private static final int ENVELOPES = Integer.getInteger("bench.envelopes", 1000);

	private static final int REPEATS = Integer.getInteger("bench.repeats", 3);

	private static final int INGEST_REPEATS = Integer.getInteger("bench.ingest-repeats", REPEATS);

	private static final long SEED = Long.getLong("bench.seed", 2026);

	private static final String INGEST_HEAP = System.getProperty("bench.ingest-heap", "256m");

	private static final String JOB_HEAP = System.getProperty("bench.job-heap", "512m");

	private static final String RENDER_HEAP = System.getProperty("bench.render-heap", "512m");

	private static final int FINDINGS = Integer.getInteger("bench.findings", 100_000);

	private static final String PERIOD = "2026-Q3";

	private static final long CALIBRATION_ACTIONS = 30_000;

	/**
	 * {@code scale} (the default): one quarter of N actions; {@code history}: four
	 * quarters of N actions each, reviewed quarter by quarter, then the last quarter's
	 * review beside the same quarter stored alone.
	 */
	private static final String MODE = System.getProperty("bench.mode", "scale");

	private static final List<String> YEAR = List.of("2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4");

	private final List<Result> results = new ArrayList<>();

	private final List<String> failures = new ArrayList<>();

	public static void main(String[] args) throws Exception {
		List<Long> sizes = Arrays.stream(System.getProperty("bench.actions", "100000").split(","))
			.map(String::trim)
			.map(Long::parseLong)
			.toList();
		List<String> databases = Arrays.stream(System.getProperty("bench.databases", "h2,postgresql").split(","))
			.map(String::trim)
			.toList();
		Files.createDirectories(DIR.resolve("logs"));
		for (long actions : sizes) {
			if (MODE.equals("history")) {
				new Benchmark().historyGrowth(actions, databases);
			}
			else {
				new Benchmark().run(actions, databases);
			}
		}
	}

	private void run(long actions, List<String> databases) throws Exception {
		Instant started = Instant.now();
		Path envelopes = envelopes();
		Path history = history(envelopes, actions);
		long records = lines(history);
		System.err.printf("Benchmark: %,d actions (%,d records in %s) for %d envelopes, %d repeats, %s%n", actions,
				records, history.getFileName(), ENVELOPES, REPEATS, databases);
		for (String database : databases) {
			runOn(database, envelopes, history);
		}
		if (FINDINGS > 0) {
			render();
		}
		String report = report(actions, records, started);
		System.out.println(report);
		Files.writeString(DIR.resolve("results-" + actions + ".md"), report, StandardCharsets.UTF_8);
		System.err.println("Written to " + DIR.resolve("results-" + actions + ".md"));
	}

	/**
	 * Issue 17's history-growth goal: a database that holds four quarters of N actions,
	 * each ingested and reviewed in turn as a team would every quarter, against one that
	 * holds only the last quarter's same records. Per database: the four quarterly runs,
	 * then, interleaved, the last quarter on the history, the same quarter alone, and the
	 * last quarter on the history again with every chain verified in full (what every run
	 * cost before the checkpoints).
	 */
	private void historyGrowth(long perQuarter, List<String> databases) throws Exception {
		Instant started = Instant.now();
		Path envelopes = envelopes();
		List<Path> quarters = quarterFiles(envelopes, perQuarter);
		System.err.printf("History growth: %d quarters of about %,d records for %d envelopes, %s%n", quarters.size(),
				perQuarter, ENVELOPES, databases);
		for (String database : databases) {
			Target history = Target.create(database, DIR);
			Target single = null;
			try {
				for (int i = 0; i < YEAR.size(); i++) {
					worker(history, envelopes, INGEST_HEAP, "ingest", quarters.get(i).toString());
					if (i < YEAR.size() - 1) {
						worker(history, envelopes, JOB_HEAP, "review-once", "history." + YEAR.get(i), YEAR.get(i),
								"auto");
					}
				}
				String last = YEAR.get(YEAR.size() - 1);
				worker(history, envelopes, JOB_HEAP, "review-once", "history.last", last, "auto");
				single = Target.create(database, DIR);
				worker(single, envelopes, INGEST_HEAP, "ingest", quarters.get(YEAR.size() - 1).toString());
				worker(single, envelopes, JOB_HEAP, "review-once", "single.last", last, "auto");
				worker(history, envelopes, JOB_HEAP, "review-once", "history-full.last", last, "full");
			}
			finally {
				history.close();
				if (single != null) {
					single.close();
				}
			}
		}
		String report = historyReport(perQuarter, started);
		System.out.println(report);
		Files.writeString(DIR.resolve("history-" + perQuarter + ".md"), report, StandardCharsets.UTF_8);
		System.err.println("Written to " + DIR.resolve("history-" + perQuarter + ".md"));
	}

	/**
	 * One seeded year of history (about 4 × N records), split into its quarters. The
	 * chain fields the generator gives one agent's records are left out, so that ingest
	 * chains every record: a quarter's file alone then ingests as cleanly as after the
	 * quarters before it.
	 */
	private List<Path> quarterFiles(Path envelopes, long perQuarter) throws Exception {
		List<Path> files = YEAR.stream()
			.map((quarter) -> DIR
				.resolve("quarter-" + ENVELOPES + "-" + perQuarter + "-" + SEED + "-" + quarter + ".jsonl"))
			.toList();
		if (files.stream().allMatch(Files::exists)) {
			return files;
		}
		Path calibration = DIR.resolve("calibration-" + ENVELOPES + ".jsonl");
		if (!Files.exists(calibration)) {
			generate(envelopes, CALIBRATION_ACTIONS, calibration);
		}
		double recordsPerAction = (double) lines(calibration) / CALIBRATION_ACTIONS;
		Path year = DIR.resolve("year-" + ENVELOPES + "-" + perQuarter + "-" + SEED + ".jsonl");
		cli("generate-history", "--envelopes", envelopes.toString(), "--actions",
				Long.toString(Math.round(YEAR.size() * perQuarter / recordsPerAction)), "--seed", Long.toString(SEED),
				"--no-deviations", "--from", "2026-01-01", "--to", "2027-01-01", "--out", year.toString());
		JsonMapper json = JsonMapper.builder().build();
		List<BufferedWriter> writers = new ArrayList<>();
		try {
			for (Path file : files) {
				writers.add(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
			}
			try (Stream<String> lines = Files.lines(year)) {
				for (String line : (Iterable<String>) lines::iterator) {
					ObjectNode record = (ObjectNode) json.readTree(line);
					record.remove(List.of("seq", "prevHash", "hash"));
					String quarter = Period.quarterOf(Instant.parse(record.get("occurredAt").asString())).label();
					int index = YEAR.indexOf(quarter);
					if (index >= 0) {
						writers.get(index).write(json.writeValueAsString(record));
						writers.get(index).newLine();
					}
				}
			}
		}
		finally {
			for (BufferedWriter writer : writers) {
				writer.close();
			}
		}
		Files.delete(year);
		return files;
	}

	/**
	 * The history-growth table: each run's job and steps, and the ratios the goal asks
	 * for.
	 */
	private String historyReport(long perQuarter, Instant started) {
		StringBuilder text = new StringBuilder();
		text.append(String.format(Locale.ROOT,
				"## History growth: four quarters of about %,d records, %d envelopes (%s)%n%n", perQuarter, ENVELOPES,
				started));
		text.append(
				String.format(Locale.ROOT, "Machine: %d cores, %s; load average at start %s; seed %d; job -Xmx%s.%n%n",
						Runtime.getRuntime().availableProcessors(), Machine.memory(), Machine.load(), SEED, JOB_HEAP));
		text.append(
				"| database | run | rows read by the chain verification (of stored) | job s | verify s | evaluate s | "
						+ "assess s | outputs s | packs s |\n");
		text.append("|---|---|---|---:|---:|---:|---:|---:|---:|\n");
		for (String db : List.of("h2", "postgresql")) {
			for (String label : List.of("history.2026-Q1", "history.2026-Q2", "history.2026-Q3", "history.last",
					"single.last", "history-full.last")) {
				Result job = find(db, label + ".job");
				if (job == null) {
					continue;
				}
				Result verified = find(db, label + ".verified");
				text.append(String.format(Locale.ROOT, "| %s | %s | %s | %.2f | %s | %s | %s | %s | %s |%n", db,
						describe(label),
						(verified != null) ? String.format(Locale.ROOT, "%,d (%s) of %s", verified.rows(),
								verified.values().get("scope"), group(verified.values().get("history"))) : "",
						job.seconds(), step(db, label, "verifyAuditTrailStep"), step(db, label, "evaluateActionsStep"),
						step(db, label, "assessEnvelopesStep"), step(db, label, "writeOutputsStep"),
						step(db, label, "writePacksStep")));
			}
		}
		text.append("\nRatios (same run):\n\n");
		for (String db : List.of("h2", "postgresql")) {
			Result history = find(db, "history.last.job");
			Result single = find(db, "single.last.job");
			Result full = find(db, "history-full.last.job");
			if (history != null && single != null) {
				text.append(String.format(Locale.ROOT,
						"- %s: last quarter with four stored / with only it stored = %.2f× (goal ≤ 1.25×)%s%n", db,
						history.seconds() / single.seconds(),
						(full != null) ? String.format(Locale.ROOT,
								"; with every chain verified in full (--verify-chains=full) = %.2f×",
								full.seconds() / single.seconds()) : ""));
			}
		}
		if (!this.failures.isEmpty()) {
			text.append("\nFailed:\n\n");
			this.failures.forEach((failure) -> text.append("- ").append(failure).append('\n'));
		}
		return text.toString();
	}

	private static String describe(String label) {
		return switch (label) {
			case "history.last" -> "2026-Q4, four quarters stored";
			case "single.last" -> "2026-Q4, only it stored";
			case "history-full.last" -> "2026-Q4, four quarters stored, --verify-chains=full";
			default -> label.substring("history.".length()) + " (building the history)";
		};
	}

	private String step(String db, String label, String step) {
		Result result = find(db, label + ".step." + step);
		return (result != null) ? String.format(Locale.ROOT, "%.2f", result.seconds()) : "";
	}

	private Result find(String db, String name) {
		return this.results.stream()
			.filter((result) -> result.db().equals(db) && result.name().equals(name))
			.reduce((first, second) -> second)
			.orElse(null);
	}

	private static String group(String number) {
		return (number != null) ? String.format(Locale.ROOT, "%,d", Long.parseLong(number)) : "?";
	}

	private Path envelopes() throws Exception {
		Path dir = DIR.resolve("envelopes-" + ENVELOPES);
		if (!Files.exists(dir.resolve("boards.yaml"))) {
			cli("generate-envelopes", "--count", Integer.toString(ENVELOPES), "--out", dir.toString());
		}
		return dir;
	}

	/**
	 * The generator writes a revert for each temporary change on top of the ordinary
	 * actions: a small calibration run gives the records per action, so that the file has
	 * about N records.
	 */
	private Path history(Path envelopes, long actions) throws Exception {
		Path file = DIR.resolve("history-" + ENVELOPES + "-" + actions + "-" + SEED + ".jsonl");
		if (Files.exists(file)) {
			return file;
		}
		Path calibration = DIR.resolve("calibration-" + ENVELOPES + ".jsonl");
		if (!Files.exists(calibration)) {
			generate(envelopes, CALIBRATION_ACTIONS, calibration);
		}
		double recordsPerAction = (double) lines(calibration) / CALIBRATION_ACTIONS;
		long ordinary = Math.round(actions / recordsPerAction);
		Path partial = DIR.resolve(file.getFileName() + ".partial");
		generate(envelopes, ordinary, partial);
		Files.move(partial, file);
		return file;
	}

	private void generate(Path envelopes, long ordinary, Path out) throws Exception {
		cli("generate-history", "--envelopes", envelopes.toString(), "--actions", Long.toString(ordinary), "--seed",
				Long.toString(SEED), "--no-deviations", "--from", "2026-07-01", "--to", "2026-10-01", "--out",
				out.toString());
	}

	private void runOn(String database, Path envelopes, Path history) throws Exception {
		Target target = null;
		try {
			for (int repeat = 1; repeat <= INGEST_REPEATS; repeat++) {
				if (target != null) {
					target.close();
				}
				target = Target.create(database, DIR);
				worker(target, envelopes, INGEST_HEAP, "ingest", history.toString());
			}
			if (target == null) {
				return;
			}
			if (database.equals("postgresql")) {
				worker(target, envelopes, "512m", "copy-in", DIR.toString(), Integer.toString(REPEATS));
			}
			worker(target, envelopes, JOB_HEAP, "review", PERIOD, Integer.toString(REPEATS));
		}
		finally {
			if (target != null) {
				target.close();
			}
		}
	}

	/**
	 * Renders a pack of many findings: the database plays no part, H2 keeps it simple.
	 */
	private void render() throws Exception {
		Target target = Target.create("h2", DIR);
		try {
			for (int repeat = 1; repeat <= REPEATS; repeat++) {
				worker(target, DIR.resolve("envelopes-" + ENVELOPES), RENDER_HEAP, "render", Integer.toString(FINDINGS),
						DIR.toString());
			}
		}
		finally {
			target.close();
		}
	}

	private void cli(String... args) throws Exception {
		List<String> command = java("4g");
		command.add("-Dreview.data-dir=" + DIR.resolve("cli-data"));
		command.add("-Dlogging.level.org.envelopereview=WARN");
		command.add(EnvelopeReviewApplication.class.getName());
		command.addAll(List.of(args));
		Process process = start(command, args[0]);
		if (process.waitFor() != 0) {
			throw new IllegalStateException(args[0] + " failed: see " + DIR.resolve("logs"));
		}
	}

	private void worker(Target target, Path envelopes, String heap, String... args) throws Exception {
		List<String> command = java(heap);
		command.add("-XX:+ExitOnOutOfMemoryError");
		command.add("-Dbench.database=" + target.database());
		command.add("-Dspring.datasource.url=" + target.url());
		command.add("-Dspring.datasource.username=" + target.user());
		command.add("-Dspring.datasource.password=");
		command.add("-Dreview.envelopes-dir=" + envelopes);
		command.add("-Dreview.output-dir=" + DIR.resolve("out-" + target.database()));
		command.add("-Dreview.data-dir=" + DIR.resolve("data-" + target.database()));
		command.add("-Dlogging.level.org.envelopereview=WARN");
		command.add(BenchmarkWorker.class.getName());
		command.addAll(List.of(args));
		String label = target.database() + "-" + args[0];
		System.err.printf("  %s: %s (-Xmx%s)%n", target.database(), String.join(" ", args), heap);
		Process process = start(command, label);
		int exit = process.waitFor();
		List<String> lines = Files.readAllLines(DIR.resolve("logs/" + label + ".out"));
		lines.stream().filter((line) -> line.startsWith("BENCH ")).map(Result::parse).forEach((result) -> {
			System.err.println("    " + result);
			this.results.add(result);
		});
		if (exit != 0) {
			String failure = String.format("%s %s with -Xmx%s exited with %d (see %s)", target.database(), args[0],
					heap, exit, DIR.resolve("logs/" + label + ".err"));
			System.err.println("  FAILED: " + failure);
			this.failures.add(failure);
		}
	}

	private static List<String> java(String heap) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx" + heap);
		// e.g.
		// -Dbench.worker-args="-XX:StartFlightRecording=filename=target/bench/job.jfr" to
		// profile
		Arrays.stream(System.getProperty("bench.worker-args", "").split(" "))
			.filter((arg) -> !arg.isBlank())
			.forEach(command::add);
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		return command;
	}

	private static Process start(List<String> command, String label) throws IOException {
		return new ProcessBuilder(command).redirectOutput(DIR.resolve("logs/" + label + ".out").toFile())
			.redirectError(DIR.resolve("logs/" + label + ".err").toFile())
			.start();
	}

	private static long lines(Path file) throws IOException {
		try (Stream<String> lines = Files.lines(file)) {
			return lines.count();
		}
	}

	private String report(long actions, long records, Instant started) {
		StringBuilder text = new StringBuilder();
		text.append(String.format(Locale.ROOT, "## %,d actions, %d envelopes (%s)%n%n", records, ENVELOPES, started));
		text.append(String.format(Locale.ROOT,
				"Machine: %d cores, %s; %d repeats; seed %d; heaps: ingest -Xmx%s, job -Xmx%s, render -Xmx%s.%n%n",
				Runtime.getRuntime().availableProcessors(), Machine.memory(), REPEATS, SEED, INGEST_HEAP, JOB_HEAP,
				RENDER_HEAP));
		text.append("| database | measurement | rows | median s | median rows/s | spread rows/s (min–max) | "
				+ "peak heap MiB (used / live after GC) | -Xmx |\n");
		text.append("|---|---|---:|---:|---:|---|---|---:|\n");
		Map<String, List<Result>> groups = new LinkedHashMap<>();
		this.results
			.forEach((result) -> groups.computeIfAbsent(result.db() + " " + result.name(), (key) -> new ArrayList<>())
				.add(result));
		groups.forEach((key, group) -> {
			Result first = group.get(0);
			text.append(String.format(Locale.ROOT, "| %s | %s | %,d | %.2f | %,.0f | %,.0f–%,.0f | %s | %s |%n",
					first.db(), first.name(), first.rows(), median(group.stream().map(Result::seconds).toList()),
					medianThroughput(group), group.stream().mapToDouble(Result::throughput).min().orElse(0),
					group.stream().mapToDouble(Result::throughput).max().orElse(0), heap(group),
					first.values().getOrDefault("maxHeapMb", "?")));
		});
		text.append("\nRatios (median throughput of the product / median of the raw baseline, same rows):\n\n");
		for (String db : List.of("h2", "postgresql")) {
			ratio(text, groups, db, "evaluate", "raw-scan", "evaluate step / raw JDBC scan");
			ratio(text, groups, db, "evaluate", "job-query-scan", "evaluate step / JDBC scan of the job's own query");
			ratio(text, groups, db, "evaluate", "copy-out", "evaluate step / COPY TO STDOUT");
			ratio(text, groups, db, "ingest", "copy-in", "JSON Lines ingest / COPY FROM into a plain table");
			ratio(text, groups, db, "ingest", "copy-in-indexed",
					"JSON Lines ingest / COPY FROM into a table with agent_action's indexes and keys");
		}
		if (!this.failures.isEmpty()) {
			text.append("\nFailed:\n\n");
			this.failures.forEach((failure) -> text.append("- ").append(failure).append('\n'));
		}
		return text.toString();
	}

	private static void ratio(StringBuilder text, Map<String, List<Result>> groups, String db, String product,
			String baseline, String label) {
		List<Result> measured = groups.get(db + " " + product);
		List<Result> base = groups.get(db + " " + baseline);
		if (measured != null && base != null) {
			text.append(String.format(Locale.ROOT, "- %s: %s = %.0f%%%n", db, label,
					100 * medianThroughput(measured) / medianThroughput(base)));
		}
	}

	private static String heap(List<Result> group) {
		String used = group.stream()
			.map((result) -> result.values().get("peakHeapMb"))
			.filter((value) -> value != null)
			.map(Long::parseLong)
			.max(Comparator.naturalOrder())
			.map(String::valueOf)
			.orElse(null);
		String live = group.stream()
			.map((result) -> result.values().get("liveHeapMb"))
			.filter((value) -> value != null)
			.map(Long::parseLong)
			.max(Comparator.naturalOrder())
			.map(String::valueOf)
			.orElse(null);
		return (used != null) ? used + " / " + live : "";
	}

	private static double medianThroughput(List<Result> group) {
		return median(group.stream().map(Result::throughput).toList());
	}

	static double median(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

	/** One {@code BENCH key=value…} line of a worker. */
	record Result(String name, String db, long rows, double seconds, Map<String, String> values) {

		static Result parse(String line) {
			Map<String, String> values = new LinkedHashMap<>();
			for (String pair : line.substring("BENCH ".length()).split(" ")) {
				int equals = pair.indexOf('=');
				values.put(pair.substring(0, equals), pair.substring(equals + 1));
			}
			return new Result(values.get("name"), values.get("db"), Long.parseLong(values.get("rows")),
					Double.parseDouble(values.get("seconds")), values);
		}

		double throughput() {
			return (this.seconds > 0) ? this.rows / this.seconds : 0;
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "%s: %,d rows in %.2f s = %,.0f rows/s %s", this.name, this.rows,
					this.seconds, throughput(), this.values);
		}

	}

	/**
	 * A fresh database for one ingest: an H2 file of its own or a private PostgreSQL
	 * database.
	 */
	private record Target(String database, String url, String user, AutoCloseable resource) {

		static Target create(String database, Path dir) throws IOException {
			if (database.equals("postgresql")) {
				PostgresDatabase created = PostgresDatabase.create();
				return new Target(database, created.url(), created.user(), created);
			}
			if (database.equals("h2")) {
				Path files = Files.createTempDirectory(dir, "h2-");
				return new Target(database,
						"jdbc:h2:file:" + files.resolve("bench")
								+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
						"sa", () -> deleteTree(files));
			}
			throw new IllegalArgumentException("bench.databases: '" + database + "' is neither h2 nor postgresql");
		}

		void close() throws Exception {
			this.resource.close();
		}

	}

	private static void deleteTree(Path root) throws IOException {
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

	/** What the report says about the machine. */
	private static final class Machine {

		static String load() {
			try {
				return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
			}
			catch (IOException | RuntimeException ex) {
				return "unknown";
			}
		}

		static String memory() {
			try {
				return Files.readAllLines(Path.of("/proc/meminfo"))
					.stream()
					.filter((line) -> line.startsWith("MemTotal"))
					.findFirst()
					.map((line) -> line.replaceAll("\\s+", " "))
					.orElse("memory unknown");
			}
			catch (IOException ex) {
				return "memory unknown";
			}
		}

	}

}
