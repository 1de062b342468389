package org.envelopereview.action.provider;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.envelopereview.action.ActionTypes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A provider catalogue's table in the README (between {@code <!-- marker -->} and
 * {@code <!-- /marker -->}): its rows as the catalogue says they must read, and as they
 * do.
 */
public final class CatalogueTable {

	private CatalogueTable() {
	}

	/** One row per entry: name, type and effect; the last column is free text. */
	public static List<String> expected(ProviderCatalogue catalogue) {
		return catalogue.entries()
			.stream()
			.map((entry) -> "| `" + entry.name() + "` | `" + entry.type() + "` | "
					+ ActionTypes.effect(entry.type()).name().toLowerCase(Locale.ROOT) + " |")
			.toList();
	}

	/** The README's rows, their last column cut off. */
	public static List<String> readme(String marker) throws IOException {
		String readme = Files.readString(Path.of("README.md"));
		int start = readme.indexOf("<!-- " + marker + " -->");
		int end = readme.indexOf("<!-- /" + marker + " -->");
		assertThat(start).as("README marker " + marker).isNotNegative();
		assertThat(end).as("README end marker " + marker).isGreaterThan(start);
		return readme.substring(start, end)
			.lines()
			.filter((line) -> line.startsWith("| `"))
			.map((line) -> line.replaceAll(" \\| [^|]*\\|$", " |").strip())
			.toList();
	}

}
