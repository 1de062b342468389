package org.envelopereview.review.job;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;
import org.junit.jupiter.api.Test;

import org.envelopereview.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attribution step runs on every review over the whole history: each of its look-ups
 * must be a seek of {@code agent_action_principal}, never a walk of the history (H2).
 */
@IntegrationTest
class AttributionQueryPlansTests {

	private static final String PRINCIPAL = "arn:aws:iam::123837392027:user/bert-jan";

	@Autowired
	Jdbi jdbi;

	@Test
	void shouldWalkTheDistinctPrincipalsThroughThePrincipalIndex() {
		assertThat(plan("nextPrincipal", "after", "")).contains("/* public.agent_action_principal: principal > ");
	}

	@Test
	void shouldSeekTheUnclaimedActionsOfAPrincipalThroughThePrincipalIndex() {
		// H2 names the conditions it seeks by in the index comment, in an order of its
		// own
		String seek = "(?s)/\\* public\\.agent_action_principal: [^/]*principal = \\?1[^/]*\\*/";
		assertThat(plan("nextAttribution", "after", "")).containsPattern(seek)
			.containsPattern("(?s)agent_action_principal: [^/]*envelope_id is null");
		assertThat(plan("unclaimedActions", null, null)).containsPattern(seek)
			.containsPattern("(?s)agent_action_principal: [^/]*envelope_id is null");
	}

	private String plan(String name, String parameter, String value) {
		return this.jdbi.withHandle((handle) -> {
			var query = handle
				.createQuery("EXPLAIN " + ClasspathSqlLocator.removingComments().locate(AttributionDao.class, name));
			if (name.equals("nextPrincipal")) {
				query.bind("after", value);
			}
			else {
				query.bind("principal", PRINCIPAL);
				if (parameter != null) {
					query.bind(parameter, value);
				}
			}
			return query.mapTo(String.class).one().toLowerCase();
		});
	}

}
