package org.envelopereview.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.envelopereview.envelope.EnvelopeCatalog;
import org.envelopereview.envelope.EnvelopeFile;
import org.envelopereview.envelope.EnvelopeLoader;
import org.envelopereview.envelope.EnvelopeProblem;
import org.envelopereview.system.ReviewPaths;

import org.springframework.stereotype.Component;

/**
 * {@code envelopes validate [DIR]}: prints every problem of every file, then a summary;
 * exit 0 when all files are valid, 1 when any is not, 2 when the directory cannot be
 * read.
 */
@Component
@Command(name = "validate", mixinStandardHelpOptions = true,
		description = "Check every envelope file and boards.yaml; print each problem as file:line: field: message.")
class ValidateEnvelopesCommand implements Callable<Integer> {

	private final EnvelopeLoader loader;

	private final ReviewPaths paths;

	@Spec
	CommandSpec spec;

	@Parameters(index = "0", arity = "0..1", paramLabel = "DIR",
			description = "The envelopes directory. Default: the review.envelopes-dir setting, which is ./envelopes unless configured.")
	Path directory;

	ValidateEnvelopesCommand(EnvelopeLoader loader, ReviewPaths paths) {
		this.loader = loader;
		this.paths = paths;
	}

	@Override
	public Integer call() {
		Path dir = (this.directory != null) ? this.directory : this.paths.envelopesDir();
		PrintWriter out = this.spec.commandLine().getOut();
		EnvelopeCatalog catalog;
		try {
			catalog = this.loader.load(dir);
		}
		catch (IllegalArgumentException | UncheckedIOException ex) {
			this.spec.commandLine().getErr().println("error: " + ex.getMessage());
			return 2;
		}
		catalog.problems().stream().map(EnvelopeProblem::toString).forEach(out::println);
		out.println(summary(catalog));
		out.flush();
		return catalog.valid() ? 0 : 1;
	}

	private static String summary(EnvelopeCatalog catalog) {
		List<EnvelopeFile> envelopeFiles = catalog.files()
			.stream()
			.filter((file) -> !file.fileName().equals(EnvelopeLoader.BOARDS_FILE))
			.toList();
		long invalid = envelopeFiles.stream().filter((file) -> !file.valid()).count();
		boolean boardsValid = catalog.files()
			.stream()
			.anyMatch((file) -> file.fileName().equals(EnvelopeLoader.BOARDS_FILE) && file.valid());
		return count(envelopeFiles.size(), "envelope file") + ": " + (envelopeFiles.size() - invalid) + " valid, "
				+ invalid + " invalid; " + count(catalog.directory().boards().size(), "board")
				+ (boardsValid ? "" : " (" + EnvelopeLoader.BOARDS_FILE + " is invalid)") + "; "
				+ count(catalog.problems().size(), "problem");
	}

	private static String count(long count, String noun) {
		return count + " " + noun + ((count == 1) ? "" : "s");
	}

}
