package org.envelopereview.schedule;

import java.util.Queue;

import org.envelopereview.schedule.RecordingPeriodReview.Call;

/**
 * A scheduler node in a process of its own, for tests that kill it: it fires the review
 * at once, prints {@code REVIEWING <period>} and holds the review until killed.
 */
public final class HoldingNodeProcess {

	static final String REVIEWING = "REVIEWING ";

	private HoldingNodeProcess() {
	}

	/** Arguments: database URL, user, scheduler name, instance id. */
	public static void main(String[] args) throws Exception {
		Queue<Call> calls = RecordingPeriodReview.calls();
		RecordingPeriodReview review = RecordingPeriodReview.holding(args[3], calls);
		ScheduleNode node = ScheduleNode.start(args[0], args[1], args[2], args[3], review);
		node.scheduler().start();
		node.fireNow();
		if (!review.awaitHolding()) {
			System.out.println("NEVER FIRED");
			System.exit(1);
		}
		System.out.println(REVIEWING + calls.peek().period());
		System.out.flush();
		Thread.sleep(Long.MAX_VALUE);
	}

}
