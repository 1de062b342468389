package org.envelopereview.review.output;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The entries the output steps leave in the job's execution context for the launcher:
 * their keys and how their values are stored. A run interrupted before an upgrade is
 * restarted after it, so neither the keys nor the one-value-a-line strings may change.
 */
public final class OutputContextKeys {

	/** What earlier runs' files were moved aside, one line each; written by step 5. */
	public static final String ARCHIVED = "review.archived";

	/** The signed packs, one path a line; written by step 6. */
	public static final String PACKS = "review.packs";

	private OutputContextKeys() {
	}

	static void putArchived(ExecutionContext context, List<String> archived) {
		context.putString(ARCHIVED, String.join("\n", archived));
	}

	static void putPacks(ExecutionContext context, List<Path> packs) {
		context.putString(PACKS, packs.stream().map(Path::toString).collect(Collectors.joining("\n")));
	}

	/** What earlier runs' files were moved aside; none before step 5 ran. */
	public static List<String> archived(ExecutionContext context) {
		return lines(context.getString(ARCHIVED, "")).toList();
	}

	/** The signed packs; none before step 6 ran or when packs are switched off. */
	public static List<Path> packs(ExecutionContext context) {
		return lines(context.getString(PACKS, "")).map(Path::of).toList();
	}

	private static Stream<String> lines(String stored) {
		return stored.lines().filter((line) -> !line.isBlank());
	}

}
