package org.envelopereview.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.envelopereview.system.ReviewPaths;

import org.springframework.context.ApplicationContext;

/**
 * The one output root of every test context ({@code review.output-dir} in
 * application-test.properties): contexts that differ in nothing else are then one cached
 * context, so a test that runs the review empties the root before it starts.
 */
public final class TestOutput {

	private TestOutput() {
	}

	/** The context's output root, emptied. */
	public static Path emptied(ApplicationContext context) {
		Path root = context.getBean(ReviewPaths.class).outputDir().toAbsolutePath();
		if (Files.isDirectory(root)) {
			try (Stream<Path> files = Files.walk(root)) {
				files.sorted(Comparator.reverseOrder())
					.filter((path) -> !path.equals(root))
					.forEach(TestOutput::delete);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return root;
	}

	private static void delete(Path path) {
		try {
			Files.delete(path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
