package org.envelopereview.action.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One input handed to {@code ingest}: a file or standard input.
 *
 * @param name the name recorded with its records and quarantine (the path as given, or
 * {@code -} for standard input)
 * @param size its size in bytes, or -1 when unknown
 */
public record IngestInput(String name, long size, Opener opener) {

	/** Opens the input's bytes (possibly gzip-compressed). */
	@FunctionalInterface
	public interface Opener {

		InputStream open() throws IOException;

	}

	public static IngestInput file(Path path) {
		long size;
		try {
			size = Files.size(path);
		}
		catch (IOException ex) {
			size = -1;
		}
		return new IngestInput(path.toString(), size, () -> Files.newInputStream(path));
	}

	public static IngestInput standardInput(InputStream stdin) {
		return new IngestInput("-", -1, () -> new UnclosableInputStream(stdin));
	}

	/** Standard input must stay open for the process after one ingest. */
	private static final class UnclosableInputStream extends java.io.FilterInputStream {

		UnclosableInputStream(InputStream in) {
			super(in);
		}

		@Override
		public void close() {
		}

	}

}
