package org.envelopereview.action.chain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.envelopereview.action.Action;
import org.envelopereview.action.ActionHash;

import static org.assertj.core.api.Assertions.assertThat;

/** The verifier's rules on rows in memory; the database tests tamper with real tables. */
class JdbcAuditTrailVerifierTests {

	private final List<ChainBreak> breaks = new ArrayList<>();

	private static Action action(String id, String agent) {
		return new Action(id, Instant.parse("2026-07-03T03:47:00Z"), agent, null, null, "route.add", "rtb-1", null,
				null, null, "10.0.0.0/16", null, null, null, null, null, Action.Outcome.SUCCEEDED, null, 0, null, null);
	}

	private static Action at(Action action, long seq) {
		return new Action(action.id(), action.occurredAt(), action.agent(), null, null, action.type(),
				action.resource(), null, null, null, action.cidr(), null, null, null, null, null, action.outcome(),
				null, seq, action.prevHash(), action.hash());
	}

	@Test
	void shouldAcceptAnAgentsFirstRowAtSeqOneAfterTheGenesisHash() {
		JdbcAuditTrailVerifier.check(null, ActionHash.chain(action("a-1", "x"), 1, ActionHash.GENESIS),
				this.breaks::add);

		assertThat(this.breaks).isEmpty();
	}

	@Test
	void shouldReportAChainThatDoesNotStartAtSeqOne() {
		JdbcAuditTrailVerifier.check(null, ActionHash.chain(action("a-3", "x"), 3, ActionHash.GENESIS),
				this.breaks::add);

		assertThat(this.breaks).singleElement().satisfies((found) -> {
			assertThat(found.kind()).isEqualTo(ChainBreak.Kind.SEQ_GAP);
			assertThat(found.detail()).isEqualTo("seq 1-2 missing before seq 3 (the chain does not start at seq 1)");
		});
	}

	@Test
	void shouldStartANewChainForTheNextAgent() {
		Action first = ActionHash.chain(action("a-1", "x"), 1, ActionHash.GENESIS);
		Action other = ActionHash.chain(action("b-1", "y"), 1, ActionHash.GENESIS);

		JdbcAuditTrailVerifier.check(first, other, this.breaks::add);

		assertThat(this.breaks).isEmpty();
	}

	@Test
	void shouldReportARepeatedSeq() {
		Action first = ActionHash.chain(action("a-1", "x"), 1, ActionHash.GENESIS);
		Action again = ActionHash.chain(action("a-2", "x"), 1, first.hash());

		JdbcAuditTrailVerifier.check(first, again, this.breaks::add);

		assertThat(this.breaks).extracting(ChainBreak::kind).containsExactly(ChainBreak.Kind.SEQ_REPEAT);
	}

	@Test
	void shouldReportAnEditedRowButNotARowRenumberedInPlace() {
		Action first = ActionHash.chain(action("a-1", "x"), 1, ActionHash.GENESIS);
		Action second = ActionHash.chain(action("a-2", "x"), 2, first.hash());
		Action edited = new Action(second.id(), second.occurredAt(), second.agent(), null, null, second.type(),
				second.resource(), null, null, null, "0.0.0.0/0", null, null, null, null, null, second.outcome(), null,
				2, second.prevHash(), second.hash());

		JdbcAuditTrailVerifier.check(first, at(second, 2), this.breaks::add);
		assertThat(this.breaks).isEmpty();
		JdbcAuditTrailVerifier.check(first, edited, this.breaks::add);

		assertThat(this.breaks).singleElement().satisfies((found) -> {
			assertThat(found.kind()).isEqualTo(ChainBreak.Kind.HASH_MISMATCH);
			assertThat(found.actionId()).isEqualTo("a-2");
		});
	}

}
