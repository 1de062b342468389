package org.envelopereview.pack;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RowsTests {

	@Test
	void shouldGroupThousandsInCounts() {
		assertThat(Rows.count(BigInteger.valueOf(48_213))).isEqualTo("48,213");
	}

	@Test
	void shouldShowAddressSpacesBeyondReadableNumbersAsPowersOfTwo() {
		assertThat(Rows.count(BigInteger.ONE.shiftLeft(80))).isEqualTo("2^80");
		assertThat(Rows.count(BigInteger.ONE.shiftLeft(80).add(BigInteger.ONE))).isEqualTo("≈2^80");
		assertThat(Rows.count(BigInteger.ONE.shiftLeft(40))).isEqualTo("2^40");
		assertThat(Rows.count(BigInteger.ONE.shiftLeft(39))).isEqualTo("549,755,813,888");
	}

	@Test
	void shouldTellAnUnconstrainedDimensionFromOneThatAllowsNothing() {
		assertThat(Rows.list(null)).isEqualTo("any");
		assertThat(Rows.list(List.of())).isEqualTo("none");
		assertThat(Rows.list(List.of("eu-west-1", "eu-central-1"))).isEqualTo("eu-west-1, eu-central-1");
	}

	@Test
	void shouldEscapeTextShownAsStyledMarkup() {
		assertThat(Rows.escape("a<b> & <c/>")).isEqualTo("a&lt;b&gt; &amp; &lt;c/&gt;");
	}

	@Test
	void shouldAbbreviateOnlyRawRecordsLongerThanTheLimit() {
		assertThat(Rows.abbreviate("x".repeat(600))).hasSize(600);
		assertThat(Rows.abbreviate("x".repeat(601))).startsWith("x".repeat(600)).endsWith("(1 more characters)");
	}

	@Test
	void shouldShowDurationsInTheLargestReadableUnit() {
		assertThat(Rows.duration(Duration.ofMinutes(30))).isEqualTo("30 min");
		assertThat(Rows.duration(Duration.ofHours(4))).isEqualTo("4 h");
		assertThat(Rows.duration(Duration.ofDays(3))).isEqualTo("3 days");
	}

	@Test
	void shouldShowTheCommonNameOfASigner() {
		assertThat(Rows.commonName("OU=Not for submission,O=Envelope Review,CN=Envelope Review DEVELOPMENT KEY"))
			.isEqualTo("Envelope Review DEVELOPMENT KEY");
		assertThat(Rows.commonName("O=No Common Name")).isEqualTo("O=No Common Name");
	}

}
