package org.envelopereview.review.rules;

import java.util.List;

import org.envelopereview.envelope.BoardDirectory;
import org.envelopereview.period.Period;
import org.envelopereview.review.scope.ExercisedScope;
import org.envelopereview.review.scope.ModelVersionUse;
import org.envelopereview.review.scope.ScopeMeasurement;

/**
 * What an envelope rule may consult about one envelope in the period.
 *
 * @param current the scope exercised under the envelope in this period
 * @param previous the previous period's measurement, or {@code null} when unknown
 * @param attempts every action naming the envelope in the period, failed ones included
 * @param modelVersions the model versions its actions ran in the period, with when each
 * was first seen anywhere in the stored history
 */
public record EnvelopeContext(Period period, BoardDirectory directory, ExercisedScope current,
		ScopeMeasurement previous, long attempts, List<ModelVersionUse> modelVersions) {

	public EnvelopeContext {
		modelVersions = List.copyOf(modelVersions);
	}

}
