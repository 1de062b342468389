package org.envelopereview.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.envelopereview.action.SourceCounts;
import org.envelopereview.action.ingest.ActionIngester;
import org.envelopereview.action.ingest.IngestFormat;
import org.envelopereview.action.ingest.IngestInput;
import org.envelopereview.action.ingest.IngestProperties;
import org.envelopereview.action.ingest.IngestReport;
import org.envelopereview.action.ingest.SourceReport;
import org.envelopereview.envelope.EnvelopeFile;
import org.envelopereview.envelope.EnvelopeLoader;
import org.envelopereview.system.ReviewPaths;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/** {@code ingest}: loads action history files into the database. */
@Component
// picocli keeps option values in the instance: a fresh one per command line
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@Command(name = "ingest", mixinStandardHelpOptions = true, subcommands = IngestWithdrawCommand.class, description = {
		"Ingest action history: native JSON Lines or CSV (SPEC §3), AWS CloudTrail, Google Cloud Audit Logs or "
				+ "the Azure Activity Log.",
		"Files may be gzip-compressed; '-' reads standard input. Re-ingesting is safe: an action id already stored is counted as a duplicate." },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:ingested (quarantined records are counted, not errors)",
				"2:an input could not be read, or bad usage",
				"3:something was quarantined and --fail-on-quarantine was given" })
class IngestCommand implements Callable<Integer> {

	static final int EXIT_UNREADABLE = 2;

	static final int EXIT_QUARANTINED = 3;

	private final ActionIngester ingester;

	private final IngestProperties properties;

	@Spec
	CommandSpec spec;

	@Option(names = "--format", paramLabel = "jsonl|csv|cloudtrail|gcp-audit|azure-activity",
			description = "Format of every input; detected per input when not given.",
			converter = FormatConverter.class)
	IngestFormat format;

	@Option(names = "--fail-on-quarantine", description = "Exit with 3 when any record was quarantined.")
	boolean failOnQuarantine;

	@Option(names = "--max-record-bytes", paramLabel = "BYTES",
			description = "Longer records are quarantined without being loaded whole (default: review.ingest.max-record-bytes, 1 MiB).")
	Integer maxRecordBytes;

	// 0..*: a required FILE would also be demanded before the withdraw subcommand
	@Parameters(paramLabel = "FILE", arity = "0..*", description = "Files to ingest, in order; '-' for standard input.")
	List<String> files;

	private final EnvelopeLoader envelopes;

	private final ReviewPaths paths;

