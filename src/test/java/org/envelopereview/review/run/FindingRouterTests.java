package org.envelopereview.review.run;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.envelopereview.envelope.BoardDirectory;
import org.envelopereview.envelope.EnvelopeCatalog;
import org.envelopereview.finding.Breach;
import org.envelopereview.finding.FindingCode;
import org.envelopereview.finding.StoredFinding;
import org.envelopereview.review.fixtures.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.envelopereview.review.fixtures.EnvelopeBuilder.envelope;

class FindingRouterTests {

	private final FindingRouter router = new FindingRouter();

	private static RunInputs inputs(BoardDirectory directory, String boardFilter) {
		EnvelopeCatalog catalog = new EnvelopeCatalog(directory, List.of(envelope().build()), List.of(), List.of());
		return new RunInputs(1, 1, Fixtures.Q3, boardFilter, catalog, Path.of("envelopes"));
	}

	private static Breach breach(String envelopeId) {
		return Breach.of(FindingCode.OOS_CIDR).envelope(envelopeId).action("a-1").about("cidrs").explain("x");
	}

	@Test
	void shouldRouteAFindingToItsEnvelopesBoardWithItsControls() {
		List<StoredFinding> routed = this.router.route(breach("PA-FAILOVER-007"), inputs(Fixtures.directory(), null));
		assertThat(routed).singleElement().satisfies((stored) -> {
			assertThat(stored.finding().boardId()).isEqualTo(Fixtures.PAYMENTS);
			assertThat(stored.finding().unassigned()).isFalse();
			assertThat(stored.finding().controls()).contains("PCI-DSS-4.0.1 1.2.2");
			assertThat(stored.key()).isEqualTo("OOS-CIDR|payments-cab|PA-FAILOVER-007|a-1|cidrs");
		});
	}

	@Test
	void shouldRouteAFindingUnderAnUnknownEnvelopeToTheDefaultBoardAsUnassigned() {
		List<StoredFinding> routed = this.router.route(breach("GHOST-1"), inputs(Fixtures.directory(), null));
		assertThat(routed).singleElement().satisfies((stored) -> {
			assertThat(stored.finding().boardId()).isEqualTo(Fixtures.NETWORK);
			assertThat(stored.finding().unassigned()).isTrue();
		});
	}

	@Test
	void shouldRouteAFindingWithNoBoardToEveryBoardWhenNoneIsDefault() {
		List<StoredFinding> routed = this.router.route(breach(null), inputs(Fixtures.directoryWithoutDefault(), null));
		assertThat(routed).extracting((stored) -> stored.finding().boardId())
			.containsExactly(Fixtures.PAYMENTS, Fixtures.NETWORK);
		assertThat(routed).allMatch((stored) -> stored.finding().unassigned());
		assertThat(routed).extracting(StoredFinding::key).doesNotHaveDuplicates();
	}

	@Test
	void shouldDropFindingsOfOtherBoardsWhenOneBoardIsReviewed() {
		assertThat(this.router.route(breach("PA-FAILOVER-007"), inputs(Fixtures.directory(), Fixtures.NETWORK)))
			.isEmpty();
	}

	@Test
	void shouldKeepKeysWithinTheColumnByHashingLongOnes() {
		Breach longOne = Breach.of(FindingCode.ENV_MODEL_DRIFT)
			.envelope("PA-FAILOVER-007")
			.about("m".repeat(600))
			.explain("x");
		String key = this.router.route(longOne, inputs(Fixtures.directory(), null)).get(0).key();
		assertThat(key).hasSizeLessThanOrEqualTo(512).startsWith("ENV-MODEL-DRIFT|sha256:");
	}

}
