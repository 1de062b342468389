package org.envelopereview.review.rules;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import org.envelopereview.finding.FindingCatalogue;
import org.envelopereview.finding.FindingCode;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every finding code has exactly one producer: one rule bean the review is given (as the
 * application registers them, by scanning this package) or one of the rules the job steps
 * call directly.
 */
class FindingProducersTests {

	/** Rules called by the job steps themselves rather than injected as beans. */
	private static final Map<Class<?>, FindingCode> STEP_RULES = Map.of(ChainBreakRule.class, ChainBreakRule.CODE,
			InvalidEnvelopeRule.class, InvalidEnvelopeRule.CODE, UnknownEnvelopeRule.class, UnknownEnvelopeRule.CODE);

	@Test
	void shouldHaveExactlyOneProducerAndOneCatalogueEntryForEveryFindingCode() {
		Map<FindingCode, List<String>> producers = producers();
		Map<String, List<String>> notExactlyOne = new TreeMap<>();
		for (FindingCode code : FindingCode.values()) {
			List<String> found = producers.getOrDefault(code, List.of());
			if (found.size() != 1) {
				notExactlyOne.put(code.code(), found);
			}
		}
		assertThat(notExactlyOne).as("finding codes without exactly one producer").isEmpty();
		for (FindingCode code : FindingCode.values()) {
			assertThat(FindingCatalogue.shipped().entry(code)).as("catalogue entry of %s", code.code()).isNotNull();
		}
	}

	private static Map<FindingCode, List<String>> producers() {
		Map<FindingCode, List<String>> producers = new EnumMap<>(FindingCode.class);
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			context.registerBean(ReviewThresholds.class, () -> ReviewThresholds.DEFAULTS);
			context.scan(ActionRule.class.getPackageName());
			context.refresh();
			context.getBeansOfType(ActionRule.class)
				.values()
				.forEach((rule) -> add(producers, rule.getClass(), rule.codes()));
			context.getBeansOfType(EnvelopeRule.class)
				.values()
				.forEach((rule) -> add(producers, rule.getClass(), rule.codes()));
			context.getBeansOfType(DecisionRule.class)
				.values()
				.forEach((rule) -> add(producers, rule.getClass(), rule.codes()));
		}
		STEP_RULES.forEach((rule, code) -> add(producers, rule, Set.of(code)));
		return producers;
	}

	private static void add(Map<FindingCode, List<String>> producers, Class<?> rule, Set<FindingCode> codes) {
		codes.forEach((code) -> producers.computeIfAbsent(code, (c) -> new ArrayList<>()).add(rule.getSimpleName()));
	}

}
