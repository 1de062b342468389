package org.envelopereview.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobListener;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

/** Records every execution of the review job on the nodes it listens to. */
final class FireLog {

	record Fire(String node, String trigger, Instant scheduledFireTime) {
	}

	private final Queue<Fire> fires = new ConcurrentLinkedQueue<>();

	void listenTo(String node, Scheduler scheduler) throws SchedulerException {
		scheduler.getListenerManager().addJobListener(new JobListener() {

			@Override
			public String getName() {
				return "fire-log";
			}

			@Override
			public void jobToBeExecuted(JobExecutionContext context) {
			}

			@Override
			public void jobExecutionVetoed(JobExecutionContext context) {
			}

			@Override
			public void jobWasExecuted(JobExecutionContext context, JobExecutionException jobException) {
				FireLog.this.fires.add(new Fire(node, context.getTrigger().getKey().toString(),
						context.getScheduledFireTime().toInstant()));
			}

		});
	}

	int count() {
		return this.fires.size();
	}

	List<Fire> fires() {
		return List.copyOf(this.fires);
	}

}
