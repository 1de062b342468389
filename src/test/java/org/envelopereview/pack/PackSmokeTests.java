package org.envelopereview.pack;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.envelopereview.review.BoardReview;
import org.envelopereview.signing.PadesSigner;
import org.envelopereview.signing.SigningKeys;
import org.envelopereview.signing.SigningProperties;
import org.envelopereview.system.ReviewPaths;

import static org.assertj.core.api.Assertions.assertThat;

class PackSmokeTests {

	@Test
	void shouldWriteAPack() throws Exception {
		Path dir = Path.of("target/smoke");
		BoardReview review = BoardReviewFixtures.paymentsReview(dir.resolve("out/2026-Q3/payments-cab"));
		BoardReviewFixtures.writeFindingsFiles(review);
		SigningProperties properties = SigningProperties.developmentDefaults();
		ReviewPackWriter writer = new ReviewPackWriter(
				new SigningKeys(properties,
						new ReviewPaths(dir.resolve("envelopes"), dir.resolve("out"), dir.resolve("data"))),
				new PadesSigner(properties));
		Path pack = writer.write(review);
		assertThat(pack).exists();
	}

}
