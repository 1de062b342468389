package org.envelopereview.review.rules;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.envelopereview.action.chain.ChainBreak;
import org.envelopereview.finding.Breach;
import org.envelopereview.finding.FindingCode;
import org.envelopereview.finding.Severity;
import org.envelopereview.period.Period;
import org.envelopereview.review.fixtures.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;

class ChainBreakRuleTests {

	private static ChainBreak at(String instant) {
		return new ChainBreak("failover-agent", 7, "a-7", (instant != null) ? Instant.parse(instant) : null,
				ChainBreak.Kind.SEQ_GAP, "seq 6 missing before seq 7");
	}

	@Test
	void shouldPlaceABreakInThePeriodOfItsRow() {
		assertThat(ChainBreakRule.belongsTo(at("2026-07-01T00:00:00Z"), Fixtures.Q3)).isTrue();
		assertThat(ChainBreakRule.belongsTo(at("2026-06-30T23:59:59Z"), Fixtures.Q3)).isFalse();
		assertThat(ChainBreakRule.belongsTo(at("2026-10-01T00:00:00Z"), Fixtures.Q3)).isFalse();
	}

	@Test
	void shouldReportABreakOfUnknownTimeInEveryPeriod() {
		assertThat(ChainBreakRule.belongsTo(at(null), Fixtures.Q3)).isTrue();
		assertThat(ChainBreakRule.belongsTo(at(null), Period.quarter("2027-Q1"))).isTrue();
	}

	@Test
	void shouldExplainTheBreakWithTheAgentSeqAndDetail() {
		Breach breach = ChainBreakRule.breach(at("2026-07-01T00:00:00Z"), Optional.of("PA-FAILOVER-007"));
		assertThat(breach.code()).isEqualTo(FindingCode.LOG_CHAIN_BROKEN);
		assertThat(breach.severity()).isEqualTo(Severity.CRITICAL);
		assertThat(breach.explanation()).isEqualTo("audit trail broken at agent failover-agent seq 7 (a-7): "
				+ "seq skips numbers (rows deleted) — seq 6 missing before seq 7");
	}

}
