package org.envelopereview.review;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.jdbi.v3.core.Jdbi;

import org.envelopereview.envelope.EnvelopeCatalog;
import org.envelopereview.envelope.EnvelopeFile;
import org.envelopereview.system.ReviewPaths;

import org.springframework.stereotype.Component;

/**
 * The envelopes of a run exactly as its first step read them. A restarted run, perhaps in
 * another process, reads the same catalog back from the run's snapshot rather than from
 * files that may have changed since.
 */
@Component
class RunEnvelopes {

	private final EnvelopeSource source;

	private final Jdbi jdbi;

	private final ReviewRuns runs;

	private final ReviewPaths paths;

	private final Map<Long, EnvelopeCatalog> catalogs = new ConcurrentHashMap<>();

	RunEnvelopes(EnvelopeSource source, Jdbi jdbi, ReviewRuns runs, ReviewPaths paths) {
		this.source = source;
		this.jdbi = jdbi;
		this.runs = runs;
		this.paths = paths;
	}

	/** Reads the envelopes directory now. */
	EnvelopeCatalog read() {
		return this.source.load(this.paths.envelopesDir());
	}

	/** Stores every file as read under the run, replacing an earlier attempt's rows. */
	void snapshot(long runId, EnvelopeCatalog catalog) {
		this.jdbi.useHandle((handle) -> {
			handle.createUpdate(SqlFiles.sql(RunEnvelopes.class, "delete")).bind("runId", runId).execute();
			for (EnvelopeFile file : catalog.files()) {
				handle.createUpdate(SqlFiles.sql(RunEnvelopes.class, "insert"))
					.bind("runId", runId)
					.bind("fileName", file.fileName())
					.bind("envelopeId", file.envelopeId())
					.bind("boardId", file.boardId())
					.bind("sha256", file.sha256())
					.bind("valid", file.valid())
					.bind("content", file.content())
					.execute();
			}
		});
		this.catalogs.put(runId, catalog);
	}

	RunInputs inputs(long runId) {
		ReviewRuns.RunRow run = this.runs.find(runId);
		return new RunInputs(runId, run.runNumber(), run.period(), run.boardFilter(), catalog(runId),
				this.paths.envelopesDir());
	}

	EnvelopeCatalog catalog(long runId) {
		return this.catalogs.computeIfAbsent(runId, this::fromSnapshot);
	}

	/** Lets go of a finished run's catalog. */
	void forget(long runId) {
		this.catalogs.remove(runId);
	}

	private EnvelopeCatalog fromSnapshot(long runId) {
		List<Map.Entry<String, String>> files = this.jdbi
			.withHandle((handle) -> handle.createQuery(SqlFiles.sql(RunEnvelopes.class, "of-run"))
				.bind("runId", runId)
				.map((row, ctx) -> Map.entry(row.getString("file_name"), row.getString("content")))
				.list());
		Path directory = null;
		try {
			directory = Files.createTempDirectory("envelope-review-run-" + runId + "-");
			for (Map.Entry<String, String> file : files) {
				Path target = directory.resolve(file.getKey()).normalize();
				if (!target.getParent().equals(directory)) {
					throw new IllegalStateException(
							"run " + runId + " snapshot holds an unsafe file name '" + file.getKey() + "'");
				}
				Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
			}
			return this.source.load(directory);
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