	IngestCommand(ActionIngester ingester, IngestProperties properties, EnvelopeLoader envelopes, ReviewPaths paths) {
		this.ingester = ingester;
		this.properties = properties;
		this.envelopes = envelopes;
		this.paths = paths;
	}

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		PrintWriter err = this.spec.commandLine().getErr();
		if (this.files == null || this.files.isEmpty()) {
			err.println("ingest: name at least one FILE ('-' for standard input), or use 'ingest withdraw'");
			this.spec.commandLine().usage(err);
			return EXIT_UNREADABLE;
		}
		int maxRecordBytes = (this.maxRecordBytes != null) ? this.maxRecordBytes : this.properties.maxRecordBytes();
		if (maxRecordBytes < 1) {
			err.println("--max-record-bytes must be positive");
			return EXIT_UNREADABLE;
		}
		List<IngestInput> inputs = this.files.stream()
			.map((file) -> "-".equals(file) ? IngestInput.standardInput(System.in) : IngestInput.file(Path.of(file)))
			.toList();
		IngestReport report;
		try {
			report = this.ingester.ingest(inputs, this.format, maxRecordBytes);
		}
		catch (IllegalStateException ex) {
			err.println("ingest: " + ex.getMessage());
			return EXIT_UNREADABLE;
		}
		for (SourceReport source : report.sources()) {
			printSource(out, source);
		}
		SourceCounts.Totals totals = report.totals();
		out.printf("Total: %s%n", line(totals));
		warnAboutRoleMappings(out, report);
		out.flush();
		if (report.hasUnreadableInput()) {
			return EXIT_UNREADABLE;
		}
		return (this.failOnQuarantine && totals.quarantined() > 0) ? EXIT_QUARANTINED : 0;
	}

	private static void printSource(PrintWriter out, SourceReport source) {
		String format = (source.format() != null) ? " (" + source.format().optionValue() + ")" : "";
		out.printf("%s%s: %s%n", source.name(), format, line(source.counts().totals()));
		if (source.error() != null) {
			out.printf("  NOT READ COMPLETELY: %s%n", source.error());
		}
		Map<String, Long> skipped = source.counts().skippedByName();
		if (!skipped.isEmpty()) {
			out.printf("  skipped events: %s%n", source.counts().readOnlyNames());
		}
		if (source.counts().notReviewedNames() != null) {
			out.printf("  not reviewed (write events no rule covers): %s%n", source.counts().notReviewedNames());
		}
		source.counts()
			.unknownRegions()
			.forEach((region, changes) -> out.printf(
					"  warning: region %s is not one the catalogue knows (kept as recorded, %d changes)%n", region,
					changes));
		for (String example : source.counts().quarantineExamples()) {
			out.printf("  quarantined %s%n", example);
		}
		for (String example : source.counts().chainBreakExamples()) {
			out.printf("  chain break %s%n", example);
		}
	}

	/**
	 * A configured role mapping is a claim made on every matching event: one that matched
	 * nothing, or that names an envelope the envelopes directory does not hold, is most
	 * likely a typo, and would otherwise go unnoticed until a review.
	 */
	private void warnAboutRoleMappings(PrintWriter out, IngestReport report) {
		report.unmatchedRoleMappings()
			.forEach(
					(name, envelope) -> out.printf(
							"warning: review.ingest.role-envelopes.%s=%s matched no CloudTrail event in this ingest "
									+ "(names are an IAM role's or user's, exact and case-sensitive)%n",
							name, envelope));
		if (this.properties.roleEnvelopes().isEmpty()) {
			return;
		}
		Set<String> declared = new TreeSet<>();
		try {
			this.envelopes.load(this.paths.envelopesDir())
				.files()
				.stream()
				.map(EnvelopeFile::envelopeId)
				.filter(Objects::nonNull)
				.forEach(declared::add);
		}
		catch (RuntimeException ex) {
			out.printf("warning: cannot read the envelopes directory %s to check review.ingest.role-envelopes: %s%n",
					this.paths.envelopesDir(), ex.getMessage());
			return;
		}
		new TreeMap<>(this.properties.roleEnvelopes()).forEach((name, envelope) -> {
			if (!declared.contains(envelope)) {
				out.printf("warning: review.ingest.role-envelopes.%s names envelope %s, which is not in %s%n", name,
						envelope, this.paths.envelopesDir());
			}
		});
	}

	private static String line(SourceCounts.Totals totals) {
		return String.format(
				"read %d / stored %d / duplicates %d / quarantined %d / skipped %d; failed attempts %d, chain breaks %d",
				totals.read(), totals.stored(), totals.duplicates(), totals.quarantined(), totals.skipped(),
				totals.failedAttempts(), totals.chainBreaks());
	}

	/** Accepts the lower-case names of {@link IngestFormat}. */
	static class FormatConverter implements picocli.CommandLine.ITypeConverter<IngestFormat> {

		@Override
		public IngestFormat convert(String value) {
			for (IngestFormat format : IngestFormat.values()) {
				if (format.optionValue().equalsIgnoreCase(value)) {
					return format;
				}
			}
			throw new picocli.CommandLine.TypeConversionException(
					"'" + value + "' is not one of jsonl, csv, cloudtrail, gcp-audit, azure-activity");
		}

	}

}
