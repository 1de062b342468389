package org.envelopereview.review;

/** Anchors the SQL of the evaluate step ({@code ActionEvaluation/*.sql}). */
final class ActionEvaluation {

	private ActionEvaluation() {
	}

}
