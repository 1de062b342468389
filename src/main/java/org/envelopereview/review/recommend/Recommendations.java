package org.envelopereview.review.recommend;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jdbi.v3.core.Jdbi;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.envelopereview.review.recommend.Recommendation.LookBack;
import org.envelopereview.review.recommend.Recommendation.Outcome;
import org.envelopereview.review.recommend.Recommendation.ScopeChange;

import org.springframework.stereotype.Component;

/**
 * The recommendations a run made, stored by the assess step and read back for
 * findings.json and the pack; and the one JSON form both use.
 */
@Component
public class Recommendations {

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private final Jdbi jdbi;

	Recommendations(Jdbi jdbi) {
		this.jdbi = jdbi;
	}

	/** Replaces the run's recommendations with these (idempotent on re-execution). */
	public void save(long runId, List<Recommendation> recommendations) {
		List<RecommendationDao.Row> rows = recommendations.stream()
			.map((recommendation) -> new RecommendationDao.Row(recommendation.envelopeId(), recommendation.boardId(),
					recommendation.outcome().label(), JSON.writeValueAsString(detail(recommendation))))
			.toList();
		this.jdbi.useTransaction((handle) -> {
			RecommendationDao dao = handle.attach(RecommendationDao.class);
			dao.deleteRun(runId);
			if (!rows.isEmpty()) {
				dao.insert(runId, rows);
			}
		});
	}

	/** The run's recommendations, by envelope id. */
	public Map<String, Recommendation> of(long runId) {
		Map<String, Recommendation> byEnvelope = new LinkedHashMap<>();
		for (RecommendationDao.Row row : this.jdbi.withExtension(RecommendationDao.class, (dao) -> dao.ofRun(runId))) {
			byEnvelope.put(row.envelopeId(), read(row));
		}
		return byEnvelope;
	}

	/**
	 * The recommendation as findings.json shows it: outcome, reasons, the look-back, and
	 * for narrow the values to take out and the envelope as it would read.
	 */
	public static Map<String, Object> document(Recommendation recommendation) {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("outcome", recommendation.outcome().label());
		document.putAll(detail(recommendation));
		return document;
	}

	private static Map<String, Object> detail(Recommendation recommendation) {
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("reasons", recommendation.reasons());
		Map<String, Object> lookBack = new LinkedHashMap<>();
		lookBack.put("from", recommendation.lookBack().from().toString());
		lookBack.put("to", recommendation.lookBack().to().toString());
		lookBack.put("since", recommendation.lookBack().since());
		detail.put("lookBack", lookBack);
		detail.put("changes", recommendation.changes().stream().map((change) -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("dimension", change.dimension());
			row.put("remove", change.value());
			row.put("explanation", change.explanation());
			return row;
		}).toList());
		detail.put("proposal", recommendation.proposal());
		return detail;
	}

	private static Recommendation read(RecommendationDao.Row row) {
		JsonNode detail = JSON.readTree(row.detail());
		List<String> reasons = texts(detail.get("reasons"));
		JsonNode lookBack = detail.get("lookBack");
		List<ScopeChange> changes = new ArrayList<>();
		detail.get("changes")
			.forEach((change) -> changes.add(new ScopeChange(change.get("dimension").asString(),
					change.get("remove").asString(), change.get("explanation").asString())));
		return new Recommendation(row.envelopeId(), row.boardId(), Outcome.ofLabel(row.outcome()), reasons, changes,
				texts(detail.get("proposal")), new LookBack(Instant.parse(lookBack.get("from").asString()),
						Instant.parse(lookBack.get("to").asString()), lookBack.get("since").asString()));
	}

	private static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.forEach((node) -> texts.add(node.asString()));
		return texts;
	}

}
