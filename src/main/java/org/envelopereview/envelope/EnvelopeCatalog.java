package org.envelopereview.envelope;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Everything read from an envelopes directory: the valid envelopes, every problem found,
 * and every file as read (valid or not), so nothing read ever silently disappears.
 */
public record EnvelopeCatalog(BoardDirectory directory, List<Envelope> envelopes, List<EnvelopeProblem> problems,
		List<EnvelopeFile> files) {

	public EnvelopeCatalog {
		envelopes = List.copyOf(envelopes);
		problems = List.copyOf(problems);
		files = List.copyOf(files);
	}

	public boolean valid() {
		return this.problems.isEmpty();
	}

	public Optional<Envelope> envelope(String id) {
		return this.envelopes.stream().filter((envelope) -> envelope.id().equals(id)).findFirst();
	}

	/**
	 * The problems of one file (they name it as the user did, the file only by its name).
	 */
	public List<EnvelopeProblem> problemsOf(EnvelopeFile file) {
		return this.problems.stream()
			.filter((problem) -> Path.of(problem.file()).getFileName().toString().equals(file.fileName()))
			.toList();
	}

}
