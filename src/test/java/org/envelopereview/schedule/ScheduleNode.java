package org.envelopereview.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

import org.envelopereview.EnvelopeReviewApplication;
import org.envelopereview.period.ReviewCadence;

import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One scheduler node for tests: its own application context on a given database, with a
 * given review in place of the review job (or the real job when the review is null).
 * Nodes of one cluster share a scheduler name and differ in instance id.
 *
 * <p>
 * Quartz keeps connection providers in a JVM-wide registry keyed by scheduler name: every
 * test cluster gets a scheduler name of its own, and the nodes of a cluster in one JVM
 * share one connection pool (the test's), so that Quartz's provider and each node's
 * transactions see the same connections.
 */
final class ScheduleNode implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private ScheduleNode(ConfigurableApplicationContext context) {
		this.context = context;
	}

	static String uniqueSchedulerName() {
		return "test-" + UUID.randomUUID().toString().substring(0, 8);
	}

	static String h2Url() {
		return "jdbc:h2:mem:schedule-" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
	}

	static ScheduleNode start(String url, String user, String schedulerName, String instanceId,
			RecordingPeriodReview review, String... properties) {
		return start(null, url, user, schedulerName, instanceId, review, properties);
	}

	/** A node that uses the given pool instead of one of its own. */
	static ScheduleNode startOn(DataSource pool, String url, String user, String schedulerName, String instanceId,
			RecordingPeriodReview review, String... properties) {
		return start(pool, url, user, schedulerName, instanceId, review, properties);
	}

	private static ScheduleNode start(DataSource pool, String url, String user, String schedulerName, String instanceId,
			RecordingPeriodReview review, String... properties) {
		List<String> args = new ArrayList<>(
				List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
						"--spring.datasource.password=", "--spring.main.web-application-type=none",
						"--review.cli.enabled=false", "--spring.quartz.scheduler-name=" + schedulerName,
						"--spring.quartz.properties.org.quartz.scheduler.instanceId=" + instanceId,
						"--spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval=1000",
						"--spring.quartz.properties.org.quartz.scheduler.idleWaitTime=1000"));
		args.addAll(List.of(properties));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(EnvelopeReviewApplication.class)
			.profiles("test")
			.initializers((initialized) -> {
				if (review != null) {
					// in place of the real review job
					((BeanDefinitionRegistry) initialized.getBeanFactory()).registerBeanDefinition(
							"recordingPeriodReview",
							BeanDefinitionBuilder.genericBeanDefinition(PeriodReview.class, () -> review)
								.setPrimary(true)
								.getBeanDefinition());
				}
				if (pool != null) {
					initialized.getBeanFactory().registerSingleton("dataSource", pool);
				}
			})
			.run(args.toArray(String[]::new));
		if (review != null) {
			review.useDatabase(context.getBean(DataSource.class));
		}
		return new ScheduleNode(context);
	}

	ReviewScheduler scheduler() {
		return this.context.getBean(ReviewScheduler.class);
	}

	/** Fires the review job once, now, reviewing the quarter before now. */
	void fireNow() throws SchedulerException {
		Trigger now = TriggerBuilder.newTrigger()
			.forJob(ReviewSchedule.JOB)
			.usingJobData(ReviewJob.CADENCE, ReviewCadence.QUARTER.configName())
			.startNow()
			.build();
		bean(QuartzTransactions.class).run(() -> quartz().scheduleJob(now));
	}

	/** Stores the schedule as if it had been registered at {@code registeredAt}. */
	void storeScheduleRegisteredAt(Instant registeredAt) throws SchedulerException {
		Trigger registered = bean(ReviewSchedule.class).cronTrigger()
			.getTriggerBuilder()
			.startAt(Date.from(registeredAt))
			.build();
		bean(QuartzTransactions.class).run(() -> {
			quartz().addJob(ReviewSchedule.reviewJob(), true);
			quartz().scheduleJob(registered);
		});
	}

	Scheduler quartz() {
		return this.context.getBean(Scheduler.class);
	}

	<T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	@Override
	public void close() {
		this.context.close();
	}

}
