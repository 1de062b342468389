package org.envelopereview.pack;

import java.io.IOException;
import java.nio.file.Path;

import org.envelopereview.review.output.BoardReview;

/**
 * The example board review for tests outside this package, with its findings files
 * written.
 */
public final class PackTestSupport {

	private PackTestSupport() {
	}

	public static BoardReview review(Path outputDir) throws IOException {
		BoardReview review = BoardReviewFixtures.paymentsReview(outputDir);
		BoardReviewFixtures.writeFindingsFiles(review);
		return review;
	}

}
