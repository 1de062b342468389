package org.envelopereview.cli;

import java.io.BufferedWriter;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;

import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.envelopereview.envelope.EnvelopeCatalog;
import org.envelopereview.envelope.EnvelopeLoader;
import org.envelopereview.generator.GenerationRequest;
import org.envelopereview.generator.GenerationSummary;
import org.envelopereview.generator.HistoryGenerator;
import org.envelopereview.system.ProgressBars;
import org.envelopereview.system.ReviewPaths;

import org.springframework.stereotype.Component;

/**
 * {@code generate-history}: writes a seeded, realistic action history (native JSON Lines)
 * for the envelopes of a directory, for demos, tests and benchmarks.
 */
@Component
@Command(name = "generate-history", mixinStandardHelpOptions = true,
		description = "Write a seeded action history (JSON Lines) for the envelopes: in-scope traffic with timely "
				+ "reverts, and unless --no-deviations one of every deviation per quarter plus a few malformed records.")
class GenerateHistoryCommand implements Callable<Integer> {

	private final EnvelopeLoader loader;

	private final HistoryGenerator generator;

	private final ReviewPaths paths;

	@Spec
	CommandSpec spec;

	@Option(names = "--actions", paramLabel = "N", defaultValue = "1200",
			description = "Ordinary actions to write (reverts and deviations come on top). Default: ${DEFAULT-VALUE}.")
	long actions;

	@Option(names = "--seed", paramLabel = "S", defaultValue = "2026",
			description = "Random seed; the same seed and envelopes give the same file. Default: ${DEFAULT-VALUE}.")
	long seed;

	@Option(names = "--from", paramLabel = "DATE", defaultValue = "2026-01-01",
			description = "First day of the history (UTC). Default: ${DEFAULT-VALUE}.")
	LocalDate from;

	@Option(names = "--to", paramLabel = "DATE", defaultValue = "2026-10-01",
			description = "Day after the last day of the history (UTC). Default: ${DEFAULT-VALUE}.")
	LocalDate to;

	@Option(names = "--envelopes", paramLabel = "DIR",
			description = "Envelopes directory. Default: the review.envelopes-dir setting.")
	Path envelopes;

	@Option(names = { "-o", "--out" }, paramLabel = "FILE", defaultValue = "-",
			description = "Output file, or - for standard output. Default: ${DEFAULT-VALUE}.")
	String out;

	@Option(names = "--cloudtrail", paramLabel = "FILE",
			description = "Also write the AWS CloudTrail trail of one agent's security-group changes, which its "
					+ "records name (providerEventId), to FILE; with deviations, plus per quarter one change no "
					+ "agent reported, one claim the trail lacks and the trail stopped by the agent's role.")
	Path cloudtrail;

	@Option(names = "--no-deviations", negatable = false,
			description = "Write only well-behaved traffic (for benchmarks of the clean path).")
	boolean noDeviations;

	GenerateHistoryCommand(EnvelopeLoader loader, HistoryGenerator generator, ReviewPaths paths) {
		this.loader = loader;
		this.generator = generator;
		this.paths = paths;
	}

	@Override
	public Integer call() throws IOException {
		PrintWriter err = this.spec.commandLine().getErr();
		Path dir = (this.envelopes != null) ? this.envelopes : this.paths.envelopesDir();
		EnvelopeCatalog catalog = this.loader.load(dir);
		if (catalog.envelopes().isEmpty()) {
			err.println("error: no valid envelope in " + dir + "; run 'envelopes validate " + dir + "'");
			return 1;
		}
		GenerationRequest request = new GenerationRequest(this.actions, this.seed,
				this.from.atStartOfDay().toInstant(ZoneOffset.UTC), this.to.atStartOfDay().toInstant(ZoneOffset.UTC),
				!this.noDeviations);
		GenerationSummary summary;
		try (Writer target = open();
				Writer trail = openTrail();
				ProgressBar progress = progressBar();
				Writer counting = new LineCounter(target, progress)) {
			summary = this.generator.generate(catalog, request, counting, trail);
		}
		err.printf(
				"Wrote %d records to %s: %d ordinary, %d reverts, %d deviations, %d malformed (seed %d, %d envelopes%s)%n",
				summary.total(), this.out.equals("-") ? "standard output" : this.out, summary.ordinary(),
				summary.reverts(), summary.deviations(), summary.malformed(), this.seed, catalog.envelopes().size(),
				catalog.valid() ? "" : "; invalid envelope files were left out");
		if (this.cloudtrail != null) {
			err.printf("Wrote %d CloudTrail events to %s%n", summary.trailEvents(), this.cloudtrail);
		}
		err.flush();
		return 0;
	}

	/** The trail's file, or {@code null} (closing a null resource is skipped). */
	private Writer openTrail() throws IOException {
		if (this.cloudtrail == null) {
			return null;
		}
		if (this.cloudtrail.getParent() != null) {
			Files.createDirectories(this.cloudtrail.getParent());
		}
		return Files.newBufferedWriter(this.cloudtrail, StandardCharsets.UTF_8);
	}

	private Writer open() throws IOException {
		if (this.out.equals("-")) {
			return new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16) {
				@Override
				public void close() throws IOException {
					flush();
				}
			};
		}
		Path file = Path.of(this.out);
		if (file.getParent() != null) {
			Files.createDirectories(file.getParent());
		}
		return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
	}

	private ProgressBar progressBar() {
		return ProgressBars.builder("Generating", " records", 1)
			.setInitialMax(this.actions)
			.setUpdateIntervalMillis(500)
			.continuousUpdate()
			.build();
	}

	/** Advances the progress bar once per line written. */
	private static final class LineCounter extends FilterWriter {

		private final ProgressBar progress;

		LineCounter(Writer out, ProgressBar progress) {
			super(out);
			this.progress = progress;
		}

		@Override
		public void write(int c) throws IOException {
			super.write(c);
			if (c == '\n') {
				this.progress.step();
			}
		}

	}

}
