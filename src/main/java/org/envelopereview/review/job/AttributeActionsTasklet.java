package org.envelopereview.review.job;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.jdbi.v3.core.Jdbi;

import org.envelopereview.action.Action;
import org.envelopereview.envelope.Envelope;
import org.envelopereview.review.run.RunInputs;
import org.envelopereview.review.scope.PrincipalMatcher;
import org.envelopereview.review.scope.ScopeMatcher;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * After the envelope snapshot: attributes the actions that claim no envelope to the valid
 * envelope of the run's snapshot whose {@code principals} match their principal (SPEC
 * §7), the best scope fit per action when several do, and takes back attributions the
 * envelopes no longer give. Claims (a record's envelope, a session tag, a role mapping)
 * are never touched. A provider action that an agent record reports is left to that
 * record, so that the pair counts once (SPEC §7).
 *
 * <p>
 * The result lives in {@code agent_action.attributed_envelope_id}, which every later step
 * reads: editing an envelope file re-attributes the whole history on the next run, with
 * no re-ingest, while the findings of earlier runs stay as they were stored. The step
 * walks the distinct principals, one index seek each, and writes only what changes, so a
 * history with nothing to attribute costs a few look-ups; it is deterministic and runs
 * again when a run restarts, from the run's own snapshot.
 */
class AttributeActionsTasklet implements Tasklet {

	private static final int BATCH = 1000;

	private final Jdbi jdbi;

	private final List<Envelope> governing;

	AttributeActionsTasklet(Jdbi jdbi, RunInputs inputs) {
		this.jdbi = jdbi;
		Map<String, Envelope> byId = new LinkedHashMap<>();
		inputs.catalog()
			.envelopes()
			.stream()
			.filter((envelope) -> envelope.principals() != null && !envelope.principals().isEmpty())
			.sorted(Comparator.comparing(Envelope::id))
			.forEach((envelope) -> byId.putIfAbsent(envelope.id(), envelope));
		this.governing = List.copyOf(byId.values());
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		contribution.incrementWriteCount(attribute());
		return RepeatStatus.FINISHED;
	}

	/** Brings every attribution in line with the envelopes; returns the rows changed. */
	long attribute() {
		return this.jdbi.withHandle((handle) -> {
			AttributionDao dao = handle.attach(AttributionDao.class);
			long rows = 0;
			for (String principal = dao.nextPrincipal(""); principal != null; principal = dao
				.nextPrincipal(principal)) {
				List<Envelope> matching = matching(principal);
				rows += dao.unattributeReported(principal);
				rows += (matching.size() > 1) ? attributeByFit(dao, principal, matching)
						: attributeAll(dao, principal, matching.isEmpty() ? null : matching.get(0).id());
			}
			return rows;
		});
	}

	private List<Envelope> matching(String principal) {
		List<Envelope> matching = new ArrayList<>(1);
		for (Envelope envelope : this.governing) {
			if (PrincipalMatcher.governs(envelope, principal)) {
				matching.add(envelope);
			}
		}
		return matching;
	}

	/** One envelope (or none) for every unclaimed action of the principal. */
	private static long attributeAll(AttributionDao dao, String principal, String envelope) {
		long rows = (envelope != null) ? dao.attributeUnattributed(principal, envelope) : 0;
		for (String current = dao.nextAttribution(principal, ""); current != null; current = dao
			.nextAttribution(principal, current)) {
			if (!current.equals(envelope)) {
				rows += dao.reattribute(principal, current, envelope);
			}
		}
		return rows;
	}

	/** Several envelopes name the principal: each action goes to the one it fits best. */
	private static long attributeByFit(AttributionDao dao, String principal, List<Envelope> matching) {
		List<String> ids = new ArrayList<>();
		List<String> targets = new ArrayList<>();
		long rows = 0;
		try (Stream<AttributionDao.UnclaimedAction> actions = dao.unclaimedActions(principal)) {
			for (AttributionDao.UnclaimedAction unclaimed : (Iterable<AttributionDao.UnclaimedAction>) actions::iterator) {
				String target = ScopeMatcher.bestEnvelope(matching, asAction(unclaimed)).id();
				if (!Objects.equals(target, unclaimed.attributedTo())) {
					ids.add(unclaimed.id());
					targets.add(target);
				}
				if (ids.size() == BATCH) {
					rows += write(dao, ids, targets);
				}
			}
		}
		return rows + write(dao, ids, targets);
	}

	private static long write(AttributionDao dao, List<String> ids, List<String> targets) {
		if (ids.isEmpty()) {
			return 0;
		}
		long rows = 0;
		for (int count : dao.attributeAction(ids, targets)) {
			rows += Math.max(count, 0);
		}
		ids.clear();
		targets.clear();
		return rows;
	}

	private static Action asAction(AttributionDao.UnclaimedAction unclaimed) {
		return new Action(unclaimed.id(), null, null, null, null, unclaimed.type(), unclaimed.resource(),
				unclaimed.region(), unclaimed.protocol(), unclaimed.ports(), unclaimed.cidr(), null, null, null, null,
				null, Action.Outcome.SUCCEEDED, null, 0, null, null);
	}

}
