package org.envelopereview.review.rules;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WordingTests {

	@Test
	void shouldWriteAddressCountsUpToAnIpv4SpaceExactly() {
		assertThat(Wording.count(BigInteger.valueOf(65536))).isEqualTo("65536");
		assertThat(Wording.count(BigInteger.ONE.shiftLeft(32))).isEqualTo("4294967296");
	}

	@Test
	void shouldWriteLargerPowersOfTwoAsPowers() {
		assertThat(Wording.count(BigInteger.ONE.shiftLeft(64))).isEqualTo("2^64");
		assertThat(Wording.count(BigInteger.ONE.shiftLeft(128))).isEqualTo("2^128");
	}

	@Test
	void shouldRoundOtherLargeCountsToThreeSignificantDigits() {
		assertThat(Wording.count(BigInteger.ONE.shiftLeft(64).add(BigInteger.ONE.shiftLeft(63)))).isEqualTo("2.77e19");
	}

}
