package org.envelopereview.pack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.envelopereview.review.output.BoardReview;
import org.envelopereview.review.output.PackPublisher;

import org.springframework.stereotype.Component;

/**
 * Writes the signed packs of a completed run, one per board (the review job's last step),
 * and says how to check them.
 */
@Component
public class ReviewPacks implements PackPublisher {

	private final ReviewPackWriter writer;

	private final PackProperties properties;

	public ReviewPacks(ReviewPackWriter writer, PackProperties properties) {
		this.writer = writer;
		this.properties = properties;
	}

	/**
	 * @return the signed packs, in board order; none when packs are switched off
	 */
	@Override
	public List<Path> publish(List<BoardReview> boards) {
		List<Path> packs = new ArrayList<>();
		if (this.properties.enabled()) {
			boards.forEach((board) -> packs.add(this.writer.write(board)));
		}
		return packs;
	}

	/**
	 * The lines a command prints after writing packs: their paths and the verify line.
	 */
	public static String summary(List<Path> packs) {
		if (packs.isEmpty()) {
			return "";
		}
		List<Path> shown = packs.stream().map(ReviewPacks::shown).toList();
		StringBuilder text = new StringBuilder(String.format("%nSigned review packs%n"));
		shown.forEach((pack) -> text.append("  ").append(pack).append('\n'));
		text.append(String.format("%nCheck them with:%n  envelope-review verify"));
		shown.forEach((pack) -> text.append(' ').append(pack));
		return text.append('\n').toString();
	}

	/** Relative to the working directory when inside it, as a person would type it. */
	private static Path shown(Path pack) {
		Path here = Path.of("").toAbsolutePath();
		Path absolute = pack.toAbsolutePath().normalize();
		return absolute.startsWith(here) ? here.relativize(absolute) : pack;
	}

}
