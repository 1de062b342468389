package org.envelopereview.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.envelopereview.EnvelopeReviewApplication;
import org.envelopereview.period.Period;
import org.envelopereview.support.PostgresDatabase;
import org.envelopereview.support.RabbitQueue;

/**
 * The benchmark at scale (BENCHMARKS.md): generates N actions for M envelopes with the
 * seeded generator, and on H2 and PostgreSQL ingests them, measures the raw baselines
 * (JDBC scan, {@code COPY}) and runs the review job, each measurement in a JVM of its own
 * with a fixed heap, several times. Prints medians, spreads and ratios, and writes them
 * to {@code target/bench/results-N.md}.
 *
 * <p>
 * Not a test: run it with {@code mvn -Pbench verify -Dbench.actions=1000000} (see
 * BENCHMARKS.md for every setting). {@code -Dbench.mode=history} measures a growing
 * history instead, {@code -Dbench.mode=remote} the evaluate step on worker processes.
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
	 * review beside the same quarter stored alone; {@code remote}: one quarter of N
	 * actions on PostgreSQL, reviewed on local threads and on worker processes in turn.
	 */
	private static final String MODE = System.getProperty("bench.mode", "scale");

	/**
	 * Remote mode: the {@code worker} processes, and as many local threads for the runs
	 * they are compared with.
	 */
	private static final int REMOTE_WORKERS = Integer.getInteger("bench.remote-workers", 2);

	/** Remote mode: {@code review.job.remote-partitions} of the remote runs. */
	private static final int REMOTE_PARTITIONS = Integer.getInteger("bench.remote-partitions", 64);

	/** Remote mode: {@code review.job.remote-poll-interval} of the remote runs. */
	private static final String REMOTE_POLL_INTERVAL = System.getProperty("bench.remote-poll-interval", "PT2S");

	/** How long a worker process may take to start taking partitions. */
	private static final Duration WORKER_READY = Duration.ofMinutes(3);

	/** How long a worker process may take to stop after SIGTERM before it is killed. */
	private static final Duration WORKER_STOP = Duration.ofMinutes(1);

	/**
	 * The line a worker logs at the end of a partition (PartitionRequestHandler): its job
	 * execution and the seconds since it took the request.
	 */
	private static final Pattern WORKER_PARTITION = Pattern
		.compile("\\(step execution \\d+, job execution (\\d+)\\) \\w+: \\d+ actions read in ([\\d.,]+) s");

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
			else if (MODE.equals("remote")) {
				new Benchmark().remoteWorkers(actions, databases);
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

	/**
	 * Issue 19: the evaluate step on {@code worker} processes against local threads, on
	 * one PostgreSQL database holding the scale mode's quarter. After one ingest the
	 * review runs on the manager's own threads and on worker processes in turn (local,
	 * remote, local, remote, …), so that the ratios come from one run, each time with
	 * every chain verified in full so that every run does the same work. The workers
	 * start before the first remote review and stop after the last; the queue and
	 * exchange are this run's own and deleted at the end.
	 */
	private void remoteWorkers(long actions, List<String> databases) throws Exception {
		Instant started = Instant.now();
		String load = Machine.load();
		databases.stream()
			.filter((database) -> !database.equals("postgresql"))
			.forEach((database) -> System.err.println(
					"Remote workers: ignoring " + database + " in bench.databases: remote workers need PostgreSQL"));
		Path envelopes = envelopes();
		Path history = history(envelopes, actions);
		long records = lines(history);
		System.err.printf(
				"Remote workers: %,d actions (%,d records in %s) for %d envelopes, %d repeats, %d local threads against "
						+ "%d worker processes (%d partitions)%n",
				actions, records, history.getFileName(), ENVELOPES, REPEATS, REMOTE_WORKERS, REMOTE_WORKERS,
				REMOTE_PARTITIONS);
		RabbitQueue queue = RabbitQueue.create("bench-");
		Target target = Target.create("postgresql", DIR);
		List<Process> workers = new ArrayList<>();
		try {
			worker(target, envelopes, INGEST_HEAP, "ingest", history.toString());
			for (int repeat = 1; repeat <= REPEATS; repeat++) {
				worker(target, envelopes, JOB_HEAP, List.of("review.job.threads=" + REMOTE_WORKERS), "review-once",
						"local." + repeat, PERIOD, "full");
				if (repeat == 1) {
					startWorkers(workers, target, envelopes, queue);
				}
				worker(target, envelopes, JOB_HEAP, remoteManager(queue), "review-once", "remote." + repeat, PERIOD,
						"full");
			}
		}
		finally {
			stopWorkers(workers);
			queue.close();
			target.close();
		}
		String report = remoteReport(records, started, load, workerPartitions(workers.size()));
		System.out.println(report);
		Files.writeString(DIR.resolve("remote-" + actions + ".md"), report, StandardCharsets.UTF_8);
		System.err.println("Written to " + DIR.resolve("remote-" + actions + ".md"));
	}

	/** The settings that make a review the manager of remote workers on the queue. */
	private static List<String> remoteManager(RabbitQueue queue) {
		List<String> settings = new ArrayList<>(List.of(queue.settings()));
		settings.addAll(List.of("review.job.workers=remote", "review.job.remote-partitions=" + REMOTE_PARTITIONS,
				"review.job.remote-poll-interval=" + REMOTE_POLL_INTERVAL,
				// fail rather than wait the default six hours if the workers die
				"review.job.remote-timeout=PT1H", "bench.slots=" + REMOTE_WORKERS));
		return settings;
	}

	/**
	 * Starts the product's {@code worker} command in JVMs of their own with the settings
	 * the measurements get, adding each to {@code workers} as it starts, and waits until
	 * all take partitions.
	 */
	private static void startWorkers(List<Process> workers, Target target, Path envelopes, RabbitQueue queue)
			throws Exception {
		for (int number = 1; number <= REMOTE_WORKERS; number++) {
			List<String> command = java(JOB_HEAP);
			command.add("-XX:+ExitOnOutOfMemoryError");
			command.addAll(settings(target, envelopes));
			Arrays.stream(queue.settings()).map((setting) -> "-D" + setting).forEach(command::add);
			command.add(EnvelopeReviewApplication.class.getName());
			command.add("worker");
			System.err.printf("  %s: worker %d (-Xmx%s)%n", target.database(), number, JOB_HEAP);
			workers.add(start(command, workerLog(number)));
		}
		for (int number = 1; number <= workers.size(); number++) {
			awaitReady(workers.get(number - 1), number);
		}
	}

	private static String workerLog(int number) {
		return "postgresql-worker-" + number;
	}

	private static void awaitReady(Process worker, int number) throws Exception {
		Path out = DIR.resolve("logs/" + workerLog(number) + ".out");
		Instant deadline = Instant.now().plus(WORKER_READY);
		while (!Files.readString(out).contains("taking evaluate partitions from RabbitMQ queue")) {
			if (!worker.isAlive() || Instant.now().isAfter(deadline)) {
				throw new IllegalStateException("worker " + number + " did not start: see " + out);
			}
			Thread.sleep(100);
		}
	}

	/**
	 * SIGTERM to every worker, then waits for each (and kills one that does not stop).
	 */
	private static void stopWorkers(List<Process> workers) throws InterruptedException {
		workers.forEach(Process::destroy);
		for (Process worker : workers) {
			if (!worker.waitFor(WORKER_STOP.toSeconds(), TimeUnit.SECONDS)) {
				worker.destroyForcibly().waitFor();
			}
		}
	}

	/** Per worker, the partitions it ran to their end, as its log says. */
	private static List<List<WorkerPartition>> workerPartitions(int workers) throws IOException {
		List<List<WorkerPartition>> partitions = new ArrayList<>();
		for (int number = 1; number <= workers; number++) {
			try (Stream<String> lines = Files.lines(DIR.resolve("logs/" + workerLog(number) + ".out"))) {
				partitions.add(lines.map(WORKER_PARTITION::matcher)
					.filter(Matcher::find)
					.map((line) -> new WorkerPartition(Long.parseLong(line.group(1)),
							Double.parseDouble(line.group(2).replace(',', '.'))))
					.toList());
			}
		}
		return partitions;
	}

	/**
	 * A partition a worker ran: its job execution, and the seconds from taking the
	 * request to the end of the range's step, by the worker's clock (the step execution
	 * records only the step itself).
	 */
	private record WorkerPartition(long jobExecution, double seconds) {

	}

	/**
	 * The remote-workers tables: each run's job and steps, each run's partitions and what
	 * they cost beyond their work, and the remote / local ratios.
	 */
	private String remoteReport(long records, Instant started, String load, List<List<WorkerPartition>> workers) {
		StringBuilder text = new StringBuilder();
		text.append(String.format(Locale.ROOT,
				"## Remote workers: %,d actions, 1 manager + %d workers against %d local threads, PostgreSQL (%s)%n%n",
				records, REMOTE_WORKERS, REMOTE_WORKERS, started));
		text.append(String.format(Locale.ROOT,
				"Machine: %d cores, %s; load average at start %s; seed %d; %d envelopes; review and worker JVMs -Xmx%s; "
						+ "every chain verified in full (--verify-chains=full).%n%n",
				Runtime.getRuntime().availableProcessors(), Machine.memory(), load, SEED, ENVELOPES, JOB_HEAP));
		text.append(remoteSetup(workers.stream().map(List::size).toList()));
		text.append("| run | job s | verify s | evaluate s | assess s | outputs s | packs s |\n");
		text.append("|---|---:|---:|---:|---:|---:|---:|\n");
		for (String label : remoteLabels()) {
			Result job = find("postgresql", label + ".job");
			if (job != null) {
				text.append(String.format(Locale.ROOT, "| %s | %.2f | %s | %s | %s | %s | %s |%n", label, job.seconds(),
						step("postgresql", label, "verifyAuditTrailStep"),
						step("postgresql", label, "evaluateActionsStep"),
						step("postgresql", label, "assessEnvelopesStep"), step("postgresql", label, "writeOutputsStep"),
						step("postgresql", label, "writePacksStep")));
			}
		}
		text.append(partitionTable(workers.stream().flatMap(List::stream).toList()));
		text.append(remoteRatios());
		if (!this.failures.isEmpty()) {
			text.append("\nFailed:\n\n");
			this.failures.forEach((failure) -> text.append("- ").append(failure).append('\n'));
		}
		return text.toString();
	}

	/** What runs where, so that the comparison says what it compares. */
	private String remoteSetup(List<Integer> partitionsPerWorker) {
		Result local = find("postgresql", "local.1.partitions");
		return String.format(Locale.ROOT,
				"Local: the review's JVM evaluates %s partitions on review.job.threads=%d threads. Remote: the same "
						+ "review with review.job.workers=remote sends %d partition requests to RabbitMQ and reads the job "
						+ "repository every %s until all have ended; %d `worker` JVMs take them, each one partition at a "
						+ "time (one consumer, prefetch 1: a worker does not read review.job.threads). The manager, the "
						+ "workers, PostgreSQL and RabbitMQ share the same %d cores, so remote cannot be faster here: "
						+ "the runs measure what the broker, the job repository and the extra JVMs cost. Each review "
						+ "runs in a new JVM; the workers are the same JVMs for every remote run (warm after the "
						+ "first) and stay up, idle, during the local runs after the first. Partitions each worker ran "
						+ "over the remote runs: %s.%n%n",
				(local != null) ? Long.toString(local.rows()) : "?", REMOTE_WORKERS, REMOTE_PARTITIONS,
				REMOTE_POLL_INTERVAL, REMOTE_WORKERS, Runtime.getRuntime().availableProcessors(), partitionsPerWorker);
	}

	/**
	 * Per run the evaluate step's partitions from the job repository: slot time is
	 * evaluate wall × slots (threads or workers); what the partitions did not use of it
	 * is the idle/overhead. For remote runs also the workers' own time per partition.
	 */
	private String partitionTable(List<WorkerPartition> onWorkers) {
		StringBuilder text = new StringBuilder();
		text.append("\nThe evaluate step's partitions (batch_step_execution; a slot is a local thread or a worker; "
				+ "idle/overhead per partition = (evaluate wall × slots − sum of partitions) / partitions; hand-off = "
				+ "from a partition's end to the start of the one that took its slot; on the worker = from taking the "
				+ "request to the end of the range's step, as the worker logs it):\n\n");
		text.append("| run | slots | partitions | median actions | sum of partitions s | median partition s | "
				+ "median on the worker s | evaluate wall s | start lag s | tail s | median hand-off s | "
				+ "idle/overhead per partition s |\n");
		text.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		for (String label : remoteLabels()) {
			Result partitions = find("postgresql", label + ".partitions");
			if (partitions != null) {
				Map<String, String> values = partitions.values();
				text.append(String.format(Locale.ROOT,
						"| %s | %s | %d | %s | %.2f | %s | %s | %s | %s | %s | %s | %s |%n", label, values.get("slots"),
						partitions.rows(), group(values.get("medianActions")), partitions.seconds(),
						values.get("medianSeconds"), medianOnWorkers(onWorkers, values.get("jobExecution")),
						values.get("evaluateSeconds"), values.get("startLag"), values.get("tail"),
						values.get("medianHandOff"), values.get("idlePerPartition")));
			}
		}
		return text.toString();
	}

	private static String medianOnWorkers(List<WorkerPartition> onWorkers, String jobExecution) {
		List<Double> seconds = onWorkers.stream()
			.filter((partition) -> Long.toString(partition.jobExecution()).equals(jobExecution))
			.map(WorkerPartition::seconds)
			.toList();
		return seconds.isEmpty() ? "" : String.format(Locale.ROOT, "%.1f", median(seconds));
	}

	private String remoteRatios() {
		StringBuilder text = new StringBuilder(
				"\nRatios (same run, medians over the repeats; per pair in parentheses):\n\n");
		remoteRatio(text, "evaluate step", ".step.evaluateActionsStep", Result::seconds);
		remoteRatio(text, "job", ".job", Result::seconds);
		remoteRatio(text, "idle/overhead per partition", ".partitions",
				(result) -> Double.parseDouble(result.values().get("idlePerPartition")));
		return text.toString();
	}

	private void remoteRatio(StringBuilder text, String what, String suffix, ToDoubleFunction<Result> value) {
		List<Double> local = new ArrayList<>();
		List<Double> remote = new ArrayList<>();
		List<String> pairs = new ArrayList<>();
		for (int repeat = 1; repeat <= REPEATS; repeat++) {
			Result l = find("postgresql", "local." + repeat + suffix);
			Result r = find("postgresql", "remote." + repeat + suffix);
			if (l != null && r != null) {
				local.add(value.applyAsDouble(l));
				remote.add(value.applyAsDouble(r));
				pairs.add(String.format(Locale.ROOT, "%.2f×", value.applyAsDouble(r) / value.applyAsDouble(l)));
			}
		}
		if (!local.isEmpty()) {
			text.append(String.format(Locale.ROOT, "- %s: remote %.3f s / local %.3f s = %.2f× (%s)%n", what,
					median(remote), median(local), median(remote) / median(local), String.join(", ", pairs)));
		}
	}

	/** The remote mode's runs in the order they ran. */
	private static List<String> remoteLabels() {
		List<String> labels = new ArrayList<>();
		for (int repeat = 1; repeat <= REPEATS; repeat++) {
			labels.add("local." + repeat);
			labels.add("remote." + repeat);
		}
		return labels;
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
		worker(target, envelopes, heap, List.of(), args);
	}

	/**
	 * One measurement of {@link BenchmarkWorker} in a JVM of its own, with
	 * {@code settings} ({@code key=value}) on top of the database and directories.
	 */
	private void worker(Target target, Path envelopes, String heap, List<String> settings, String... args)
			throws Exception {
		List<String> command = java(heap);
		command.add("-XX:+ExitOnOutOfMemoryError");
		command.add("-Dbench.database=" + target.database());
		command.addAll(settings(target, envelopes));
		command.add("-Dlogging.level.org.envelopereview=WARN");
		settings.forEach((setting) -> command.add("-D" + setting));
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

	/** The database and directories, as system properties, of every child JVM on it. */
	private static List<String> settings(Target target, Path envelopes) {
		return List.of("-Dspring.datasource.url=" + target.url(), "-Dspring.datasource.username=" + target.user(),
				"-Dspring.datasource.password=", "-Dreview.envelopes-dir=" + envelopes,
				"-Dreview.output-dir=" + DIR.resolve("out-" + target.database()),
				"-Dreview.data-dir=" + DIR.resolve("data-" + target.database()));
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
				return new Target(database, productH2Url(files), "sa", () -> deleteTree(files));
			}
			throw new IllegalArgumentException("bench.databases: '" + database + "' is neither h2 nor postgresql");
		}

		void close() throws Exception {
			this.resource.close();
		}

		/**
		 * The H2 URL a user gets (application.properties), in the given directory: the
		 * benchmark measures H2 with the settings the product ships.
		 */
		private static String productH2Url(Path dir) throws IOException {
			Properties defaults = new Properties();
			try (InputStream in = EnvelopeReviewApplication.class.getResourceAsStream("/application.properties")) {
				defaults.load(in);
			}
			String url = defaults.getProperty("spring.datasource.url");
			if (url == null || !url.contains("${review.data-dir}")) {
				throw new IllegalStateException("application.properties: no H2 URL under ${review.data-dir}: " + url);
			}
			return url.replace("${review.data-dir}", dir.toString());
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
