package org.envelopereview.review.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.envelopereview.envelope.EnvelopeCatalog;
import org.envelopereview.envelope.EnvelopeFile;
import org.envelopereview.envelope.EnvelopeLoader;
import org.envelopereview.envelope.EnvelopeSnapshots;
import org.envelopereview.system.ReviewPaths;

import org.springframework.stereotype.Component;

/**
 * The envelopes of a run exactly as its first step read them. A restarted run, perhaps in
 * another process, reads the same catalog back from the run's snapshot rather than from
 * files that may have changed since. Keeps nothing: the job holds a run's inputs in a
 * job-scoped bean for as long as it runs.
 */
@Component
public class RunEnvelopes {

	private final EnvelopeLoader loader;

	private final EnvelopeSnapshots snapshots;

	private final ReviewRuns runs;

	private final ReviewPaths paths;

	RunEnvelopes(EnvelopeLoader loader, EnvelopeSnapshots snapshots, ReviewRuns runs, ReviewPaths paths) {
		this.loader = loader;
		this.snapshots = snapshots;
		this.runs = runs;
		this.paths = paths;
	}

	/** Reads the envelopes directory now. */
	public EnvelopeCatalog read() {
		return this.loader.load(this.paths.envelopesDir());
	}

	/** Stores every file as read under the run, replacing an earlier attempt's rows. */
	public void snapshot(long runId, EnvelopeCatalog catalog) {
		this.snapshots.save(runId, catalog);
	}

	/** The run as stored, with the envelopes of its snapshot. */
	public RunInputs inputs(long runId) {
		return inputs(runId, fromSnapshot(runId));
	}

	/** The run as stored, with the envelopes it just snapshotted. */
	public RunInputs inputs(long runId, EnvelopeCatalog catalog) {
		ReviewRuns.RunRow run = this.runs.find(runId);
		return new RunInputs(runId, run.runNumber(), run.period(), run.boardFilter(), catalog,
				this.paths.envelopesDir());
	}

	private EnvelopeCatalog fromSnapshot(long runId) {
		List<EnvelopeFile> files = this.snapshots.load(runId);
		if (files.isEmpty()) {
			throw new IllegalStateException("run " + runId + " has no envelope snapshot to restart from");
		}
		Path directory = null;
		try {
			directory = Files.createTempDirectory("envelope-review-run-" + runId + "-");
			for (EnvelopeFile file : files) {
				Path target = directory.resolve(file.fileName()).normalize();
				if (!directory.equals(target.getParent())) {
					throw new IllegalStateException(
							"run " + runId + " snapshot holds an unsafe file name '" + file.fileName() + "'");
				}
				Files.writeString(target, file.content(), StandardCharsets.UTF_8);
			}
			return this.loader.load(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot restore the envelopes of run " + runId + ": " + ex.getMessage(), ex);
		}
		finally {
			deleteQuietly(directory);
		}
	}

	private static void deleteQuietly(Path directory) {
		if (directory == null) {
			return;
		}
		try (Stream<Path> entries = Files.walk(directory)) {
			entries.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// a leftover temporary directory is harmless
		}
	}

}
