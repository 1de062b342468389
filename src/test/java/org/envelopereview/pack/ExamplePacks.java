package org.envelopereview.pack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.envelopereview.review.output.BoardReview;
import org.envelopereview.signing.PadesSigner;
import org.envelopereview.signing.SigningKeys;
import org.envelopereview.signing.SigningProperties;
import org.envelopereview.system.ReviewPaths;

/**
 * The example pack of {@link BoardReviewFixtures}, written once per test JVM under
 * {@code target/example-packs/} (kept for a look with pdftoppm); tests that tamper with
 * it work on copies.
 */
public final class ExamplePacks {

	private static final Path ROOT = Path.of("target", "example-packs");

	private static BoardReview review;

	private static Path pack;

	private static Path annexPack;

	private ExamplePacks() {
	}

	public static synchronized Path developmentPack() {
		if (pack == null) {
			try {
				Path root = Files.createDirectories(ROOT.resolve("development-key"));
				review = BoardReviewFixtures.paymentsReview(root.resolve("out/2026-Q3/payments-cab"));
				BoardReviewFixtures.writeFindingsFiles(review);
				pack = writer(root.resolve("data"), SigningProperties.developmentDefaults()).write(review);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return pack;
	}

	/**
	 * The example pack written with the register annex on; {@code register.pdf} is beside
	 * it.
	 */
	static synchronized Path annexPack() {
		if (annexPack == null) {
			try {
				Path root = Files.createDirectories(ROOT.resolve("register-annex"));
				BoardReview annexed = BoardReviewFixtures.paymentsReview(root.resolve("out/2026-Q3/payments-cab"));
				BoardReviewFixtures.writeFindingsFiles(annexed);
				annexPack = writer(root.resolve("data"), SigningProperties.developmentDefaults(),
						new ReviewPackProperties(true))
					.write(annexed);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return annexPack;
	}

	static synchronized BoardReview developmentReview() {
		developmentPack();
		return review;
	}

	static ReviewPackWriter writer(Path dataDir, SigningProperties properties) {
		return writer(dataDir, properties, ReviewPackProperties.DEFAULTS);
	}

	static ReviewPackWriter writer(Path dataDir, SigningProperties properties, ReviewPackProperties pack) {
		ReviewPaths paths = new ReviewPaths(dataDir.resolveSibling("envelopes"), dataDir.resolveSibling("out"),
				dataDir);
		return new ReviewPackWriter(new SigningKeys(properties, paths), new PadesSigner(properties), pack);
	}

	/** A copy of the example pack, to tamper with. */
	public static Path copy(Path directory) throws IOException {
		return Files.copy(developmentPack(), directory.resolve("review-pack.pdf"));
	}

}
